"""The one entry point: a Document in, validated records and rejections out."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from . import arms as arm_rules
from .attribution import trial_for
from .context import Context, EndpointMention, build_context
from .documents import Document
from .prose import link_sentence
from .records import EndpointRecord, Rejection, is_toxicity, make_record_id, validate
from .rows import (BOUNDS_RE, SURVIVAL, Cell, Column, Header, Row, label_grade, label_is_percent, label_is_percent_first,
                   label_timepoint, label_unit, parse_header, parse_row, parse_subheader)
from .segment import Line, continues, lines, sections, sentences
from .values import parse_p, to_float


@dataclass
class Result:
    doc_id: str
    records: list[EndpointRecord] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)


def extract_records(document: Document) -> Result:
    ctx = build_context(document)
    prose_units = _read_lines(ctx)
    arms = arm_rules.find_arms(ctx.masked)
    for start, end in prose_units:
        for s, e in sentences(ctx.text, start, end):
            link_sentence(ctx, s, e, arms)
    return _finish(ctx)


# --- lines: headers, rows, prose ------------------------------------------------------------------

LEAD_GRADE = re.compile(r"^\s*(?:•\s*)?(?:any[\s-]grade|all[\s-]grades?|grades?\s?(?:>=|<=)?\s?\d(?:\s?(?:-|/|or)\s?\d)?(?:\s?\+)?)\s*$", re.I)
PLAIN_LABEL = re.compile(r"^[\s•]*[A-Za-z][A-Za-z /'()-]*?(?=,|\s{2,}|\s\d|$)")


def _label_start(ctx: Context, line: Line) -> tuple[list[EndpointMention], int] | None:
    """Endpoint mentions that open a line (after a bullet, words like 'Median' or a grade), and where they end."""
    inside = ctx.mentions_in(line.start, line.end)
    if not inside:
        return None
    lead = ctx.text[line.start:inside[0].start]
    words = lead.replace("•", " ").split()
    if len(words) > 3 or any(ch.isdigit() for ch in lead) and not (_is_timepoint_lead(lead) or LEAD_GRADE.match(lead)):
        return None
    label_mentions = [inside[0]]
    for m in inside[1:]:
        between = ctx.text[label_mentions[-1].end:m.start]
        if len(between) <= 3 and not any(c.isdigit() for c in between):
            label_mentions.append(m)
    return label_mentions, label_mentions[-1].end - line.start


def _is_timepoint_lead(lead: str) -> bool:
    return bool(re.fullmatch(r"\s*(?:•\s*)?(?:estimated\s+)?\d+\s?-?\s?(?:month|mo|year|yr)s?\s?-?\s*", lead, re.I))


def _read_lines(ctx: Context) -> list[tuple[int, int]]:
    """Walk the lines: headers set the columns, rows become candidates, the rest is prose."""
    header: Header | None = None
    section = -1
    unit_hint: str | None = None
    prose: list[tuple[int, int]] = []
    prev_prose: Line | None = None
    for line in lines(ctx.text):
        if line.section != section:
            section, header, unit_hint = line.section, None, None
        spans = [(m.start - line.start, m.end - line.start) for m in ctx.mentions_in(line.start, line.end)]
        parsed = parse_header(line.text, spans, header)
        if parsed:
            header, prev_prose = parsed, None
            continue
        sub = parse_subheader(line.text)
        if sub and header:
            header, prev_prose = header.with_extras([sub]), None
            unit_hint = label_unit(line.text) or unit_hint
            continue
        if _hr_list(ctx, line) or _row(ctx, line, header, unit_hint):
            prev_prose = None
            continue
        if prev_prose is not None and continues(prev_prose, line):
            prose[-1] = (prose[-1][0], line.end)
        else:
            prose.append((line.start, line.end))
        prev_prose = line
    return prose


def _row(ctx: Context, line: Line, header: Header | None, unit_hint: str | None) -> bool:
    opened = _label_start(ctx, line)
    if opened:
        labels, label_end = opened
        codes = [m.code for m in labels]
    elif header is not None and header.safety:
        plain = PLAIN_LABEL.match(line.text)
        if not plain:
            return False
        name = " ".join(plain.group(0).replace("•", " ").split()).lower()
        if not name or len(name.split()) > 6:
            return False
        codes, label_end = ["OTHER_AE:" + name], plain.end()
    else:
        return False
    row = parse_row(line.text, line.start, label_end)
    if row is None:
        return False
    return _emit_row(ctx, line, codes, row, header, unit_hint)


HR_LIST = re.compile(r"\bHR\s+(?:vs\.?|versus)\s+(?P<ref>[^:]{1,40}):\s*(?P<items>.+)$", re.I)
HR_ITEM = re.compile(r"^\s*(?P<arm>[A-Za-z][^;]*?)\s+(?P<hr>\d+(?:\.\d+)?)\s*(?P<ci>[\(\[][^()\[\]]*[\)\]])?\s*$")


def _hr_list(ctx: Context, line: Line) -> bool:
    """'PFS HR vs Clb + O: Zanvorib 0.21 (95% CI, 0.14-0.32); Zanvorib + R 0.17 (...); both P<.0001'."""
    m = HR_LIST.search(line.text)
    if not m:
        return False
    mentions = [x for x in ctx.mentions_in(line.start, line.start + m.start()) if x.code in SURVIVAL]
    if not mentions:
        return False
    items = m.group("items").split(";")
    p_value = None
    if items and re.match(r"\s*(?:both|all|each)\b", items[-1], re.I):
        p_value = parse_p(items.pop())
    found = False
    pos = line.start + m.start("items")
    for item in items:
        parsed = HR_ITEM.match(item)
        if parsed:
            ci = BOUNDS_RE.match(parsed.group("ci") or "")
            candidate = {"endpoint": mentions[-1].code, "stat": "hr", "value": float(parsed.group("hr")), "unit": "ratio",
                         "arm": f"{parsed.group('arm').strip()} vs {m.group('ref').strip()}", "p_value": p_value,
                         "ci_low": to_float(ci.group(1)) if ci else None, "ci_high": to_float(ci.group(2)) if ci else None}
            ctx.add(candidate, pos + len(item) - len(item.lstrip()), pos + len(item.rstrip()), "row-hr-list")
            found = True
        pos += len(item) + 1
    return found


def _emit_row(ctx: Context, line: Line, codes: list[str], row: Row, header: Header | None, unit_hint: str | None) -> bool:
    """Turn a table row into candidates; False when the row does not fit the table (read it as prose)."""
    cells = row.cells
    columns = list(header.columns) if header else []
    values = header.value_columns if header else []
    if columns and len(cells) == len(columns):
        pairs = list(zip(cells, columns))
    elif values and len(cells) == len(values):
        pairs = list(zip(cells, values))
    elif len(cells) == 1 and not (header and header.safety and codes[0].startswith("OTHER_AE:")):
        cell = cells[0]
        if cell.unit and codes[0] not in SURVIVAL:
            return False  # 'overall remission rate within 3 months': a time window, not a value
        if cell.number is not None and cell.unit is None and not cell.percent and not label_unit(row.label) \
                and not label_is_percent(row.label) and codes[0] not in SURVIVAL:
            return False
        pairs = [(cell, Column("arm"))]
    else:
        return False
    if any(c.unit and codes[0] not in SURVIVAL for c, col in pairs if col.kind in ("arm", "grade")):
        return False
    p_cells = [c for c, col in pairs if col.kind == "p"]
    p_value = p_cells[0].raw.split("(")[0].replace(" ", "") if p_cells else None
    rule = f"row:{codes[0]}"
    for cell, column in pairs:
        if column.kind not in ("arm", "grade"):
            continue
        for candidate in _cell_candidates(codes, row, cell, unit_hint, header):
            if column.kind == "grade" and is_toxicity(candidate["endpoint"]):
                candidate["grade"] = column.grade
            candidate["arm"] = column.name
            candidate["n"] = column.n or (header.n if header else None)
            if p_value and candidate["stat"] in ("rate", "landmark", "median"):
                candidate["p_value"] = p_value
            ctx.add(candidate, line.start, row.end, rule)
    arms = header.arms if header else []
    hr_cells = [c for c, col in pairs if col.kind == "hr"]
    if hr_cells and hr_cells[0].number is not None and len(arms) == 2 and codes[0] in SURVIVAL:
        hr = hr_cells[0]
        candidate = {"endpoint": codes[0], "stat": "hr", "value": hr.number, "unit": "ratio", "ci_low": hr.low,
                     "ci_high": hr.high, "arm": f"{arms[0].name} vs {arms[1].name}", "p_value": p_value}
        ctx.add(candidate, line.start, row.end, f"row-hr:{codes[0]}")
    return True


def _row_grade(code: str, label: str) -> str | None:
    """Toxicity rows carry the grade their label names, 'any' when it names none."""
    return (label_grade(label) or "any") if is_toxicity(code) else None


def _cell_candidates(codes: list[str], row: Row, cell: Cell, unit_hint: str | None,
                     header: Header | None) -> list[dict[str, Any]]:
    if cell.missing:
        return []
    code = codes[0]
    percent_row = label_is_percent(row.label) or cell.percent or bool(header and header.percent)
    timepoint = label_timepoint(row.label)
    if code in SURVIVAL and not (timepoint and percent_row):
        unit = cell.unit or label_unit(row.label) or unit_hint or "months"
        base = {"endpoint": code, "stat": "median", "unit": unit, "not_reached": cell.not_reached,
                "value": None if cell.not_reached else cell.number}
        if cell.has_bounds:
            base.update(ci_low=cell.low, ci_high=cell.high)
        return [base]
    if code in SURVIVAL:
        return [{"endpoint": code, "stat": "landmark", "unit": "%", "value": cell.number, "timepoint_months": timepoint,
                 "ci_low": cell.low, "ci_high": cell.high}]
    if cell.not_reached or cell.number is None:
        return []
    grade = _row_grade(code, row.label)
    if len(codes) >= 2 and cell.second is not None:
        return [{"endpoint": codes[0], "stat": "rate", "unit": "%", "value": cell.number, "grade": grade},
                {"endpoint": codes[1], "stat": "rate", "unit": "%", "value": cell.second,
                 "grade": _row_grade(codes[1], row.label)}]
    if cell.second is not None:
        if label_is_percent_first(row.label) or cell.percent:
            value, count = cell.number, int(cell.second) if cell.second.is_integer() else None
        else:
            value, count = cell.second, int(cell.number) if cell.number.is_integer() else None
        return [{"endpoint": code, "stat": "rate", "unit": "%", "value": value, "count": count, "grade": grade,
                 "ci_low": cell.low, "ci_high": cell.high}]
    return [{"endpoint": code, "stat": "rate", "unit": "%", "value": cell.number, "grade": grade,
             "ci_low": cell.low, "ci_high": cell.high}]


# --- candidates -> records ------------------------------------------------------------------------

def _finish(ctx: Context) -> Result:
    doc = ctx.document
    result = Result(doc.doc_id)
    bounds = sections(ctx.text)
    seen: set[tuple] = set()
    issued: dict[str, int] = {}
    for c in ctx.candidates:
        s_norm, e_norm = c.pop("start_norm"), c.pop("end_norm")
        section = next((i for i, (a, b) in enumerate(bounds) if a <= s_norm <= b), 0)
        c.setdefault("trial", trial_for(s_norm, section, ctx.trials))
        start, end = ctx.norm.span_to_original(s_norm, e_norm)
        c.update(doc_id=doc.doc_id, start=start, end=end, evidence=doc.text[start:end], page=doc.page_at(start))
        c = {k: v for k, v in c.items() if v is not None or k in ("value",)}
        c["record_id"] = make_record_id(c, doc.sha256)
        issued[c["record_id"]] = issued.get(c["record_id"], 0) + 1
        if issued[c["record_id"]] > 1:  # '4.5 vs 2.3 months': two values whose evidence starts at one word
            c["record_id"] = make_record_id(c, f"{doc.sha256}#{issued[c['record_id']]}")
        outcome = validate(c)
        if isinstance(outcome, Rejection):
            result.rejections.append(outcome)
            continue
        key = (outcome.endpoint, outcome.stat, outcome.grade, outcome.timepoint_months, outcome.value,
               outcome.not_reached, (outcome.arm or "").lower(), (outcome.trial or "").lower())
        if key in seen:
            continue
        seen.add(key)
        result.records.append(outcome)
    return result
