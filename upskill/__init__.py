"""The UPSKILL platform: a Flask application built by create_app()."""
import secrets
from pathlib import Path

from flask import Flask
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup

from upskill import access, display, errors, i18n, redis_link, routing, security, storage
from upskill.config import Defaults, environment_overrides
from upskill.extensions import babel, csrf, db, login_manager, migrate
from upskill.auth import throttle
from upskill.public import page_cache
from upskill.request import UpskillRequest


def create_app(config=None):
    """Build and return the application; config (a mapping) overrides everything else."""
    app = Flask(
        __name__,
        instance_relative_config=True,
        template_folder="../templates",
        static_folder="../static",
    )
    app.request_class = UpskillRequest
    routing.init_app(app)
    load_config(app, config)
    security.allow_uploads(app)
    register_extensions(app)
    register_blueprints(app)
    page_cache.init_app(app)
    security.init_app(app)
    app.before_request(i18n.choose_language)
    errors.register(app)
    register_cli(app)
    register_template_helpers(app)
    access.require_rules(app)
    return app


def load_config(app, config):
    """Load defaults, then instance/config.py, then UPSKILL_* variables, then config."""
    app.config.from_object(Defaults)
    app.config.from_pyfile("config.py", silent=True)
    app.config.from_mapping(environment_overrides())
    app.config.from_mapping(config or {})
    instance = Path(app.instance_path)
    if not app.config["SQLALCHEMY_DATABASE_URI"]:
        app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///" + str(instance / "upskill.sqlite3")
    security.private_sqlite_file(app.config["SQLALCHEMY_DATABASE_URI"])
    if app.config["SQLALCHEMY_ENGINE_OPTIONS"] is None:
        app.config["SQLALCHEMY_ENGINE_OPTIONS"] = engine_options(app.config["SQLALCHEMY_DATABASE_URI"])
    security.apply_environment(app.config)
    if not app.config["SECRET_KEY"]:
        app.config["SECRET_KEY"] = _instance_secret_key(instance)


def _instance_secret_key(instance):
    """Read the machine's secret key from instance/, making one the first time."""
    path = instance / "secret_key"
    if not path.exists():
        security.private_folder(instance)
        path.touch(mode=0o600)
        path.write_text(secrets.token_hex(32))
    return path.read_text().strip()


def register_extensions(app):
    """Attach the extensions to this app."""
    db.init_app(app)
    migrate.init_app(app, db, directory=str(Path(__file__).resolve().parent / "migrations"))
    csrf.init_app(app)
    babel.init_app(app, locale_selector=i18n.current_language)
    login_manager.init_app(app)
    login_manager.session_protection = "basic"
    redis_link.init_app(app)
    throttle.init_app(app)
    storage.init_app(app)


def register_blueprints(app):
    """Register one blueprint per feature."""
    from upskill.admin import bp as admin_bp
    from upskill.api import bp as api_bp
    from upskill.auth import bp as auth_bp
    from upskill.company import bp as company_bp
    from upskill.downloads import bp as downloads_bp
    from upskill.learning import bp as learning_bp
    from upskill.pilot import bp as pilot_bp
    from upskill.public import bp as public_bp
    from upskill.showcase import bp as showcase_bp
    from upskill.system import bp as system_bp
    from upskill.teaching import bp as teaching_bp

    app.register_blueprint(public_bp)
    app.register_blueprint(downloads_bp)
    app.register_blueprint(api_bp, url_prefix="/api/v1")
    app.register_blueprint(system_bp)
    app.register_blueprint(auth_bp)
    app.register_blueprint(admin_bp, url_prefix="/admin")
    app.register_blueprint(teaching_bp, url_prefix="/teach")
    app.register_blueprint(learning_bp, url_prefix="/learn")
    app.register_blueprint(company_bp, url_prefix="/company")
    app.register_blueprint(pilot_bp, url_prefix="/pilot")
    app.register_blueprint(showcase_bp, url_prefix="/pilot/showcase")
    csrf.exempt(api_bp)


def register_cli(app):
    """Add the `flask --app upskill ...` command groups."""
    from upskill.auth.cli import users_cli
    from upskill.backup.cli import backup_command, restore_command
    from upskill.cli import curriculum_cli, demo_cli
    from upskill.export.cli import export_cli
    from upskill.learning.cli import files_cli

    app.cli.add_command(curriculum_cli)
    app.cli.add_command(demo_cli)
    app.cli.add_command(export_cli)
    app.cli.add_command(files_cli)
    app.cli.add_command(users_cli)
    app.cli.add_command(backup_command)
    app.cli.add_command(restore_command)


def engine_options(url):
    """A server's connection may have dropped since its last use (test it first); a SQLite file's cannot."""
    return {} if url.startswith("sqlite") else {"pool_pre_ping": True}


def _csrf_form():
    """The hidden CSRF field of a form that has no other fields (a sign-out button)."""
    return Markup(f'<input type="hidden" name="csrf_token" value="{generate_csrf()}">')


def register_template_helpers(app):
    """Give templates the language helpers and display filters."""
    app.jinja_env.globals.update(
        LANGUAGE_NAMES=i18n.LANGUAGE_NAMES,
        current_language=i18n.current_language,
        language_url=i18n.language_url,
        alternate_links=i18n.alternate_links,
        lang_of=i18n.lang_of,
        role_names=display.role_names,
        qr_code=display.qr_code,
        state_name=display.state_name,
        action_name=display.action_name,
        suggestion_kind_name=display.suggestion_kind_name,
        suggestion_status_name=display.suggestion_status_name,
        csrf_form=_csrf_form,
    )
    app.jinja_env.filters["moment"] = display.moment
    app.jinja_env.filters["day"] = display.day
    app.jinja_env.filters["duration"] = display.duration
    app.jinja_env.filters["datestamp"] = display.datestamp
    app.jinja_env.filters["number"] = display.number
    app.jinja_env.filters["one_decimal"] = display.one_decimal
    app.jinja_env.filters["percent"] = display.percent
    app.jinja_env.filters["megabytes"] = display.megabytes
