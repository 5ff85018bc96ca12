"""Pages stay within their SQL budget whatever the size of the curriculum."""
import pytest


@pytest.mark.parametrize("path", ["/curriculum/M01/L1/", "/teacher/M01/L1/", "/curriculum/M01/T1/?lang=lt",
                                  "/curriculum/M01/Q/"])
def test_item_pages_issue_at_most_three_queries(count_queries, path):
    response, statements = count_queries(path)
    assert response.status_code == 200
    assert len(statements) <= 3, statements


@pytest.mark.parametrize("path", ["/", "/curriculum/", "/curriculum/M01/", "/glossary/"])  # search: test_search.py
def test_other_pages_issue_at_most_three_queries(count_queries, path):
    response, statements = count_queries(path)
    assert response.status_code == 200
    assert len(statements) <= 3, statements
