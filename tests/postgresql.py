"""New PostgreSQL databases of a test's own, on the suite's PostgreSQL server or the machine's own.

scripts/test makes sure PostgreSQL answers at 127.0.0.1:5432 (the SQLite run needs it too: a
backup is restored into PostgreSQL, and two nodes share one), so a database that cannot be made
fails the test that asked for it, with the reason.
"""
import os
import secrets

import sqlalchemy as sa

LOCAL_POSTGRESQL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


class OwnDatabases:
    """Creates databases named <prefix>_<random>, and drops every one it made when closed."""

    def __init__(self, prefix):
        self.prefix = prefix
        self.server_url = sa.make_url(os.environ.get("UPSKILL_TEST_DATABASE_URL") or LOCAL_POSTGRESQL)
        self.server = sa.create_engine(self.server_url.set(database="postgres"), isolation_level="AUTOCOMMIT")
        self.made = []

    def create(self):
        """Make a new, empty database (not even migrated); return its URL."""
        name = f"{self.prefix}_{secrets.token_hex(4)}"
        try:
            with self.server.connect() as connection:
                connection.execute(sa.text(f"CREATE DATABASE {name}"))
        except sa.exc.OperationalError as error:
            raise RuntimeError(f"PostgreSQL does not answer at {self.server_url.host} "
                               f"(scripts/test starts it): {error}") from error
        self.made.append(name)
        return self.server_url.set(database=name).render_as_string(hide_password=False)

    def close(self):
        with self.server.connect() as connection:
            for name in self.made:
                connection.execute(sa.text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        self.server.dispose()
