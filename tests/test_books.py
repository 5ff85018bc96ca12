"""The course books as PDF: what each holds, how it is made, and that a printed page names its edition."""
import pytest
from pypdf import PdfReader

from upskill.export import library, pdf
from upskill.export.books import BookSpec, UnknownBook
from upskill.export.library import find_or_build


@pytest.fixture
def books(synced_app, tmp_path):
    """Build books of the fixture curriculum into a temporary library."""
    synced_app.config["BOOKS_DIR"] = str(tmp_path / "books")

    def build(kind, lang="en", module=None):
        with synced_app.app_context():
            book = find_or_build(BookSpec(kind, lang, module))
        book.pdf = tmp_path / "books" / book.name  # where the local books storage keeps it
        return book

    return build


M02_TITLE = "The melt"


def text_of(book):
    return "\n".join(page.extract_text() for page in PdfReader(book.pdf).pages)


def outline_titles(book):
    reader = PdfReader(book.pdf)
    titles = []

    def walk(entries, depth):
        for entry in entries:
            if isinstance(entry, list):
                walk(entry, depth + 1)
            else:
                titles.append(("  " * depth) + entry.title)

    walk(reader.outline, 0)
    return titles


def test_students_handbook_has_the_lessons_tasks_quiz_and_glossary_but_no_teacher_text(books):
    book = books("student-handbook")
    text = text_of(book)
    assert book.pages >= 8 and book.file_name == "upskill-student-handbook-en-r0.9.pdf"
    for expected in ("Student's Handbook", "The hopper", "Fill the hopper safely", "Check yourself: first steps",
                     "It feeds pellets into the barrel.", "Hopper worksheet", "Glossary", "The funnel that feeds"):
        assert expected in text, expected
    for teacher_only in ("Starter with a bag of pellets", "Moisture turns to steam", "Into the barrel, through the feed throat",
                         "Right. Gravity takes the pellets"):
        assert teacher_only not in text, teacher_only


def test_teachers_book_has_plans_answers_and_the_student_text(books):
    text = text_of(books("teachers-book"))
    for expected in ("Teacher's Book", "Lesson plan", "Starter with a bag of pellets", "Moisture turns to steam",
                     "Right. Gravity takes the pellets", "The student's text", "Where the pellets go"):
        assert expected in text, expected


def test_programme_book_gives_aims_hours_and_the_rubric_scale(books):
    text = text_of(books("programme"))
    for expected in ("Written and piloted by:", "A test school", "CC BY-SA 4.0", "revision 0.9", "Aims", "Modules and hours", "First steps at the machine", "Assessment",
                     "Every compulsory step is done and recorded."):
        assert expected in text, expected


def test_bookmarks_name_modules_and_their_items(books):
    titles = outline_titles(books("student-handbook"))
    assert "First steps at the machine" in titles
    assert "  The hopper" in titles and "  Hopper worksheet" in titles
    assert "Glossary" in titles


@pytest.mark.parametrize(("kind", "module"), [("student-handbook", None), ("teachers-book", "M01")])
def test_contents_gives_the_page_number_printed_where_each_item_starts(books, kind, module):
    reader = PdfReader(books(kind, "en", module).pdf)
    starts = {}
    for entry in reader.outline:
        if isinstance(entry, list):
            for child in entry:
                if not isinstance(child, list):
                    starts[child.title] = reader.get_destination_page_number(child)
    contents = next(page.extract_text() for page in reader.pages if "Contents" in page.extract_text())
    for title in ("The hopper", "Fill the hopper safely", "Hopper worksheet"):
        line = next(line for line in contents.splitlines() if title in line)
        number = line.rsplit(" ", 1)[-1]
        printed = reader.pages[starts[title]].extract_text().split()
        assert number in printed, (title, number, printed[-12:])


def test_every_page_names_the_book_language_and_revision(books):
    reader = PdfReader(books("teachers-book", "lt").pdf)
    for page in reader.pages[1:]:
        assert "UPSKILL" in page.extract_text() and "0.9" in page.extract_text()


def test_metadata_carries_title_language_and_the_content_hash(books):
    book = books("student-handbook", "lt", "M01")
    reader = PdfReader(book.pdf)
    info = reader.metadata
    assert info["/Title"].startswith("UPSKILL")
    assert info["/Author"] and info["/Subject"]
    assert info["/upskillcontenthash"] == book.content_hash
    assert reader.trailer["/Root"]["/Lang"] == "lt"


def test_the_pdf_is_tagged_and_figures_carry_their_alt_text(books):
    reader = PdfReader(books("student-handbook").pdf)
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    alts = []

    def walk(node):
        node = node.get_object()
        if hasattr(node, "get"):
            if node.get("/S") == "/Figure":
                alts.append(str(node.get("/Alt", "")))
            kids = node.get("/K")
            for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
                walk(kid)

    walk(root["/StructTreeRoot"])
    assert "Hopper above the barrel, pellets falling into the screw" in alts


