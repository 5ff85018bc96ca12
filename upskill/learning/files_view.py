"""Evidence files, served only to those who may see the work, never as a page of their own."""
from flask import abort
from flask_login import current_user

from upskill.access import signed_in
from upskill.extensions import db
from upskill.learning import bp, uploads
from upskill.learning.reach import see_or_404
from upskill.learning.tasks import is_company_code
from upskill.models import EvidenceFile


@bp.get("/files/<int:file_id>/<name>")
@signed_in
def evidence_file(file_id, name):
    evidence = db.session.get(EvidenceFile, file_id)
    if evidence is None or evidence.original_name != name:
        abort(404)
    work = evidence.attempt.work
    see_or_404(current_user, work.student_id, company_task=is_company_code(work.item_code))
    return uploads.send_evidence(evidence)
