"""The content pipeline: read curriculum files, validate them, render them, sync them."""