def test_a_module_book_holds_only_that_module_and_the_terms_it_uses(books):
    book = books("student-handbook", "en", "M02")
    text = text_of(book)
    assert book.file_name == "upskill-student-handbook-m02-en-r0.9.pdf"
    assert "Melting" in text or "melt" in text.lower()
    assert "Fill the hopper safely" not in text
    assert "The funnel that feeds pellets" not in text  # the hopper is not used in M02


def test_an_unchanged_book_is_not_built_again(books, monkeypatch):
    first = books("student-handbook")
    monkeypatch.setattr(pdf, "HTML", lambda **kwargs: pytest.fail("rebuilt an unchanged book"))
    again = books("student-handbook")
    assert again.cached and again.name == first.name and again.content_hash == first.content_hash


def test_a_changed_design_builds_a_new_book(books, monkeypatch):
    first = books("programme")
    monkeypatch.setattr(library, "design_fingerprint", lambda: "another design")
    second = books("programme")
    assert not second.cached and second.content_hash != first.content_hash


def test_a_failed_build_leaves_no_file_behind(books, synced_app, monkeypatch, tmp_path):
    def broken(**kwargs):
        raise RuntimeError("renderer died")

    monkeypatch.setattr(pdf, "HTML", broken)
    with pytest.raises(RuntimeError):
        books("teachers-book")
    files = [path for path in (tmp_path / "books").rglob("*") if path.is_file()]
    assert files == []


@pytest.mark.parametrize(("kind", "module", "message"), [
    ("cookbook", None, "unknown book 'cookbook'"),
    ("programme", "M01", "the programme is one book"),
    ("student-handbook", "M77", "there is no module M77"),
])
def test_unknown_books_are_refused_with_a_reason(books, kind, module, message):
    with pytest.raises(UnknownBook, match=message):
        books(kind, "en", module)


def test_cli_builds_and_reports_pages_and_size(synced_app, tmp_path):
    synced_app.config["BOOKS_DIR"] = str(tmp_path / "books")
    runner = synced_app.test_cli_runner()
    result = runner.invoke(args=["export", "pdf", "--book", "student-handbook", "--module", "M01"])
    assert result.exit_code == 0, result.output
    assert "upskill-student-handbook-m01-en-r0.9.pdf:" in result.output and "pages" in result.output
    again = runner.invoke(args=["export", "pdf", "--book", "student-handbook", "--module", "M01"])
    assert "up to date" in again.output


def test_cli_names_an_unknown_module(synced_app, tmp_path):
    synced_app.config["BOOKS_DIR"] = str(tmp_path / "books")
    result = synced_app.test_cli_runner().invoke(args=["export", "pdf", "--module", "M42"])
    assert result.exit_code != 0 and "there is no module M42" in result.output


def test_the_light_index_names_the_same_book_as_its_full_content(books, synced_app):
    book = books("teachers-book", "lt", "M01")
    with synced_app.app_context():
        key, revision = library.key_of(BookSpec("teachers-book", "lt", "M01"))
    assert (key, revision) == (book.content_hash, "0.9")


def test_a_handout_holds_the_chosen_modules_with_the_class_on_its_cover(synced_app, tmp_path):
    synced_app.config["BOOKS_DIR"] = str(tmp_path / "books")
    result = synced_app.test_cli_runner().invoke(args=[
        "export", "pdf", "--handout", "Class 2B <Alytus VTC>", "--module", "M02", "--module", "m01", "--lang", "lt"])
    assert result.exit_code == 0, result.output
    assert "upskill-handout-m02-m01-lt-r0.9.pdf" in result.output
    path = next((tmp_path / "books").rglob("upskill-handout-m02-m01-lt-r0.9.pdf"))
    reader = PdfReader(path)
    cover = reader.pages[0].extract_text()
    assert "Class 2B <Alytus VTC>" in cover and "M02, M01" in cover
    titles = [entry.title for entry in reader.outline if not isinstance(entry, list)]
    assert titles.index(M02_TITLE) < titles.index("Pirmieji žingsniai prie mašinos")  # in the teacher's order
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Starter with a bag of pellets" not in text  # laid out as the Student's Handbook


@pytest.mark.parametrize(("arguments", "message"), [
    (["--handout", "Class 2B"], "a handout needs one or more modules"),
    (["--handout", "", "--module", "M01"], "a handout needs the class or school"),
    (["--handout", "x" * 121, "--module", "M01"], "at most 120 printable characters"),
    (["--handout", "Class\x002B", "--module", "M01"], "printable characters"),
    (["--handout", "Class 2B", "--module", "M09"], "there is no module M09"),
])
def test_a_handout_without_modules_or_a_proper_class_is_refused(synced_app, tmp_path, arguments, message):
    synced_app.config["BOOKS_DIR"] = str(tmp_path / "books")
    result = synced_app.test_cli_runner().invoke(args=["export", "pdf", *arguments])
    assert result.exit_code != 0 and message in result.output


