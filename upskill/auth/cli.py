"""`flask --app upskill users ...`: create, list, change and deactivate accounts from the shell."""
import json
import sys

import click
from flask import current_app
from flask.cli import AppGroup
from sqlalchemy import func, select

from upskill.auth.emails import is_email
from upskill.auth.services import (
    INVITE, AccountError, create_user, deactivate, find_user, issue_link, password_problem, set_roles,
)
from upskill.extensions import db
from upskill.mail import send_link
from upskill.models import Role, School, User

users_cli = AppGroup("users", help="Create, list, change and deactivate accounts.")
ROLE_OPTION = click.option("--role", "roles", multiple=True, required=True,
                           type=click.Choice([r.value for r in Role]), help="A role; repeat for several.")


def link_url(token):
    return current_app.config["BASE_URL"].rstrip("/") + "/account/link/" + token


def _user_or_exit(email):
    user = find_user(email)
    if user is None:
        raise click.ClickException(f"No account has the e-mail {email}.")
    return user


@users_cli.command("create")
@click.option("--email", required=True)
@click.option("--name", default=None, help="The person's name (default: the part of the e-mail before @).")
@ROLE_OPTION
@click.option("--school", default=None, help="Code of the school or company, e.g. LT-VIS.")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
def create_command(email, name, roles, school, password_stdin):
    """Create an account; without --password-stdin, print its invitation link."""
    if not is_email(email.strip()):
        raise click.BadParameter("not an e-mail address", param_hint="--email")
    place = None
    if school:
        place = db.session.scalar(select(School).where(School.code == school))
        if place is None:
            raise click.BadParameter(f"no school or company has the code {school}", param_hint="--school")
    password = sys.stdin.readline().rstrip("\n") if password_stdin else None
    if password is not None and (problem := password_problem(password, email)):
        raise click.ClickException(f"Password refused: {problem}")
    try:
        user = create_user(email, name or email.split("@")[0], roles, school=place, password=password)
    except AccountError as error:
        raise click.ClickException(str(error)) from None
    token = None if password else issue_link(user, INVITE)
    db.session.commit()
    click.echo(f"Created {user.email} ({', '.join(sorted(r.value for r in user.roles))}).")
    if token:
        days = current_app.config["INVITATION_DAYS"]
        click.echo(f"Invitation link (works once, for {days} days): {link_url(token)}")
        if send_link(user, link_url(token), INVITE):
            click.echo(f"The link was also e-mailed to {user.email}.")


@users_cli.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def list_command(as_json):
    """List every account with its roles and state."""
    users = db.session.scalars(select(User).order_by(func.lower(User.email))).all()
    rows = [{
        "email": u.email, "name": u.name, "roles": sorted(r.value for r in u.roles),
        "school": u.school.code if u.school else None, "active": u.active,
        "password_set": bool(u.password_hash),
        "last_login_at": u.last_login_at.isoformat() if u.last_login_at else None,
    } for u in users]
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        state = "active" if row["active"] else "deactivated"
        if row["active"] and not row["password_set"]:
            state = "invited"
        click.echo(f"{row['email']:<40} {','.join(row['roles']):<30} {row['school'] or '-':<10} {state}")


@users_cli.command("set-role")
@click.option("--email", required=True)
@ROLE_OPTION
def set_role_command(email, roles):
    """Give an account exactly these roles."""
    user = _user_or_exit(email)
    set_roles(user, list(roles))
    db.session.commit()
    click.echo(f"{user.email}: {', '.join(sorted(r.value for r in user.roles))}")


@users_cli.command("deactivate")
@click.option("--email", required=True)
def deactivate_command(email):
    """Stop an account from signing in (its work and records stay)."""
    user = _user_or_exit(email)
    deactivate(user)
    db.session.commit()
    click.echo(f"{user.email} is deactivated.")


@users_cli.command("reset-link")
@click.option("--email", required=True)
def reset_link_command(email):
    """Print a one-time link with which the person sets a new password."""
    user = _user_or_exit(email)
    if not user.active:
        raise click.ClickException(f"{user.email} is deactivated.")
    token = issue_link(user, "reset" if user.password_hash else INVITE)
    db.session.commit()
    click.echo(link_url(token))
