"""How a journey's user acts without a mouse: Tab (checking the focus ring at every stop), Enter, Space, arrows, typing.

Every helper takes the control as a Playwright Locator (or a CSS selector) and starts from wherever the
focus is now, so a journey first puts it near the control the way a keyboard user would: the skip link,
a fresh page (Tab starts at its top, Shift+Tab at its bottom), or the control it used last.
"""
from playwright.sync_api import expect

MAX_TABS = 80  # more presses than any page here has controls before the one a journey wants

# The focused element, whether something draws its focus (an outline, or a box shadow), and whether it is one of
# the elements the script is given.
FOCUS_SCRIPT = """(targets = []) => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow && style.boxShadow !== 'none';
  const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (el.getAttribute('name') ? '[name=' + el.getAttribute('name') + ']' : '') +
    ' "' + (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 40) + '"';
  return {name: name, visible: outline || shadow, reached: targets.includes(el)};
}"""


def located(page, target):
    """A Locator for target, which is one already or a CSS selector."""
    return page.locator(target) if isinstance(target, str) else target


def focused(page, among=None):
    """The focused element as {name, visible, reached}; fail when focus is nowhere or drawn by nothing.

    reached says whether it is one of the elements the Locator `among` matches.
    """
    element = among.evaluate_all(FOCUS_SCRIPT) if among is not None else page.evaluate(FOCUS_SCRIPT)
    assert element is not None, "focus is on no element"
    assert element["visible"], f"no visible focus indicator on {element['name']}"
    return element


def tab_until(page, targets, backwards=False):
    """Press Tab (or Shift+Tab) until one of the elements `targets` matches has focus, checking every stop's ring."""
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(MAX_TABS):
        page.keyboard.press(key)
        if focused(page, targets)["reached"]:
            return
    raise AssertionError(f"{MAX_TABS} presses of {key} never reached {targets}")


def tab_to(page, target, backwards=False):
    """Press Tab (or Shift+Tab) until the one element target names has focus, checking every stop's ring."""
    target = located(page, target)
    expect(target).to_have_count(1)
    tab_until(page, target, backwards)


def focus_on_content(page):
    """Whether the focus is on the page's content as a whole (main), where the skip link puts it.

    A page can open there too: a form without an action goes to its page's address, the skip link's
    #main included, and the page it leads to keeps that ending.
    """
    return page.evaluate("document.activeElement === document.querySelector('main')")


def skip_to_content(page):
    """From the top of a fresh page, take the skip link (unless it opened there): the next Tab goes into the content."""
    if not focus_on_content(page):
        tab_to(page, page.locator("a.skip-link"))
        page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()


def press(page, control, backwards=False):
    """Tab to a link or button and press Enter."""
    tab_to(page, control, backwards)
    page.keyboard.press("Enter")


def follow(page, control, backwards=False):
    """Tab to a link or a form's button, press Enter, and wait for the page it opens to load."""
    with page.expect_navigation():
        press(page, control, backwards)


def tick(page, checkbox, backwards=False):
    """Tab to an unticked check box and tick it with Space."""
    tab_to(page, checkbox, backwards)
    page.keyboard.press("Space")
    expect(located(page, checkbox)).to_be_checked()


def choose(page, radio, backwards=False):
    """Choose a radio button: Tab into its group (Tab stops at one radio of it), then arrows to it, or Space there."""
    radio = located(page, radio)
    expect(radio).to_have_count(1)
    group = page.locator(f"input[type=radio][name=\"{radio.get_attribute('name')}\"]")
    tab_until(page, group, backwards)
    for _ in range(group.count()):
        if focused(page, radio)["reached"]:
            break
        page.keyboard.press("ArrowDown")
    else:
        raise AssertionError(f"the arrows never reached {radio} in its group")
    if not radio.is_checked():
        page.keyboard.press("Space")
    expect(radio).to_be_checked()


def type_into(page, field, text, backwards=False):
    """Tab to a text field, select what it holds, and type text over it."""
    tab_to(page, field, backwards)
    page.keyboard.press("ControlOrMeta+A")
    page.keyboard.type(text)
    expect(located(page, field)).to_have_value(text)


def pick(page, menu, label, backwards=False):
    """Tab to a <select> and move through its options with the arrow keys until the one labelled label is chosen."""
    menu = located(page, menu)
    tab_to(page, menu, backwards)
    labels = menu.evaluate("s => Array.from(s.options, o => o.label.trim())")
    assert label in labels, f"{label!r} is not one of {labels}"
    steps = labels.index(label) - menu.evaluate("s => s.selectedIndex")
    for _ in range(abs(steps)):
        page.keyboard.press("ArrowDown" if steps > 0 else "ArrowUp")
    expect(menu.locator("option:checked")).to_have_text(label)


def attach(page, file_input, files, backwards=False):
    """Tab to a file input, open its file chooser with Space, and pick files there.

    The page must have had a "filechooser" listener from its start (browsing.new_page): one added now
    turns the interception on too late for the first chooser now and then.
    """
    tab_to(page, file_input, backwards)
    with page.expect_file_chooser() as chooser:
        page.keyboard.press("Space")
    chooser.value.set_files(files)
