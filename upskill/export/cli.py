"""`flask --app upskill export pdf ...`: build the course books ahead of time."""
import sys

import click
from flask.cli import AppGroup

from upskill.config import LANGUAGES
from upskill.export.books import BOOK_KINDS, HANDOUT, BookSpec, UnknownBook
from upskill.export.content import load_book_content
from upskill.export.library import find_or_build

export_cli = AppGroup("export", help="Export the curriculum: the course books as PDF.")


@export_cli.command("pdf")
@click.option("--book", "kinds", type=click.Choice(BOOK_KINDS), multiple=True,
              help="Which book (repeatable; default: all three).")
@click.option("--module", "modules", multiple=True, help="A module code such as M04 (repeatable; default: whole books).")
@click.option("--lang", "langs", type=click.Choice(LANGUAGES), multiple=True, help="Language (repeatable; default: en).")
@click.option("--all", "everything", is_flag=True, help="Every book, whole and per module, in every language.")
@click.option("--handout", "for_whom", metavar="CLASS",
              help="Make one handout of the --module modules, with this class or school on its cover.")
def pdf_command(kinds, modules, langs, everything, for_whom):
    """Build the books asked for (unchanged ones come from the library) and say what was built."""
    try:
        if for_whom is not None:
            specs = [BookSpec(HANDOUT, lang, modules=tuple(code.upper() for code in modules), for_whom=for_whom)
                     for lang in langs or ("en",)]
        else:
            specs = _specs(kinds or BOOK_KINDS, modules, langs or (LANGUAGES if everything else ("en",)), everything)
    except UnknownBook as error:
        raise click.ClickException(str(error)) from None
    with click.progressbar(specs, label="Building books", file=sys.stderr,
                           item_show_func=lambda s: s and f"{s.kind} {s.module or ''} {s.lang}") as bar:
        for spec in bar:
            try:
                book = find_or_build(spec)
            except UnknownBook as error:
                raise click.ClickException(str(error)) from None
            how = "up to date" if book.cached else f"built in {book.seconds:.1f} s"
            click.echo(f"{book.file_name}: {book.pages} pages, {book.size / 1e6:.1f} MB, {how}")


def _specs(kinds, modules, langs, everything):
    if everything:
        content = load_book_content("en")
        modules = [None] + [m.entry.code for m in (content.modules if content else [])]
    else:
        modules = list(modules) or [None]
    return [BookSpec(kind, lang, module) for lang in langs for kind in kinds for module in modules
            if not (kind == "programme" and module)]
