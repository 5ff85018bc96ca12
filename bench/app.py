"""The app as gunicorn serves it, plus one empty route: the baseline the benchmarks compare to."""
from flask import Blueprint

from upskill import create_app
from upskill.access import public

baseline = Blueprint("bench", __name__)


@baseline.get("/bench/empty")
@public
def empty():
    return "ok"


def create_bench_app():
    """Return the real app with the empty baseline route added."""
    app = create_app()
    app.register_blueprint(baseline)
    return app
