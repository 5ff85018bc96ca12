"""Rules for the suggestion codes revisions.yaml names: listed once, per change and per revision."""
from upskill.curriculum.source import Problem
from upskill.curriculum.yamlfile import LineDict, LineList


def named_codes(doc):
    """Yield (code, line) for every suggestion code revisions.yaml names, per revision and per change."""
    for revision in _revisions(doc):
        listed = revision.get("suggestions")
        for index, code in enumerate(listed if isinstance(listed, LineList) else []):
            if isinstance(code, str):
                yield code, listed.line_of(index)
        for change in _changes(revision):
            codes = change.get("suggestions")
            for index, code in enumerate(codes if isinstance(codes, LineList) else []):
                if isinstance(code, str):
                    yield code, codes.line_of(index)


def suggestion_list_problems(doc):
    """A code appears once in its revision's list and once per change, and every change's code is in that list."""
    problems = []
    first_listed = {}  # code -> the revision whose list has it
    for revision in _revisions(doc):
        name = revision.get("revision")
        listed = revision.get("suggestions")
        listed = listed if isinstance(listed, LineList) else LineList()
        for index, code in enumerate(listed):
            line = listed.line_of(index)
            if code in first_listed:
                where = "this revision" if first_listed[code] == name else f"revision {first_listed[code]}"
                problems.append(Problem(doc.path, line, f"suggestions: {code} is listed twice (also in {where})"))
            else:
                first_listed[code] = name
        for change in _changes(revision):
            codes = change.get("suggestions")
            for index, code in enumerate(codes if isinstance(codes, LineList) else []):
                line = codes.line_of(index)
                if codes.index(code) != index:
                    problems.append(Problem(doc.path, line, f"suggestions: {code} is listed twice in this change"))
                elif code not in listed:
                    problems.append(Problem(
                        doc.path, line, f"suggestions: {code} is not in the suggestions list of revision {name}"))
    return problems


def unknown_code_problems(doc, known_codes):
    """Every code revisions.yaml names is a suggestion the database has."""
    reported = set()
    problems = []
    for code, line in named_codes(doc):
        if code not in known_codes and (code, line) not in reported:
            reported.add((code, line))
            problems.append(Problem(doc.path, line, f"suggestions: no suggestion {code} in the database"))
    return problems


def _revisions(doc):
    meta = doc.meta if doc is not None else None
    return [entry for entry in meta if isinstance(entry, LineDict)] if isinstance(meta, list) else []


def _changes(revision):
    changes = revision.get("changes")
    return [change for change in changes if isinstance(change, LineDict)] if isinstance(changes, list) else []
