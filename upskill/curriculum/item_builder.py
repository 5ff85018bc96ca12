"""Build the stored records of programme, modules and items, rendered in every language."""
from upskill.config import LANGUAGES
from upskill.curriculum import pins
from upskill.curriculum.records import ItemRecord, TextRecord, hash_parts
from upskill.curriculum.render import heading_ids, plain_text, render_block, render_inline
from upskill.curriculum.shuffle import display_order
from upskill.curriculum.stems import stems_of
from upskill.curriculum.text import count_words, fold, iter_strings


class ItemBuilder:
    """Renders each item of a curriculum into an ItemRecord with a TextRecord per language."""

    def __init__(self, definitions, glossary_hash):
        self.definitions = definitions
        self.glossary_hash = glossary_hash

    def context(self, lang, module=None, item=None):
        """Return what rendering a text needs; pass a Module (and an Item) for their figures."""
        if module is None:
            return {"lang": lang, "module": None, "glossary": self.definitions[lang]}
        return {
            "lang": lang, "module": module.code, "glossary": self.definitions[lang],
            "narrow_figures": set(module.narrow_figures),
            "translated_figures": set(module.translated_figures),
            "item": item.short_code if item else None,
            "figures_found": [],
        }

    def content_hash(self, docs, module=None):
        """Hash what an item's pages are made of: its texts, the glossary, and which figure files exist."""
        figures = sorted([*module.figures, *module.narrow_figures, *module.translated_figures]) if module else []
        return hash_parts(self.glossary_hash, *figures, *(d.raw for d in sorted(docs, key=lambda d: str(d.path))))

    def programme(self, curriculum):
        docs = curriculum.programme
        master = docs["en"].meta
        texts = {}
        for lang, doc in docs.items():
            meta = doc.meta
            aims = render_block(meta.get("aims", master["aims"]), self.context(lang))
            outcomes = self.outcomes(meta.get("outcomes", master["outcomes"]), lang)
            occupation = meta.get("occupation", {}).get("name", master["occupation"]["name"])
            scale = meta.get("rubric_scale", master.get("rubric_scale", []))
            texts[lang] = self.text(
                lang,
                title=meta.get("title", master["title"]),
                summary=meta.get("subtitle", master["subtitle"]),
                body_html=aims,
                content={"outcomes": outcomes, "occupation": occupation,
                         "rubric_scale": [{"level": row["level"], "meaning": row["meaning"]} for row in scale]},
            )
        facts = {
            "revision": master["revision"],
            "eqf_level": master["eqf_level"],
            "isco": master["occupation"]["isco"],
            "licence": dict(master["licence"]),
            "languages": list(master["languages"]),
            "modules": list(master["modules"]),
            "partners": list(master.get("partners") or []),
        }
        return ItemRecord(master["code"], "programme", None, 0, "programme", facts,
                          self.content_hash(docs.values()), texts)

    def module(self, module, position):
        master = module.docs["en"].meta
        texts = {}
        for lang, doc in module.docs.items():
            meta = doc.meta
            texts[lang] = self.text(
                lang,
                title=meta.get("title", master["title"]),
                summary=meta.get("summary", master["summary"]),
                content={"outcomes": self.outcomes(meta.get("outcomes", master["outcomes"]), lang, module)},
            )
        lessons, tasks = module.ordered("lesson"), module.ordered("task")
        worksheets = module.ordered("worksheet")
        quiz = module.items.get("Q")
        facts = {
            "number": module.number,
            "hours": dict(master["hours"]),
            "prerequisites": list(master.get("prerequisites") or []),
            "lessons": [i.code for i in lessons],
            "tasks": [i.code for i in tasks],
            "quiz": quiz.code if quiz else None,
            "worksheets": [i.code for i in worksheets],
        }
        records = [ItemRecord(module.code, "module", None, position, module.slug, facts,
                              self.content_hash(module.docs.values(), module), texts)]
        for index, item in enumerate(lessons + tasks + ([quiz] if quiz else []) + worksheets, start=1):
            records.append(getattr(self, item.kind)(item, index))
        return records

    def lesson(self, item, position):
        master = item.student["en"].meta
        teacher_master = item.teacher.get("en")
        texts = {}
        for lang in _languages(item):
            student, teacher = item.student.get(lang), item.teacher.get(lang)
            context = self.context(lang, item.module, item)
            content = {}
            if student:
                content["outcomes"] = [render_inline(o, context) for o in student.meta.get("outcomes", master["outcomes"])]
            if teacher:
                content.update(self.teacher_plan(teacher.meta, teacher_master.meta, context))
            texts[lang] = self.item_text(item, lang, context, content)
        return self.record(item, position, {"duration": master["duration"]}, texts)

    def worksheet(self, item, position):
        master = item.student["en"].meta
        texts = {}
        for lang in _languages(item):
            texts[lang] = self.item_text(item, lang, self.context(lang, item.module, item), {})
        facts = {"used_by": [f"{item.module.code}.{code}" for code in master["used_by"]],
                 "duration": master.get("duration")}
        return self.record(item, position, facts, texts)

    def item_text(self, item, lang, context, content):
        """Return the text of an item whose student text and teacher's notes are Markdown bodies."""
        master = item.student["en"].meta
        student, teacher = item.student.get(lang), item.teacher.get(lang)
        body_html = render_block(student.body, _with_master_anchors(context, item.student)) if student else ""
        teacher_html = render_block(teacher.body, _with_master_anchors(context, item.teacher)) if teacher else None
        return self.text(
            lang,
            title=(student.meta if student else master).get("title", master["title"]),
            body_html=body_html,
            teacher_html=teacher_html,
            content={"has_student": student is not None, "has_teacher": teacher is not None, **content,
                     "figures": context["figures_found"],
                     "outdated": {"student": _outdated(item.student, lang), "teacher": _outdated(item.teacher, lang)}},
        )

    def teacher_plan(self, meta, master, context):
        plan = meta.get("plan", master.get("plan", []))
        master_plan = master.get("plan", [])
        rows = []
        for index, row in enumerate(plan):
            minutes = row.get("minutes", master_plan[index].get("minutes") if index < len(master_plan) else 0)
            rows.append({
                "minutes": minutes,
                "activity": render_inline(row.get("activity", ""), context),
                "method": render_inline(row.get("method", ""), context),
            })
        equipment = meta.get("equipment", master.get("equipment", []))
        return {"plan": rows, "equipment": [render_inline(e, context) for e in equipment]}

    def task(self, item, position):
        master = item.student["en"].meta
        texts = {}
        for lang in _languages(item):
            student = item.student.get(lang)
            context = self.context(lang, item.module, item)
            meta = student.meta if student else master
            evidence = meta.get("evidence", master["evidence"])
            content = {
                "equipment": self.inline_list(meta.get("equipment", master["equipment"]), context),
                "safety": self.inline_list(meta.get("safety", master["safety"]), context),
                "steps": self.inline_list(meta.get("steps", master["steps"]), context),
                "evidence": [
                    {"kind": master["evidence"][i]["kind"], "label": render_inline(e["label"], context)}
                    for i, e in enumerate(evidence)
                ],
                "rubric": self.rubric(meta.get("rubric", master["rubric"]), context),
            }
            texts[lang] = self.item_text(item, lang, context, content)
        facts = {k: master[k] for k in ("setting", "duration", "group_size")}
        facts["evidences"] = list(master.get("evidences") or [])
        return self.record(item, position, facts, texts)

    def inline_list(self, lines, context):
        return [render_inline(line, context) for line in lines]

    def rubric(self, rubric, context):
        return {
            "levels": list(rubric["levels"]),
            "criteria": [
                {"name": c["name"], "descriptors": [render_inline(d, context) for d in c["descriptors"]]}
                for c in rubric["criteria"]
            ],
        }

    def quiz(self, item, position):
        master = item.student["en"].meta
        texts = {}
        for lang, doc in item.student.items():
            context = self.context(lang, item.module, item)
            questions = []
            for q_index, question in enumerate(doc.meta["questions"]):
                master_question = master["questions"][q_index]
                options = question["options"]
                # Shown in one shuffled order for everyone, so that position gives nothing away.
                order = display_order(item.code, master_question["id"], len(options))
                questions.append({
                    "id": master_question["id"],
                    "multiple": bool(master_question.get("multiple", False)),
                    "question": render_inline(question["question"], context),
                    "options": [
                        {
                            "text": render_inline(options[o_index]["text"], context),
                            "correct": bool(master_question["options"][o_index].get("correct", False)),
                            "feedback": render_inline(options[o_index]["feedback"], context),
                        }
                        for o_index in order
                    ],
                })
            texts[lang] = self.text(
                lang,
                title=doc.meta.get("title", master["title"]),
                content={"questions": questions, "has_student": True, "has_teacher": False,
                         "outdated": {"student": _outdated(item.student, lang), "teacher": False}},
            )
        facts = {"questions": len(master["questions"])}
        return self.record(item, position, facts, texts)

    def record(self, item, position, facts, texts):
        docs = list(item.student.values()) + list(item.teacher.values())
        return ItemRecord(item.code, item.kind, item.module.code, position, item.slug, facts,
                          self.content_hash(docs, item.module), texts)

    def outcomes(self, outcomes, lang, module=None):
        context = self.context(lang, module)
        return {kind: [render_inline(line, context) for line in outcomes[kind]] for kind in ("knowledge", "skills", "autonomy")}

    def text(self, lang, title, summary="", body_html="", teacher_html=None, content=None):
        content = content or {}
        plain = " ".join(
            part for part in (
                title, summary, plain_text(body_html), plain_text(teacher_html or ""),
                plain_text(" ".join(iter_strings(content))),
            ) if part
        )
        return TextRecord(
            title=title, summary=summary, body_html=body_html, teacher_html=teacher_html,
            content=content, plain_text=plain, search_text=fold(plain), words=count_words(plain),
            search_stems=stems_of(plain, lang), title_stems=stems_of(title, lang),
        )


def _languages(item):
    return [lang for lang in LANGUAGES if lang in item.student or lang in item.teacher]


def _with_master_anchors(context, docs):
    """Return the context for rendering docs[lang] with the headings anchored as in English."""
    if context["lang"] == "en" or "en" not in docs:
        return context
    return {**context, "heading_anchors": heading_ids(docs["en"].body)}


def _outdated(docs, lang):
    """Whether the translation in lang was made from an English text that has changed since."""
    if lang == "en" or lang not in docs or "en" not in docs:
        return False
    return pins.state_of(docs["en"], docs[lang]) != "current"
