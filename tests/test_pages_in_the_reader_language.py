"""Every kind of page, opened in Lithuanian, Finnish and French, speaks that language.

The walk runs on the shipped curriculum (Lithuanian complete, Finnish and French not yet) with the
demo schools and their students' work. It fails on English interface text left on the page, on a
wrong <html lang>, and on curriculum content in English where the item exists in the language.
"""
import io
import re
from dataclasses import dataclass, field

import pytest
from flask_babel import force_locale, gettext
from sqlalchemy import select
from werkzeug.exceptions import NotFound

from tests.accounts import csrf_token, log_in, make_user
from tests.conftest import REAL_CURRICULUM, empty_database, make_app
from tests.interface_strings import english_in
from tests.page_text import read_page
from upskill import jobs
from upskill.auth.services import INVITE, issue_link
from upskill.curriculum.sync import sync_curriculum
from upskill.demo import DEMO_PASSWORD, load_demo
from upskill.extensions import db
from upskill.i18n import LANGUAGE_NAMES
from upskill.models import (
    SMALLEST_GROUP, Attempt, CommentState, CurriculumItem, Enrolment, GlossaryTerm, ItemKind, ItemText, PilotPeriod,
    PilotReport, School, SchoolClass, ShowcaseComment, ShowcaseConsent, ShowcaseItem, Suggestion, SurveyAnswer,
    SurveyTaken, TaskWork, User, utcnow,
)
from upskill.pilot.reports import correct_report

LANGUAGES = ("lt", "fi", "fr")
VISITORS = {"student": "student@example.org", "teacher": "teacher@example.org", "trainer": "trainer@example.org",
            "coordinator": "coordinator@example.org", "admin": "admin@example.org"}
SEARCHED = {"lt": "liejimo"}  # Finnish and French search the English fallback: "mould"
TOO_LONG = "x" * 300
BOOK_LINK = r"/downloads/(upskill-[^\"/]+\.pdf)"
# Endpoints that answer with a file, JSON or a redirect, or another endpoint's page.
NOT_PAGES = {
    "static", "system.healthz", "public.figure", "public.glossary_csv", "teaching.progress_csv",
    "downloads.archive_file", "downloads.archive_status", "downloads.book_status", "downloads.handout_file",
    "downloads.handout_status", "learning.evidence_file", "learning.my_data_zip", "learning.save",
    "auth.logout", "admin.deactivate_user", "teaching.import_confirm", "teaching.invitations",
    "pilot.open_school_report", "pilot.submit", "pilot.correct", "pilot.period_csv", "pilot.suggestions_csv",
    "pilot.summary_pdf", "showcase.photo", "showcase.consent",
    "showcase.show_item", "showcase.remove_item", "showcase.comment", "showcase.moderate_comment",
    *(f"api.{name}" for name in ("glossary", "item", "modules", "module", "openapi", "programme")),
}


@dataclass(frozen=True)
class Page:
    """A page to open: who opens it, its address (naming the walk's records), a form to send, the item shown."""

    name: str
    path: str
    who: str = "anonymous"
    form: dict = field(default=None, hash=False)
    item: str = None
    english_source: bool = False  # shows the English master on purpose (the change log), marked lang="en"


