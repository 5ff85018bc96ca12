"""The coordinators' dashboard of a pilot period, and its summary as a PDF.

What is cached, per process (upskill/public/page_cache.py, which adds the content version and
the language to every key): a period's figures rendered as charts and tables, alike for every
coordinator, and each coordinator's whole page of the latest period; both keyed by the period,
the list of periods and the pilot version (upskill/pilot/stamps.py: a counter that moves on at
every flush changing a period, report, suggestion, survey answer or school; read by primary key).
"""
from datetime import date

from flask import abort, render_template, request
from flask_babel import format_date
from flask_babel import gettext as _
from markupsafe import Markup
from sqlalchemy import select

from upskill.access import roles_required
from upskill.extensions import db
from upskill.export.pdf import render_pdf
from upskill.models import PilotPeriod
from upskill.pilot import bp
from upskill.pilot.dashboard import period_figures
from upskill.pilot.dashboard_sections import dashboard_sections
from upskill.pilot.stamps import pilot_version
from upskill.public.page_cache import cached_personal_page, cached_value

ORGANISERS = ("coordinator", "admin")


@bp.get("/dashboard/")
@roles_required(*ORGANISERS)
def dashboard():
    periods = db.session.scalars(select(PilotPeriod).order_by(PilotPeriod.starts_on.desc(), PilotPeriod.id.desc())).all()
    period = _chosen(periods, request.args.get("period", ""))
    if period is None:
        return render_template("pilot/dashboard.html", periods=periods, period=None, body=None)
    stamp = (pilot_version(), tuple((p.id, p.name) for p in periods))

    def page():
        body = cached_value(("pilot-dashboard", period.id, stamp), lambda: Markup(
            render_template("pilot/_dashboard_body.html", **_context(period))))  # alike for every coordinator
        return render_template("pilot/dashboard.html", periods=periods, period=period, body=body)

    # The whole page of the latest period is kept per user too (not with ?period=: that keeps the body only).
    return cached_personal_page(("pilot-dashboard", period.id, stamp), page)


@bp.get("/periods/<int:period_id>/summary.pdf")
@roles_required(*ORGANISERS)
def summary_pdf(period_id):
    period = db.session.get(PilotPeriod, period_id) or abort(404)
    today = date.today()
    html = render_template("pilot/summary.html", made_on=format_date(today, "long"), **_context(period))
    pdf, _pages = render_pdf(html)
    name = f"upskill-pilot-summary-{period.id}-{period.starts_on.isoformat()}.pdf"
    return pdf, 200, {"Content-Type": "application/pdf", "Content-Disposition": f'attachment; filename="{name}"'}


def _chosen(periods, asked):
    """The period asked for by ?period=, or the latest; an unknown or malformed one is a 404."""
    if not asked:
        return periods[0] if periods else None
    if not asked.isdigit() or len(asked) > 12:
        abort(404)
    return next((p for p in periods if p.id == int(asked)), None) or abort(404)


def _context(period):
    figures = period_figures(period)
    return {"period": period, "figures": figures, "sections": dashboard_sections(figures, list(period.modules)),
            "title": _("Pilot summary: %(period)s", period=period.name)}