def test_a_whole_book_is_joined_from_parts_that_stay_tagged_and_linked(books):
    import pikepdf

    book = books("student-handbook")
    with pikepdf.open(book.pdf) as document:
        pages = {page.objgen for page in document.pages}
        root = document.Root.StructTreeRoot
        nums = root.ParentTree.Nums
        keys = {int(nums[i]) for i in range(0, len(nums), 2)}
        for page in document.pages:
            if "/StructParents" in page.obj:
                assert int(page.obj.StructParents) in keys  # every page's content is in the structure

        def walk(element):
            if isinstance(element, pikepdf.Dictionary) and "/S" in element:
                if "/Pg" in element:
                    assert element.Pg.objgen in pages  # no element points at a page of a part left behind
                kids = element.get("/K")
                for kid in (kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []):
                    walk(kid)

        walk(root.K[0])
        names = document.Root.Names.Dests.Names
        destinations = {str(names[i]): names[i + 1] for i in range(0, len(names), 2)}
        links = [annotation for page in document.pages for annotation in page.obj.get("/Annots", [])
                 if annotation.get("/Dest") == "term-hopper"]
        assert links, "the lesson's glossary link should lead into the glossary part"
        glossary_page = next(i for i, page in enumerate(document.pages) if page.objgen == destinations["term-hopper"][0].objgen)
        assert "The funnel that feeds pellets" in PdfReader(book.pdf).pages[glossary_page].extract_text()
        labels = document.Root.PageLabels.Nums
        assert str(labels[1].S) == "/r" and str(labels[3].S) == "/D"


def test_changing_one_lesson_re_renders_only_its_module_part(app, tmp_path, curriculum_copy, monkeypatch):
    from upskill.curriculum.sync import sync_curriculum
    from upskill.export import assembly
    from upskill.extensions import db

    app.config.update(BOOKS_DIR=str(tmp_path / "books"), CURRICULUM_DIR=str(curriculum_copy))
    rendered = []
    real = assembly._render_part
    monkeypatch.setattr(assembly, "_render_part",
                        lambda spec, content, key, revision, kind, module: rendered.append(module and module.entry.code or kind)
                        or real(spec, content, key, revision, kind, module))
    with app.app_context():
        sync_curriculum(curriculum_copy)
        db.session.commit()
        first = find_or_build(BookSpec("teachers-book", "en"))
        assert rendered == ["M01", "M02", "glossary"]
        lesson = curriculum_copy / "modules/02-melt/L1-melting.en.md"
        lesson.write_text(lesson.read_text(encoding="utf-8") + "\nOne more sentence about the melt.\n", encoding="utf-8")
        sync_curriculum(curriculum_copy)
        db.session.commit()
        rendered.clear()
        second = find_or_build(BookSpec("teachers-book", "en"))
    second.pdf = tmp_path / "books" / second.name
    assert rendered == ["M02"]
    assert second.content_hash != first.content_hash
    assert "One more sentence about the melt." in text_of(second)


@pytest.mark.parametrize(("kind", "module"), [("teachers-book", None), ("student-handbook", "M01"), ("programme", None)])
def test_the_books_pass_the_machine_checkable_pdf_ua_rules(books, kind, module):
    import pdfua

    report = pdfua.validate(str(books(kind, "en", module).pdf))
    assert [(f.rule_id, f.message[:120]) for f in report.findings] == []


def test_a_build_killed_midway_leaves_no_book_and_its_leftovers_are_cleared(synced_app, tmp_path):
    import multiprocessing
    import os
    import signal
    import time

    from upskill import jobs

    folder = tmp_path / "books"
    synced_app.config["BOOKS_DIR"] = str(folder)
    config = {name: synced_app.config.get(name) for name in jobs.WORKER_SETTINGS}
    worker = multiprocessing.get_context("spawn").Process(target=jobs.build_book, args=("teachers-book", "en", None, config))
    worker.start()
    deadline = time.monotonic() + 60
    while not list(folder.glob("parts/*.json")):  # killed once its first part is done, before the book
        assert time.monotonic() < deadline and worker.is_alive()
        time.sleep(0.05)
    os.kill(worker.pid, signal.SIGKILL)
    worker.join()
    books = [p for p in folder.rglob("upskill-*.pdf")]
    assert books == []
    left = folder / "parts" / f".partial-{__import__('socket').gethostname()}-{worker.pid}-abc"
    left.write_bytes(b"%PDF- half")  # as a kill in the middle of a write leaves it
    with synced_app.app_context():
        book = find_or_build(BookSpec("teachers-book", "en"))
    assert book.pages > 5 and not left.exists()