PAGES = (
    Page("home", "/"),
    Page("programme", "/curriculum/"),
    Page("module", "/curriculum/M04/", item="M04"),
    Page("lesson", "/curriculum/M04/L1/", item="M04.L1"),
    Page("task", "/curriculum/M04/T1/", item="M04.T1"),
    Page("quiz", "/curriculum/M04/Q/", item="M04.Q"),
    Page("quiz checked", "/curriculum/M04/Q/", form={}, item="M04.Q"),
    Page("worksheet", "/curriculum/M04/W1/", item="M04.W1"),
    Page("figure", "/curriculum/M04/L1/figures/machine-units/", item="M04.L1"),
    Page("teacher's module", "/teacher/M04/", item="M04"),
    Page("teacher's lesson", "/teacher/M04/L1/", item="M04.L1"),
    Page("teacher's task", "/teacher/M04/T1/", item="M04.T1"),
    Page("answer key", "/teacher/M04/Q/", item="M04.Q"),
    Page("teacher's worksheet", "/teacher/M04/W1/", item="M04.W1"),
    Page("glossary", "/glossary/"),
    Page("search with results", "/search?q={searched}"),
    Page("search without results", "/search?q=zzqqxx"),
    Page("search too short", "/search?q=a"),
    Page("downloads", "/downloads/"),
    Page("book being made", "/downloads/{book}"),
    Page("translation status", "/curriculum/translations/"),
    Page("change log", "/changes/", english_source=True),
    Page("revision's changes", "/changes/1.1/", english_source=True),
    Page("item's changes", "/changes/items/M04.L3/?since=1.0&to=1.1", english_source=True),
    Page("glossary term's changes", "/changes/items/glossary:hazard/", english_source=True),
    Page("what to reprint", "/changes/reprint/?since=1.0", english_source=True),
    Page("404 of an unknown revision", "/changes/9.9/"),
    Page("404", "/no-such-page/"),
    Page("404 of an unknown module", "/curriculum/M99/"),
    Page("401", "/learn/"),
    Page("login", "/login"),
    Page("login refused", "/login", form={"email": "nobody@example.org", "password": "wrong password"}),
    Page("login incomplete", "/login", form={"email": "", "password": ""}),
    Page("invitation", "/account/link/{invitation}"),
    Page("invitation refused", "/account/link/{invitation}", form={"password": "short", "confirm": "other"}),
    Page("expired link", "/account/link/no-such-token"),
    Page("account", "/account/", "student"),
    Page("password change", "/account/password", "student"),
    Page("password change refused", "/account/password", "student",
         form={"current": "wrong", "password": "x", "confirm": "y"}),
    Page("student dashboard", "/learn/", "student"),
    Page("task workspace", "/learn/{open_task}/", "student", item="{open_task}"),
    Page("task workspace with feedback", "/learn/{assessed_task}/", "student", item="{assessed_task}"),
    Page("hand-in refused", "/learn/{open_task}/hand-in", "student", form={"submission_key": "x"}),
    Page("lesson, signed in", "/curriculum/M04/L1/", "student", item="M04.L1"),
    Page("task, signed in", "/curriculum/{assessed_task}/", "student", item="{assessed_task}"),
    Page("my data", "/learn/my-data", "student"),
    Page("erasure refused", "/learn/my-data/erase", "student", form={"password": "wrong"}),
    Page("classes", "/teach/", "teacher"),
    Page("class", "/teach/classes/{class_id}/", "teacher"),
    Page("student refused", "/teach/classes/{class_id}/students", "teacher", form={"name": TOO_LONG, "email": "no"}),
    Page("co-teacher refused", "/teach/classes/{class_id}/teachers", "teacher", form={"email": "x@example.org"}),
    Page("class list refused", "/teach/classes/{class_id}/import", "teacher",
         form={"roster": (b"name;mail\nIeva;ieva\n", "list.csv")}),
    Page("class list checked", "/teach/classes/{class_id}/import", "teacher",
         form={"roster": (b"name,email\nNew Student,new.student@example.org\n", "list.csv")}),
    Page("invitation sheet", "/teach/classes/{class_id}/students", "teacher",
         form={"name": "Nauja Mokinė", "email": "new.student.{lang}@example.org"}),
    Page("matrix", "/teach/classes/{class_id}/matrix", "teacher"),
    Page("outcomes", "/teach/classes/{class_id}/outcomes", "teacher"),
    Page("placement", "/teach/classes/{class_id}/students/{student_id}/placement", "teacher"),
    Page("placement refused", "/teach/classes/{class_id}/students/{student_id}/placement", "teacher",
         form={"company": "0", "trainer": "0", "starts_on": "someday"}),
    Page("new class", "/teach/classes/new", "teacher"),
    Page("new class refused", "/teach/classes/new", "teacher",
         form={"name": TOO_LONG, "school": "0", "starts_on": "1 Sept", "ends_on": ""}),
    Page("review queue", "/teach/review", "teacher"),
    Page("assessment", "/teach/attempts/{waiting_attempt}/", "teacher"),
    Page("assessment refused", "/teach/attempts/{waiting_attempt}/", "teacher", form={"overall": TOO_LONG * 10}),
    Page("assessed hand-in", "/teach/attempts/{assessed_attempt}/", "teacher"),
    Page("task, for the teacher", "/curriculum/{assessed_task}/", "teacher", item="{assessed_task}"),
    Page("handout", "/downloads/handout", "teacher"),
    Page("handout refused", "/downloads/handout", "teacher", form={"for_whom": TOO_LONG, "lang": "xx"}),
    Page("company trainer's home", "/company/", "trainer"),
    Page("company confirmation", "/company/attempts/{company_attempt}/", "trainer"),
    Page("coordinator's classes", "/teach/", "coordinator"),
    Page("download counts", "/downloads/counts", "coordinator"),
    Page("admin users", "/admin/users/", "admin"),
    Page("admin new user refused", "/admin/users/", "admin", form={"name": "", "email": "not an address"}),
    Page("admin user", "/admin/users/{student_id}/", "admin"),
    Page("admin link", "/admin/users/{reset_user}/reset-link", "admin", form={}),
    Page("audit log", "/admin/audit/", "admin"),
    Page("pilot periods", "/pilot/", "teacher"),
    Page("pilot period", "/pilot/periods/{period_id}/", "teacher"),
    Page("new pilot period", "/pilot/periods/new", "coordinator"),
    Page("new pilot period refused", "/pilot/periods/new", "coordinator",
         form={"name": TOO_LONG, "starts_on": "autumn", "ends_on": "", "schools": "0"}),
    Page("submitted pilot report", "/pilot/reports/{submitted_report}/", "coordinator"),
    Page("pilot report draft", "/pilot/reports/{draft_report}/edit", "teacher"),
    Page("pilot report refused", "/pilot/reports/{draft_report}/edit", "teacher",
         form={"revision": "1", "modules-0-code": "M99", "modules-0-relevance": "9", "modules-0-theory_used": "-1"}),
    Page("pilot reports", "/pilot/reports/", "coordinator"),
    Page("pilot reports of the school", "/pilot/reports/?every_version=y", "teacher"),
    Page("pilot reports refused", "/pilot/reports/?period=autumn&module=M99", "coordinator"),
    Page("module across schools", "/pilot/periods/{period_id}/modules/M04/", "coordinator"),
    Page("module of the school", "/pilot/periods/{period_id}/modules/M04/", "teacher"),
    Page("suggestions", "/pilot/suggestions/", "teacher"),
    Page("new suggestion", "/pilot/suggestions/new?item=M04.L1", "teacher"),
    Page("suggestion refused", "/pilot/suggestions/new", "teacher",
         form={"item_code": "M99.L9", "kind": "rant", "text": "", "language": "xx", "submission_key": "k" * 20}),
    Page("suggestion", "/pilot/suggestions/{suggestion_code}", "teacher"),
    Page("my surveys", "/pilot/surveys/", "student"),
    Page("survey", "/pilot/surveys/{survey_period}/M04/", "student"),
    Page("survey refused", "/pilot/surveys/{survey_period}/M04/", "student",
         form={"interest": "9", "clarity": "", "comment": TOO_LONG * 7}),
    Page("survey answered", "/pilot/surveys/{survey_period}/M05/", "student"),
    Page("survey results", "/pilot/periods/{period_id}/survey-results", "teacher"),
    Page("survey results, every school", "/pilot/periods/{period_id}/survey-results", "coordinator"),
    Page("suggestion board", "/pilot/suggestions/?status=waiting", "coordinator"),
    Page("suggestion board refused", "/pilot/suggestions/?kind=rant", "coordinator"),
    Page("suggestion to decide", "/pilot/suggestions/{suggestion_code}", "coordinator"),
    Page("decision refused", "/pilot/suggestions/{suggestion_code}/triage", "coordinator",
         form={"status": "rejected", "reason": "", "seen_status": "new"}),
    Page("suggestions about an item", "/pilot/suggestions/item/M04.L1", "coordinator"),
    Page("teacher's lesson for a coordinator", "/teacher/M04/L1/", "coordinator", item="M04.L1"),
    Page("showcase", "/pilot/showcase/"),
    Page("showcase, for a student", "/pilot/showcase/", "student"),
    Page("showcase, for a teacher", "/pilot/showcase/", "teacher"),
    Page("showcase presentation", "/pilot/showcase/tasks/{showcase_task}/present?slide=2", "teacher"),
    Page("showcase comments to moderate", "/pilot/showcase/moderation", "teacher"),
    Page("showcase consent refused", "/pilot/showcase/attempts/{assessed_attempt}/consent", "student",
         form={"show": "yes", "shown_name": "pseudonym", "pseudonym": TOO_LONG}),
    Page("showcase comment refused", "/pilot/showcase/items/{other_school_item}/comments", "student",
         form={"text": "", "submission_key": "k" * 32}),
    Page("pilot dashboard", "/pilot/dashboard/", "coordinator"),
)


