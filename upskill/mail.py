"""E-mail, only when an SMTP server is configured: without one, links are handed over in person.

The message goes out after the change it announces is committed; a mail server that does not
answer never undoes the account or the link, it only means the link is handed over instead.
"""
import logging
import smtplib
from email.message import EmailMessage

from flask import current_app
from flask_babel import gettext as _

log = logging.getLogger(__name__)


def mail_configured():
    return bool(current_app.config.get("MAIL_SERVER"))


def send_link(user, link, purpose, days=None):
    """E-mail an invitation or password link to user; return whether it was sent."""
    if not mail_configured():
        return False
    message = EmailMessage()
    message["From"] = current_app.config["MAIL_FROM"]
    message["To"] = user.email
    if purpose == "invite":
        message["Subject"] = _("Your UPSKILL account")
        body = _("Hello %(name)s,\n\nan account on the UPSKILL platform has been made for you. Open this link to "
                 "choose your password (it works once):\n\n%(link)s\n\nYou sign in with this e-mail address.",
                 name=user.name, link=link)
    else:
        message["Subject"] = _("A new password for UPSKILL")
        body = _("Hello %(name)s,\n\nopen this link to choose a new password for your UPSKILL account (it works "
                 "once):\n\n%(link)s\n\nIf you did not ask for it, tell your teacher or administrator.",
                 name=user.name, link=link)
    message.set_content(body)
    config = current_app.config
    try:
        with smtplib.SMTP(config["MAIL_SERVER"], int(config["MAIL_PORT"]), timeout=10) as smtp:
            if config.get("MAIL_USE_TLS"):
                smtp.starttls()
            if config.get("MAIL_USERNAME"):
                smtp.login(config["MAIL_USERNAME"], config.get("MAIL_PASSWORD") or "")
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as error:
        log.warning("could not e-mail the %s link to user %s: %s", purpose, user.id, error)
        return False
    return True
