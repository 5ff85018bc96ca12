"""What a journey does in the browser: sign in through the form, and move by keyboard with visible focus."""
from playwright.sync_api import expect

from tests.accounts import PASSWORD

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
MAX_TABS = 80  # more presses than any page here has controls before the one a journey wants

# The focused element, and whether something draws its focus: an outline, or a box shadow.
FOCUS_SCRIPT = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow && style.boxShadow !== 'none';
  const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (el.getAttribute('name') ? '[name=' + el.getAttribute('name') + ']' : '') +
    ' "' + (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 40) + '"';
  return {name: name, visible: outline || shadow};
}"""


def sign_in(page, server, email, password=PASSWORD):
    """Sign in through the login form and wait for the page it leads to."""
    page.goto(server + "/login")
    page.get_by_label("E-mail", exact=True).fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(lambda url: "/login" not in url)


def focused(page):
    """The focused element as {name, visible}; fail when focus is nowhere or drawn by nothing."""
    element = page.evaluate(FOCUS_SCRIPT)
    assert element is not None, "focus is on no element"
    assert element["visible"], f"no visible focus indicator on {element['name']}"
    return element


def tab_to(page, selector, backwards=False):
    """Press Tab (or Shift+Tab) until the element matching selector has focus, checking every stop's focus ring."""
    key = "Shift+Tab" if backwards else "Tab"
    target = page.locator(selector)
    expect(target).to_have_count(1)
    for _ in range(MAX_TABS):
        page.keyboard.press(key)
        focused(page)
        if target.evaluate("el => el === document.activeElement"):
            return
    raise AssertionError(f"{MAX_TABS} presses of {key} never reached {selector}")