class Site:
    """The demo site with a signed-in client per visitor, and what the curriculum has in each language."""

    def __init__(self, app, values):
        self.app, self.values = app, values
        self.clients = {"anonymous": app.test_client()}
        for who, email in VISITORS.items():
            self.clients[who] = app.test_client()
            log_in(self.clients[who], email, DEMO_PASSWORD)
        self.tokens = {who: csrf_token(client, "/login" if who == "anonymous" else "/account/")
                       for who, client in self.clients.items()}
        self.books = {lang: self._first_link("anonymous", f"/downloads/?lang={lang}", BOOK_LINK)
                      for lang in ("en", *LANGUAGES)}
        self.values["company_attempt"] = self._first_link("trainer", "/company/", r"/company/attempts/(\d+)/")
        with app.app_context():
            texts = db.session.execute(select(CurriculumItem.code, ItemText.lang, ItemText.title)
                                       .join(ItemText.item).where(CurriculumItem.retired_at.is_(None))).all()
            terms = db.session.scalars(select(GlossaryTerm)).all()
            self.titles = {(code, lang): title for code, lang, title in texts}
            self.glossary = [term.definitions for term in terms]

    def _first_link(self, who, path, pattern):
        html = self.clients[who].get(path).get_data(as_text=True)
        found = re.search(f'href="{pattern}"', html)
        assert found, f"{path} links to nothing like {pattern}"
        return found.group(1)

    def fill(self, text, lang="en"):
        """Text with the walk's records and the language's book and search words filled in."""
        return text.format(lang=lang, book=self.books[lang], searched=SEARCHED.get(lang, "mould"), **self.values)

    def item_of(self, page):
        """The code of the item a page shows (addresses write M04/T1 for M04.T1)."""
        return self.fill(page.item).replace("/", ".") if page.item else None

    def address(self, page, lang):
        path = self.fill(page.path, lang)
        return path + ("&" if "?" in path else "?") + "lang=" + lang

    def open(self, page, lang):
        client = self.clients[page.who]
        if page.form is None:
            return client.get(self.address(page, lang))
        data = {"csrf_token": self.tokens[page.who]}
        for name, value in page.form.items():
            data[name] = (io.BytesIO(value[0]), value[1]) if isinstance(value, tuple) else self.fill(value, lang)
        return client.post(self.address(page, lang), data=data)

    def english_titles(self, lang):
        """(code, English title) of every item whose title in lang, if any, differs; titles long enough to tell."""
        return [(code, title) for (code, title_lang), title in self.titles.items()
                if title_lang == "en" and len(title) >= 8 and self.titles.get((code, lang)) != title]

    def untranslated_titles(self, lang):
        return [title for code, title in self.english_titles(lang) if (code, lang) not in self.titles]

    def definitions(self, lang):
        """(English, own) definitions of the glossary terms defined in lang in other words."""
        return [(d["en"], d[lang]) for d in self.glossary if d.get("en") and d.get(lang) and d["en"] != d[lang]]

    def fallback_note(self, lang):
        with self.app.test_request_context(), force_locale(lang):
            return gettext("This text has not been translated into %(language)s yet, so it is shown in English.",
                           language=LANGUAGE_NAMES[lang])


