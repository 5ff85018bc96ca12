"""What `curriculum translations` reports and does: counts, English changes, marking current."""
from upskill.curriculum import pins
from upskill.curriculum.translation_history import english_changes
from upskill.curriculum.translation_state import pairs


def summary(curriculum, langs):
    """{lang: {module code: {translated, outdated, missing, words_to_do, files: [...]}}}."""
    report = {}
    for pair in pairs(curriculum, langs):
        counts = report.setdefault(pair.lang, {}).setdefault(
            pair.module, {"translated": 0, "outdated": 0, "missing": 0, "words_to_do": 0, "files": []})
        state = pair.state
        counts[state] += 1
        if state != "translated":
            counts["words_to_do"] += pair.words
            counts["files"].append({"code": pair.code, "file": pair.master.path.name, "state": state})
    return report


def mark_current(curriculum, lang, code):
    """Pin the translations of code (or all) to the English as it is now; return the files changed."""
    revision = str(curriculum.programme["en"].meta.get("revision", "")) if "en" in curriculum.programme else ""
    changed = []
    for pair in pairs(curriculum, [lang]):
        if pair.translation is None or (code != "all" and pair.code != code):
            continue
        digest = pins.english_hash(pair.master)
        current = pins.pin_of(pair.translation)
        if current and current.sha256 == digest:
            continue
        path = pair.translation.path
        text = path.read_text(encoding="utf-8")
        path.write_text(pins.pinned_text(text, revision, digest, markdown=path.suffix == ".md"), encoding="utf-8")
        changed.append(str(path.relative_to(curriculum.root)))
    return changed


def diff(curriculum, lang, code):
    """The English changes since each translation of code was made, for a translator to bring it up to date."""
    out = []
    for pair in pairs(curriculum, [lang]):
        if pair.code != code:
            continue
        name = pair.master.path.name
        if pair.translation is None:
            out.append(f"{name}: no {lang} translation yet; translate the whole file.")
            continue
        pin = pins.pin_of(pair.translation)
        if pin is None:
            out.append(f"{name}: the translation does not say which English text it was made from.")
        elif pin.sha256 == pins.english_hash(pair.master):
            out.append(f"{name}: the translation is current.")
        else:
            changes = english_changes(pair.master, pin)
            out.append(changes if changes else f"{name}: changed since revision {pin.revision}; the earlier English "
                                              "text is not in git here, so compare with the whole file.")
    return "\n".join(out) or f"No item {code}."
