"""Exports of the curriculum: the course books as PDF, built from the synced content."""
