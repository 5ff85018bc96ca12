"""`flask --app upskill users ...`: accounts from the shell."""
import json

from tests.accounts import log_in
from upskill.demo import load_demo
from upskill.extensions import db


def test_create_without_password_prints_an_invitation_link(runner, synced_app):
    result = runner.invoke(args=["users", "create", "--email", "Jonas@Example.org", "--role", "teacher",
                                 "--role", "coordinator", "--name", "Jonas Jonaitis"])
    assert result.exit_code == 0, result.output
    assert "Created jonas@example.org (coordinator, teacher)." in result.output
    link = result.output.split("Invitation link (works once, for 14 days): ")[1].strip()
    assert link.startswith("http://localhost:5000/account/link/")
    page = synced_app.test_client().get(link.removeprefix("http://localhost:5000"))
    assert page.status_code == 200 and "Jonas Jonaitis" in page.get_data(as_text=True)


def test_create_with_password_from_stdin_can_sign_in(runner, synced_app):
    result = runner.invoke(args=["users", "create", "--email", "ana@example.org", "--role", "student",
                                 "--password-stdin"], input="a long enough secret\n")
    assert result.exit_code == 0 and "Invitation link" not in result.output
    assert log_in(synced_app.test_client(), "ana@example.org").status_code == 303


def test_create_refuses_bad_input_and_changes_nothing(runner, synced_app):
    runner.invoke(args=["users", "create", "--email", "ana@example.org", "--role", "student"])
    for args, message in (
        (["--email", "ana@example.org", "--role", "student"], "exists already"),
        (["--email", "not-an-address", "--role", "student"], "not an e-mail address"),
        (["--email", "b@example.org", "--role", "emperor"], "Invalid value for '--role'"),
        (["--email", "b@example.org", "--role", "student", "--school", "NOPE"], "no school or company has the code NOPE"),
    ):
        result = runner.invoke(args=["users", "create", *args])
        assert result.exit_code != 0 and message in result.output, (args, result.output)
    weak = runner.invoke(args=["users", "create", "--email", "c@example.org", "--role", "student", "--password-stdin"],
                         input="short\n")
    assert weak.exit_code == 1 and "Password refused: Use at least 10 characters." in weak.output
    listed = json.loads(runner.invoke(args=["users", "list", "--json"]).output)
    assert [row["email"] for row in listed] == ["ana@example.org"]


def test_list_set_role_and_deactivate(runner, synced_app):
    with synced_app.app_context():
        load_demo()
        db.session.commit()
    rows = {row["email"]: row for row in json.loads(runner.invoke(args=["users", "list", "--json"]).output)}
    assert rows["teacher@example.org"]["roles"] == ["teacher"] and rows["teacher@example.org"]["school"] == "LT-VIS"
    changed = runner.invoke(args=["users", "set-role", "--email", "teacher@example.org", "--role", "teacher",
                                  "--role", "company_trainer"])
    assert changed.exit_code == 0 and "company_trainer, teacher" in changed.output
    assert runner.invoke(args=["users", "deactivate", "--email", "teacher@example.org"]).exit_code == 0
    assert "teacher@example.org" in runner.invoke(args=["users", "list"]).output
    assert "deactivated" in runner.invoke(args=["users", "list"]).output
    assert log_in(synced_app.test_client(), "teacher@example.org", "upskill-demo").status_code == 401
    missing = runner.invoke(args=["users", "deactivate", "--email", "nobody@example.org"])
    assert missing.exit_code == 1 and "No account has the e-mail nobody@example.org." in missing.output
