"""The app as gunicorn serves it, plus one empty route: the baseline the benchmarks compare to."""
import os

from flask import Blueprint

from upskill import create_app
from upskill.access import public

baseline = Blueprint("bench", __name__)


@baseline.get("/bench/empty")
@public
def empty():
    return "ok"


def create_bench_app():
    """Return the real app with the empty baseline route (and a static folder, when asked) added."""
    app = create_app()
    app.register_blueprint(baseline)
    static_dir = os.environ.get("UPSKILL_BENCH_STATIC_DIR")
    if static_dir:
        # Served by Flask's own static file view: the baseline for downloads of the same size.
        files = Blueprint("bench_static", __name__, static_folder=static_dir, static_url_path="/bench/static")
        app.register_blueprint(files)
        app.view_functions["bench_static.static"].access_rule = "public"
    return app
