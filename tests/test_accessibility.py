"""Every page type, in every role, at 1280 px and at 360 px, passes axe's WCAG 2.1 A and AA rules in Chromium.

The pages are the walk's (tests/test_pages_in_the_reader_language.py: PAGES and its demo site),
served by a real server and opened by one browser with a signed-in context per role. Forms the
walk sends are sent by the page itself (a refused form is a page type of its own). Each page is
also tabbed through: the first focusable elements must show where the focus is.

Markup, styles and scripts are what axe judges, and they do not change with the database, so the
walk runs in .ci/run's first pass only (one_engine); the PostgreSQL pass still opens the same
pages in three languages (tests/test_pages_in_the_reader_language.py).
"""
import json
import time
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from tests.conftest import BROWSER_TESTS, CHROMIUM, CHROMIUM_ARGS, serving
from tests.test_pages_in_the_reader_language import PAGES, VISITORS, site  # noqa: F401 (site is a fixture)
from upskill.demo import DEMO_PASSWORD

AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text()
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WIDTHS = (1280, 360)
TABS = 4  # the first focusable elements: the skip link, the header's links, the page's first control
# Send a form as the page's own form would, fields and files included, so the browser renders the answer.
SEND_FORM = """([action, fields, files]) => {
  const make = (tag, properties) => Object.assign(document.createElement(tag), properties);
  const form = make('form', {method: 'post', action, enctype: 'multipart/form-data'});
  for (const [name, value] of fields) form.append(make('input', {type: 'hidden', name, value}));
  for (const [name, content, fileName] of files) {
    const input = make('input', {type: 'file', name});
    const chosen = new DataTransfer();
    chosen.items.add(new File([content], fileName, {type: 'text/csv'}));
    input.files = chosen.files;
    form.append(input);
  }
  document.body.append(form);
  form.submit();
}"""
RUN_AXE = """async tags => {
  const found = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  return found.violations.map(v => ({id: v.id, help: v.help, targets: v.nodes.slice(0, 5).map(n => n.target.join(' '))}));
}"""
# Where the focus is after a Tab, and whether a ring (outline or box shadow) shows it.
FOCUS_SHOWN = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1) || style.boxShadow !== 'none';
  const box = el.getBoundingClientRect();
  const what = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' ' + (el.textContent || '').trim().slice(0, 30);
  return {what, ring, seen: box.width > 0 && box.height > 0};
}"""

pytestmark = [*BROWSER_TESTS, pytest.mark.one_engine]


@pytest.fixture(scope="module")
def site_server(site):  # noqa: F811 (the walk's fixture)
    """The walk's demo site served on a free local port for this module."""
    with serving(site.app) as address:
        yield address


@pytest.fixture(scope="module")
def role_pages(site_server):
    """One browser; per role a context signed in through the sign-in form, and its one tab."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        pages = {}
        for who in ("anonymous", *VISITORS):
            context = browser.new_context()
            context.add_init_script(AXE)  # in every document before its own scripts; the site's CSP does not apply
            pages[who] = context.new_page()
            if who != "anonymous":
                _sign_in(pages[who], site_server, VISITORS[who])
        yield pages
        browser.close()


def _sign_in(page, server, email):
    page.goto(server + "/login")
    page.fill("main input[name=email]", email)
    page.fill("main input[name=password]", DEMO_PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    assert "/login" not in page.url, f"{email} could not sign in"


def _open(tab, server, site, page_type):  # noqa: F811
    """Open page_type in the tab: a GET, or its form sent with a CSRF token of the tab's session."""
    address = server + site.address(page_type, "en")
    if page_type.form is None:
        return tab.goto(address).status
    fields = [["csrf_token", _csrf_token(tab, server, page_type.who)]]
    files = []
    for name, value in page_type.form.items():
        if isinstance(value, tuple):
            files.append([name, value[0].decode(), value[1]])
        else:
            fields.append([name, site.fill(value, "en")])
    with tab.expect_navigation() as navigation:
        tab.evaluate(SEND_FORM, [address, fields, files])
    return navigation.value.status


def _csrf_token(tab, server, who, known={}):  # noqa: B006 (the tokens read so far, one per role's session)
    """The CSRF token of the tab's session, read once from a page with a form (it holds for the session)."""
    if (tab, who) not in known:
        tab.goto(server + ("/login" if who == "anonymous" else "/account/"))
        known[tab, who] = tab.locator("input[name=csrf_token]").first.get_attribute("value")
    return known[tab, who]


def _axe_violations(tab):
    return tab.evaluate(RUN_AXE, WCAG_21_AA)


def _focus_problems(tab):
    tab.locator("body").focus()
    tab.evaluate("window.scrollTo(0, 0); document.activeElement && document.activeElement.blur()")
    problems = []
    for tabs in range(TABS):
        tab.keyboard.press("Tab")
        focus = tab.evaluate(FOCUS_SHOWN)
        if focus is None:
            return problems if tabs else ["Tab reaches nothing"]
        if not (focus["ring"] and focus["seen"]):
            problems.append(f"focus not visible on {focus['what']!r}")
    return problems


def test_every_page_type_in_every_role_passes_wcag_21_aa_at_both_widths(site, site_server, role_pages):  # noqa: F811
    timings = {"open": 0.0, "axe": 0.0, "focus": 0.0}
    failures = []
    for page_type in PAGES:
        tab = role_pages[page_type.who]
        tab.set_viewport_size({"width": WIDTHS[0], "height": 900})
        clock = time.monotonic()
        status = _open(tab, site_server, site, page_type)
        timings["open"] += time.monotonic() - clock
        problems = [] if status < 500 else [f"answered {status}"]
        for width in WIDTHS:  # the same page, laid out again for a phone: no second request
            tab.set_viewport_size({"width": width, "height": 900 if width > 600 else 740})
            clock = time.monotonic()
            problems += [f"{width} px: {v['id']}: {v['help']} at {' | '.join(v['targets'])}"
                         for v in _axe_violations(tab)]
            timings["axe"] += time.monotonic() - clock
        clock = time.monotonic()
        problems += _focus_problems(tab)  # the phone's layout, where the header is tightest
        timings["focus"] += time.monotonic() - clock
        if problems:
            failures.append("\n    ".join([f"{page_type.name} ({page_type.who}, {tab.url})", *problems]))
    print(f"\n{len(PAGES)} page types at {' and '.join(map(str, WIDTHS))} px: "
          + ", ".join(f"{what} {seconds:.1f} s" for what, seconds in timings.items()))
    assert not failures, f"{len(failures)} of {len(PAGES)} pages:\n  " + "\n  ".join(failures)


def test_the_checks_see_a_violation_and_a_hidden_focus_when_there_are_some(site_server, role_pages):
    tab = role_pages["anonymous"]
    tab.goto(site_server + "/login")
    tab.evaluate("document.querySelector('label[for=' + document.querySelector('main input[name=email]').id + ']')"
                 ".remove(); document.documentElement.removeAttribute('lang')")
    found = {v["id"] for v in _axe_violations(tab)}
    assert {"html-has-lang", "label"} <= found, json.dumps(sorted(found))
    tab.evaluate("document.querySelectorAll('a, button, input')"
                 ".forEach(e => e.style.setProperty('outline', 'none', 'important'))")
    assert _focus_problems(tab)