def _first(query):
    found = db.session.scalar(query)
    assert found is not None, f"the demo has no {query}"
    return found


def _walk_values(app):
    """The records the walk's addresses name: the Visaginas class, its student and her work, two more accounts."""
    invited = make_user(app, "invited@example.org", "student")
    to_reset = make_user(app, "forgetful@example.org", "student")
    with app.app_context():
        student = _first(select(User).where(User.email == "student@example.org"))
        school_class = _first(select(SchoolClass).join(Enrolment).where(Enrolment.student_id == student.id))
        mine = select(TaskWork).where(TaskWork.student_id == student.id)
        open_task = _first(select(CurriculumItem.code).where(
            CurriculumItem.kind == ItemKind.task, CurriculumItem.module_code.in_(school_class.modules),
            CurriculumItem.code.not_in(mine.with_only_columns(TaskWork.item_code))).order_by(CurriculumItem.code))
        assessed = _first(mine.where(TaskWork.state == "accepted"))
        assessed_attempt = _first(select(Attempt).where(Attempt.work_id == assessed.id).order_by(Attempt.number.desc()))
        submitted = select(Attempt).join(TaskWork).where(TaskWork.state == "submitted", ~Attempt.assessment.has())
        confirmed = submitted.where(Attempt.confirmed_by_id.is_not(None))
        to_confirm = _first(confirmed)
        to_confirm.confirmed_by_id = to_confirm.confirmed_at = None  # the trainer's home then offers it
        classmates = select(Enrolment.student_id).where(Enrolment.class_id == school_class.id)
        waiting = _first(confirmed.where(Attempt.id != to_confirm.id, TaskWork.student_id.in_(classmates)))
        invitation = issue_link(db.session.get(User, invited), INVITE)
        reports = {r.school_id: r for r in db.session.scalars(select(PilotReport).order_by(PilotReport.number))}
        submitted = reports[student.school_id]
        teacher = _first(select(User).where(User.email == "teacher@example.org"))
        draft = correct_report(submitted, teacher)  # every demo report is submitted: the teacher starts a correction
        db.session.flush()
        suggestion = _first(select(Suggestion.code).join(User, User.id == Suggestion.author_id)
                            .where(User.email == "teacher@example.org"))
        survey_period = _survey_walk_records(student, school_class.school_id, draft.period_id)
        showcase = _showcase_records(student, assessed_attempt)
        db.session.commit()
        return {
            "survey_period": survey_period, "class_id": school_class.id, "student_id": student.id,
            "reset_user": to_reset, "invitation": invitation,
            "open_task": open_task.replace(".", "/"), "assessed_task": assessed.item_code.replace(".", "/"),
            "assessed_attempt": assessed_attempt.id, "waiting_attempt": waiting.id, "period_id": draft.period_id,
            "draft_report": draft.id, "submitted_report": submitted.id, "suggestion_code": suggestion, **showcase,
        }


