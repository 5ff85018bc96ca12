"""The forms of signing in and setting a password; every field bounded in size."""
from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, EmailField, PasswordField
from wtforms.validators import DataRequired, EqualTo, Length

from upskill.auth.services import PASSWORD_MAX
from upskill.forms import Form


class LoginForm(Form):
    email = EmailField(_l("E-mail"), validators=[DataRequired(_l("Enter your e-mail address.")), Length(max=254)])
    password = PasswordField(_l("Password"), validators=[DataRequired(_l("Enter your password.")),
                                                         Length(max=PASSWORD_MAX)])
    remember = BooleanField(_l("Keep me signed in on this device"))


class NewPasswordForm(Form):
    password = PasswordField(_l("New password"), validators=[DataRequired(_l("Choose a password.")),
                                                             Length(max=PASSWORD_MAX)])
    confirm = PasswordField(_l("The new password again"), validators=[
        DataRequired(_l("Type the password a second time.")),
        EqualTo("password", _l("The two passwords are not the same.")),
    ])


class ChangePasswordForm(NewPasswordForm):
    current = PasswordField(_l("Current password"), validators=[DataRequired(_l("Enter your current password.")),
                                                                Length(max=PASSWORD_MAX)])
