"""The self-check quiz: feedback on every question, without an account; bad answers are a 400."""
import re
from markupsafe import escape

import pytest


@pytest.fixture
def csrf_client(synced_app):
    """A client whose forms carry the CSRF token of its session, as a browser's would."""
    client = synced_app.test_client()
    html = client.get("/curriculum/M01/Q/").get_data(as_text=True)
    client.token = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
    return client


def submit(client, **answers):
    data = {"csrf_token": client.token}
    data.update(answers)
    return client.post("/curriculum/M01/Q/", data=data)


def test_quiz_page_offers_every_option(csrf_client):
    html = csrf_client.get("/curriculum/M01/Q/").get_data(as_text=True)
    assert html.count('type="radio" name="q-q1"') == 2
    assert html.count('type="checkbox" name="q-q2"') == 3
    assert "Right. Gravity" not in html  # feedback only after answering


def test_right_answers_score_full_marks_with_feedback(csrf_client):
    response = submit(csrf_client, **{"q-q1": "0", "q-q2": ["0", "2"]})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "You answered 2 of 2 questions correctly." in html
    assert "Right. Gravity takes the pellets to the screw." in html
    assert html.count("Well done: this is right.") == 2


def test_wrong_answer_explains_the_choice_and_the_right_option(csrf_client):
    html = submit(csrf_client, **{"q-q1": "1"}).get_data(as_text=True)
    assert "You answered 0 of 2 questions correctly." in html
    assert "No. Cooling water does that." in html  # why the chosen option is wrong
    assert "Right. Gravity takes the pellets to the screw." in html  # and which one is right
    assert "You did not answer this question." in html


def test_partly_right_multiple_choice_is_not_counted_right(csrf_client):
    html = submit(csrf_client, **{"q-q2": ["0"]}).get_data(as_text=True)
    assert "You answered 0 of 2 questions correctly." in html
    assert 'id="q-q2-0" value="0" checked' in html


def test_feedback_comes_in_the_chosen_language(csrf_client):
    csrf_client.get("/curriculum/M01/Q/?lang=lt")
    html = submit(csrf_client, **{"q-q1": "0"}).get_data(as_text=True)
    assert "Teisingai." in html


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"q-q1": "7"}, "'7' is not one of the answers"),
        ({"q-q1": "abc"}, "'abc' is not one of the answers"),
        ({"q-q1": ["0", "1"]}, "Only one answer can be chosen"),
        ({"q-q9": "0"}, "The quiz has no question 'q9'"),
    ],
)
def test_impossible_answers_are_a_clear_400(csrf_client, answers, message):
    response = submit(csrf_client, **answers)
    assert response.status_code == 400
    assert escape(message) in response.get_data(as_text=True)


def test_post_without_csrf_token_is_refused(synced_app):
    response = synced_app.test_client().post("/curriculum/M01/Q/", data={"q-q1": "0"})
    assert response.status_code == 400
    assert "The form has expired" in response.get_data(as_text=True)


@pytest.mark.parametrize("path", ["/curriculum/M01/L1/", "/curriculum/M02/Q/"])
def test_posting_to_something_that_is_not_a_quiz_is_refused(csrf_client, path):
    response = csrf_client.post(path, data={"csrf_token": csrf_client.token})
    assert response.status_code in (404, 405)


def test_checking_a_quiz_loads_the_quiz_once(csrf_client, synced_app):
    from sqlalchemy import event

    from upskill.extensions import db

    statements = []
    with synced_app.app_context():
        engine = db.engine
    record = lambda conn, cursor, statement, *args: statements.append(statement)  # noqa: E731
    event.listen(engine, "before_cursor_execute", record)
    try:
        assert submit(csrf_client, **{"q-q1": "0"}).status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", record)
    assert sum("FROM item_text" in s and "JOIN curriculum_item" in s and "content" in s for s in statements) == 1
    assert len([s for s in statements if not s.lstrip().upper().startswith("PRAGMA")]) <= 3
