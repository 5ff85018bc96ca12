"""The English source text of every item, as written in the files, for the change log's diffs."""
import hashlib

PROGRAMME_FILE = "programme.yaml"


def english_texts(curriculum):
    """Return {item code: readable English source text} for a parsed curriculum folder.

    A module's text is its module.yaml; a lesson's, task's or worksheet's the student file and
    then the teacher's notes; a quiz's its quiz.en.yaml; the programme's its programme.yaml; a
    glossary term's (code glossary:<key>) its English term and definition. Each file starts with
    a line naming it, so a diff shows which file a changed line is in.
    """
    texts = {}
    programme = curriculum.programme.get("en")
    if programme is not None and isinstance(programme.meta.get("code"), str):
        texts[programme.meta["code"]] = _files_text([(PROGRAMME_FILE, programme)])
    for module in curriculum.modules:
        if master := module.docs.get("en"):
            texts[module.code] = _files_text([("module.yaml", master)])
        for item in module.items.values():
            files = [(doc.path.name, doc) for doc in (item.student.get("en"), item.teacher.get("en")) if doc]
            if files:
                texts[item.code] = _files_text(files)
    for doc in curriculum.glossary:
        for entry in doc.meta if isinstance(doc.meta, list) else []:
            if isinstance(entry, dict) and isinstance(entry.get("key"), str):
                texts[f"glossary:{entry['key']}"] = _term_text(entry)
    return texts


def text_hash(text):
    """Return the SHA-256 of a text, as stored beside it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _files_text(files):
    parts = []
    for name, doc in files:
        body = doc.raw.decode("utf-8", errors="replace").replace("\r\n", "\n").rstrip("\n")
        parts.append(f"==> {name} <==\n{body}")
    return "\n\n".join(parts) + "\n"


def _term_text(entry):
    return f"term: {_english(entry.get('term'))}\n\ndefinition: {_english(entry.get('definition'))}\n"


def _english(value):
    if isinstance(value, dict):
        value = value.get("en")
    return value if isinstance(value, str) else ""
