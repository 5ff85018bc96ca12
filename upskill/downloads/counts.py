"""Count a download, anonymously, in one statement that two nodes can run at once."""
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from upskill.extensions import db
from upskill.models import BookDownload


def count_download(file_name):
    """Add one to today's count of file_name (flushes; the request commits)."""
    insert = postgresql_insert if db.engine.dialect.name == "postgresql" else sqlite_insert
    statement = insert(BookDownload).values(file_name=file_name, day=date.today(), count=1)
    statement = statement.on_conflict_do_update(
        index_elements=["file_name", "day"], set_={"count": BookDownload.count + 1})
    db.session.execute(statement)


def download_totals():
    """Return [(file name, total downloads)] for every book downloaded, most downloaded first."""
    rows = db.session.execute(
        select(BookDownload.file_name, func.sum(BookDownload.count).label("total"))
        .group_by(BookDownload.file_name).order_by(func.sum(BookDownload.count).desc(), BookDownload.file_name)
    ).all()
    return [(row.file_name, int(row.total)) for row in rows]