def _survey_walk_records(student, school_id, demo_period_id):
    """A running period with the student's survey of M05 answered; five answers on M04 in the demo period."""
    today = utcnow().date()
    period = PilotPeriod(name="Survey walk", starts_on=today, ends_on=today, modules=["M04", "M05"], languages=["lt"],
                         schools=[db.session.get(School, school_id)])
    db.session.add(period)
    db.session.flush()
    db.session.add(SurveyTaken(student_id=student.id, period_id=period.id, module_code="M05"))
    for n in range(SMALLEST_GROUP):
        db.session.add(SurveyAnswer(id=f"{n:032x}", period_id=demo_period_id, school_id=school_id, module_code="M04",
                                    language="lt", answered_on=today, interest=1 + n, clarity=3, practice=4, time=2))
    return period.id


def _showcase_records(student, attempt):
    """The student's accepted work and a Tredu student's in the showcase, a comment on each (one approved)."""
    tredu_work = _first(select(TaskWork).join(User, User.id == TaskWork.student_id).where(
        User.email.like("%.tre@students.example.org"), TaskWork.item_code == attempt.work.item_code,
        TaskWork.state == "accepted"))
    items = {}
    for shown in (attempt, tredu_work.attempts[-1]):
        items[shown.id] = db.session.scalar(select(ShowcaseItem).where(ShowcaseItem.attempt_id == shown.id))
        if items[shown.id] is not None:  # the demo's own showcase has it already
            continue
        db.session.add(ShowcaseConsent(attempt_id=shown.id, student_id=shown.work.student_id, public=True))
        school_id = _first(select(SchoolClass.school_id).join(Enrolment)
                           .where(Enrolment.student_id == shown.work.student_id))
        items[shown.id] = ShowcaseItem(attempt_id=shown.id, task_code=shown.work.item_code, school_id=school_id,
                                       public=True)
        db.session.add(items[shown.id])
    db.session.flush()
    mine, theirs = items[attempt.id], items[tredu_work.attempts[-1].id]
    db.session.add(ShowcaseComment(item_id=mine.id, author_id=tredu_work.student_id, school_id=theirs.school_id,
                                   text="Hyvä työ!", language="fi", submission_key="t" * 32,
                                   state=CommentState.approved))
    db.session.add(ShowcaseComment(item_id=theirs.id, author_id=student.id, school_id=mine.school_id,
                                   text="Puikus darbas", language="lt", submission_key="v" * 32))
    return {"showcase_task": attempt.work.item_code, "other_school_item": theirs.id}


