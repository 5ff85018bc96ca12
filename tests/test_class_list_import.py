"""A class list from a CSV: every problem named by row, nothing imported until the file is clean."""
import io
import re

import pytest
from sqlalchemy import func, select

from tests.accounts import csrf_token
from tests.test_classes import enrolments, teacher_with_class
from upskill.extensions import db
from upskill.models import User


def upload(client, class_id, content, name="class.csv"):
    data = {"csrf_token": csrf_token(client, f"/teach/classes/{class_id}/"),
            "roster": (io.BytesIO(content if isinstance(content, bytes) else content.encode("utf-8")), name)}
    return client.post(f"/teach/classes/{class_id}/import", data=data, content_type="multipart/form-data")


def confirm(client, class_id, preview_html):
    rows = re.search(r'name="rows" value="([^"]+)"', preview_html).group(1)
    token = re.search(r'name="csrf_token" value="([^"]+)"', preview_html).group(1)
    return client.post(f"/teach/classes/{class_id}/import/confirm", data={"csrf_token": token, "rows": rows})


def test_clean_list_is_previewed_then_imported_with_invitations(synced_app):
    client, class_id, _school = teacher_with_class(synced_app)
    preview = upload(client, class_id, "\ufeffname;email;student_number\nIeva Kazlauskaitė;ieva@example.org;A-1\n"
                                       "Jonas Petrauskas;JONAS@example.org;\n")
    html = preview.get_data(as_text=True)
    assert preview.status_code == 200 and "2 students will be added" in html
    assert enrolments(synced_app, class_id) == 0  # nothing yet
    sheet = confirm(client, class_id, html)
    assert sheet.status_code == 200 and sheet.get_data(as_text=True).count('class="invitation-card"') == 2
    assert enrolments(synced_app, class_id) == 2
    again = confirm(client, class_id, html)  # the same confirmation sent twice
    assert again.status_code == 303 and enrolments(synced_app, class_id) == 2
    with synced_app.app_context():
        assert db.session.scalar(select(func.count()).select_from(User).where(User.email == "jonas@example.org")) == 1


def test_every_problem_is_named_by_row_and_nothing_is_imported(synced_app):
    client, class_id, _school = teacher_with_class(synced_app)
    upload_ok = upload(client, class_id, "name,email\nIeva,ieva@example.org\n")
    confirm(client, class_id, upload_ok.get_data(as_text=True))
    content = ("name,email,student_number\n"
               "Ona,ona@example.org,1\n"
               ",nobody@example.org,2\n"
               "Petras,petras-at-example.org,3\n"
               "Ona Again,ONA@example.org,4\n"
               "Ieva,ieva@example.org,5\n"
               "Teacher,teacher@example.org,6\n"
               "Tomas,,7\n")
    response = upload(client, class_id, content)
    html = response.get_data(as_text=True)
    assert response.status_code == 422 and "The file has 6 problems. Nothing has been added." in html
    for row, message in ((3, "The name is missing."), (4, "“petras-at-example.org” is not an e-mail address."),
                         (5, "ona@example.org is also on row 2."), (6, "ieva@example.org is already in this class."),
                         (7, "teacher@example.org belongs to an account that is not a student"),
                         (8, "The e-mail address is missing.")):
        assert re.search(rf'<td data-label="Row" class="num">{row}</td><td data-label="Problem">{re.escape(message)}', html), (row, message)
    assert 'name="rows"' not in html
    assert enrolments(synced_app, class_id) == 1


@pytest.mark.parametrize("content, message", [
    ("name,email\nOna,ona@example.org\n".encode("cp1257").replace(b"Ona", "Onutė".encode("cp1257")), "The file is not in UTF-8."),
    ("name\temail\nOna\tona@example.org\n", "The columns must be separated by commas or semicolons"),
    ("pavarde,telefonas\nOna,123\n", "The first row must name the columns name, email; it has: pavarde, telefonas."),
    ("", "The file is empty."),
    ("name,email\n", "The file has a header row but no students."),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "The file is not in UTF-8."),
    (b"name,email\n" + b"x" * (300 * 1024), "The file is larger than 256 KB."),
])
def test_wrong_files_are_refused_with_the_reason(synced_app, content, message):
    client, class_id, _school = teacher_with_class(synced_app)
    response = upload(client, class_id, content)
    assert response.status_code in (413, 422)
    if response.status_code == 422:
        assert message in response.get_data(as_text=True)
    assert enrolments(synced_app, class_id) == 0


def test_headings_in_the_schools_language_are_understood(synced_app):
    client, class_id, _school = teacher_with_class(synced_app)
    html = upload(client, class_id, "Vardas ir pavardė;El. paštas;Mokinio numeris\nOna Jonaitė;ona@example.org;7\n").get_data(as_text=True)
    assert "1 student will be added" in html and "ona@example.org" in html


def test_a_tampered_confirmation_is_refused(synced_app):
    client, class_id, _school = teacher_with_class(synced_app)
    html = upload(client, class_id, "name,email\nOna,ona@example.org\n").get_data(as_text=True)
    forged = html.replace('name="rows" value="', 'name="rows" value="x')
    assert confirm(client, class_id, forged).status_code == 400
    assert enrolments(synced_app, class_id) == 0


def test_upload_without_a_file_says_so(synced_app):
    client, class_id, _school = teacher_with_class(synced_app)
    response = client.post(f"/teach/classes/{class_id}/import",
                           data={"csrf_token": csrf_token(client, f"/teach/classes/{class_id}/")})
    assert response.status_code == 400 and "Choose the CSV file of the class list." in response.get_data(as_text=True)
