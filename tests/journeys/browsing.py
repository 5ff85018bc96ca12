"""What every journey does in the browser: open a page of a phone's or a desktop's size, and sign in by keyboard."""
from tests.accounts import PASSWORD
from tests.journeys.keyboard import follow, skip_to_content, type_into

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


def new_page(browser, viewport):
    """A page in a context of its own, whose file choosers the keyboard helpers can answer (see keyboard.attach)."""
    page = browser.new_context(viewport=viewport).new_page()
    page.on("filechooser", lambda chooser: None)
    return page


def main_menu(page, name):
    """The link called name in the header's main menu."""
    return page.get_by_role("navigation", name="Main").get_by_role("link", name=name)


def sign_in(page, server, email, password=PASSWORD):
    """Sign in through the login form by keyboard and wait for the page it leads to."""
    page.goto(server + "/login")
    skip_to_content(page)
    type_into(page, page.get_by_label("E-mail", exact=True), email)
    type_into(page, page.get_by_label("Password", exact=True), password)
    follow(page, page.locator("main form button[type=submit]"))
    page.wait_for_url(lambda url: "/login" not in url)
