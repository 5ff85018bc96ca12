"""The app as gunicorn serves it, plus one empty route: the baseline the benchmarks compare to."""
import os

from flask import Blueprint, send_from_directory

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
        # Served the way Flask serves its static folder: the baseline for downloads of the same size.
        @public
        def static_file(name):
            return send_from_directory(static_dir, name, max_age=86400)

        app.add_url_rule("/bench/static/<name>", "bench_static", static_file)
    return app
