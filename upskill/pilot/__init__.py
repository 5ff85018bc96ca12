"""The pilot: pilot periods, the schools' pilot reports, and suggestions of corrections to the curriculum."""
from flask import Blueprint

bp = Blueprint("pilot", __name__)

# the routes register on bp
from upskill.pilot import (  # noqa: E402,F401
    dashboard_views, export_views, report_list_views, report_views, suggestion_views, survey_views, triage_views,
    views,
)