@pytest.fixture(scope="module")
def site(database_url, tmp_path_factory):
    patch = pytest.MonkeyPatch()
    patch.setattr(jobs, "request_build", lambda key, spec: True)  # a book asked for is not really made
    app = make_app(database_url, CURRICULUM_DIR=str(REAL_CURRICULUM), LOGIN_LIMITS_PER_ADDRESS="1000 per minute",
                   BOOKS_DIR=str(tmp_path_factory.mktemp("books")))
    with app.app_context():
        sync_curriculum(REAL_CURRICULUM)
        load_demo()
        db.session.commit()
    yield Site(app, _walk_values(app))
    patch.undo()
    empty_database(app)


def english_interface_text(site, pieces, lang):
    """Problems: English interface messages in the parts of the page in the reader's language.

    The English titles of items not translated yet are content shown as a fallback: not looked at here.
    """
    fallback_titles = site.untranslated_titles(lang)
    problems = []
    for piece in (piece for piece in pieces if piece.lang == lang):
        text = piece.text
        for title in fallback_titles:
            text = text.replace(title, " · ")
        problems += [f"“{message.english}” in {piece.where}: {message.why()}" for message in english_in(text, lang)]
    return problems


def fallback_note_problems(site, page, lang, html):
    """Problems: the page's item said to be in English though translated, or shown in English without saying so."""
    item = site.item_of(page)
    if not item:
        return []
    translated = (item, lang) in site.titles
    says_english = site.fallback_note(lang) in html
    if translated and says_english:
        return [f"{item} is translated, yet the page says it is shown in English"]
    if not translated and not says_english:
        return [f"{item} is not translated, and the page does not say it is shown in English"]
    return []


def english_title_problems(site, pieces, page, lang):
    """Problems: English titles of translated items, and English fallback titles not marked lang="en"."""
    problems = []
    for code, title in site.english_titles(lang):
        translated = (code, lang) in site.titles
        for piece in pieces:
            if title not in piece.text:
                continue
            if translated and not (page.english_source and piece.lang == "en"):
                problems.append(f"English title of {code} in {piece.where} though it is translated")
            # A document's <title> cannot mark one part of itself as English; everything else can.
            elif piece.lang != "en" and piece.where != "title":
                problems.append(f"English title of {code} in {piece.where} without lang=\"en\"")
    return problems


def english_definition_problems(site, lang, html):
    """Problems: glossary definitions shown in English though the term is defined in the language."""
    return [f"English definition shown though translated: {english[:40]}…"
            for english, own in site.definitions(lang) if english in html]


def endpoint_of(adapter, path, method):
    try:
        return adapter.match(path.split("?")[0], method=method)[0]
    except NotFound:
        return None


def test_the_walk_opens_every_endpoint_that_answers_with_a_page(site):
    adapter = site.app.url_map.bind("localhost")
    walked = {endpoint_of(adapter, site.fill(page.path), "GET" if page.form is None else "POST") for page in PAGES}
    pages = {rule.endpoint for rule in site.app.url_map.iter_rules()} - NOT_PAGES
    assert pages - walked == set()
    assert len({page.name for page in PAGES}) == len(PAGES)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_page_speaks_the_reader_language(site, page, lang):
    response = site.open(page, lang)
    assert response.status_code < 500
    html = response.get_data(as_text=True)
    html_lang, pieces = read_page(html)
    problems = [] if html_lang == lang else [f"<html lang=\"{html_lang}\">"]
    problems += english_interface_text(site, pieces, lang)
    problems += fallback_note_problems(site, page, lang, html)
    problems += english_title_problems(site, pieces, page, lang)
    problems += [] if page.english_source else english_definition_problems(site, lang, html)
    assert not problems, "\n  ".join([f"{page.name}: {site.address(page, lang)} ({response.status_code})", *problems])
