"""Configuration: defaults, then instance/config.py, then UPSKILL_* variables, then the caller's."""
from upskill import create_app
from upskill.config import environment_overrides


def test_environment_variables_override_settings():
    overrides = environment_overrides({
        "UPSKILL_DATABASE_URL": "postgresql+psycopg://db/upskill",
        "UPSKILL_SEARCH_RESULTS_LIMIT": "5",
        "UPSKILL_REDIS_URL": "redis://127.0.0.1:6379/0",
        "UPSKILL_TEST_DATABASE_URL": "ignored",
        "OTHER": "ignored",
    })
    assert overrides == {
        "SQLALCHEMY_DATABASE_URI": "postgresql+psycopg://db/upskill",
        "SEARCH_RESULTS_LIMIT": 5,
        "REDIS_URL": "redis://127.0.0.1:6379/0",
    }


def test_environment_beats_instance_config_and_caller_beats_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("UPSKILL_SEARCH_RESULTS_LIMIT", "7")
    monkeypatch.setenv("UPSKILL_SECRET_KEY", "from-environment")
    app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://", "SECRET_KEY": "from-caller"})
    assert app.config["SEARCH_RESULTS_LIMIT"] == 7
    assert app.config["SECRET_KEY"] == "from-caller"


def test_default_database_is_sqlite_in_the_instance_folder(monkeypatch):
    monkeypatch.delenv("UPSKILL_DATABASE_URL", raising=False)
    app = create_app({"SECRET_KEY": "x"})
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "sqlite:///" + app.instance_path + "/upskill.sqlite3"


def test_secret_key_is_made_once_per_instance_and_kept(monkeypatch, tmp_path):
    monkeypatch.delenv("UPSKILL_SECRET_KEY", raising=False)
    from upskill import _instance_secret_key

    first = _instance_secret_key(tmp_path / "instance")
    assert len(first) == 64
    assert _instance_secret_key(tmp_path / "instance") == first
    assert oct((tmp_path / "instance" / "secret_key").stat().st_mode & 0o777) == "0o600"


def test_connections_to_a_database_server_are_tested_before_use_and_a_sqlite_files_are_not():
    server = create_app({"SQLALCHEMY_DATABASE_URI": "postgresql+psycopg://db/upskill", "SECRET_KEY": "x"})
    embedded = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://", "SECRET_KEY": "x"})
    assert server.config["SQLALCHEMY_ENGINE_OPTIONS"] == {"pool_pre_ping": True}  # a restarted server is survived
    assert embedded.config["SQLALCHEMY_ENGINE_OPTIONS"] == {}
