"""The one entry point: a Document in, validated records and rejections out."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from . import arms as arm_rules
from . import flat_tables, layout
from .attribution import own_trials, trial_for
from .context import Context, EndpointMention, build_context, endpoint_code
from .documents import Document
from .nlp import term_spans
from .ondemand import OnDemand
from .prose import arm_spellings, link_sentence
from .records import EndpointRecord, Rejection, is_toxicity, make_record_id, validate
from .rows import (BOUNDS_RE, NUMBERED_COLUMN, SURVIVAL, Cell, Column, Header, Row, label_grade, label_is_percent, label_is_percent_first,
                   LABEL_N, label_timepoint, label_unit, parse_header, parse_row, parse_subheader, pipe_section_row)
from .segment import Line, continues, lines, other_study_spans, sections, sentences
from .values import parse_p, to_float


@dataclass
class Result:
    doc_id: str
    records: list[EndpointRecord] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)


def extract_records(document: Document) -> Result:
    ctx = build_context(document)
    prose_units = flat_tables.read(ctx, _read_lines(ctx))  # 'Table 2 ... Leukopenia 45 92 31 63 ...' run into the text
    arms = OnDemand(lambda: _find_arms(ctx))  # most documents never need them
    for start, end in prose_units if _may_link(ctx) else ():
        for s, e in sentences(ctx.text, start, end):
            link_sentence(ctx, s, e, arms)
    _name_table_arms(ctx, arms)
    return _finish(ctx)


def _may_link(ctx: Context) -> bool:
    """A prose value needs an endpoint: a mention in its sentence, or a hazard ratio's (named, or the
    sentence before's). A quarter of the abstracts have neither, and their sentences are not cut."""
    return bool(ctx.mentions or ctx.hazard_ratios)


def _find_arms(ctx: Context) -> list[arm_rules.Arm]:
    arms = _arms(ctx)
    arm_rules.product_abbreviations(ctx.text, arms)  # 'X is an autologous tumour-infiltrating lymphocyte (TIL) product'
    arm_rules.plus_spellings(arms)  # 'X plus Y' is also written 'X + Y'
    arm_rules.chemotherapy_alias(ctx.text, arms)  # 'more frequent with chemotherapy': the cytotoxic arm
    return arms


def _arms(ctx: Context) -> list[arm_rules.Arm]:
    arms = arm_rules.find_arms(ctx.masked, ctx.text)
    if any(a.randomised for a in arms):
        doses = arm_rules.doses_of_one_drug(ctx.text, arms)  # 'lumbratinib 20 mg QD or lumbratinib 14 mg QD'
        return doses + [a for a in arms if not a.randomised and not any(d.goes_by(a.name) for d in doses)] if doses else arms
    doses = arm_rules.find_randomised_doses(ctx.text)
    if doses:  # 'randomly assigned to X at doses of 10 or 80 µM or standard chemotherapy'
        return doses + [a for a in arms if not any(d.goes_by(a.name) for d in doses)]
    arms = arm_rules.find_dose_arms(ctx.text) or arms  # 'two dose levels: 10 mg (n=56) and 30 mg (n=56)'
    cohorts = arm_rules.find_disease_cohorts(ctx.text) if not any(a.randomised for a in arms) else []
    return cohorts + [a for a in arms if not any(c.goes_by(a.name) for c in cohorts)]  # 'cohorts: leiomyosarcoma (LMS), ...'


BRACKETED_NAME = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<gloss>[^()]+)\)$")


def _bracketed_column_names(ctx: Context) -> None:
    """A column 'Cohort A (BCMA-naive)' (its header over three lines) is also 'Cohort A' and 'BCMA-naive'."""
    for c in ctx.candidates:
        m = BRACKETED_NAME.match(c.get("arm") or "") if str(c.get("rule", "")).startswith("row") else None
        if m and not c.get("arm_aliases") and " vs " not in c["arm"]:
            c["arm_aliases"] = [m.group("name"), m.group("gloss")]


# a table's legend: '2L TI = second line, transplant-ineligible (Cohort 1); 3L+ = third line or later (Cohort 2)'
LEGEND_ENTRY = re.compile(r"(?:^|[;\n]\s*)(?P<code>[A-Za-z0-9][\w+/-]*(?: [A-Z][\w+/-]{0,5})?)\s?=\s?(?P<gloss>[^;=\n()]{2,80}?)"
                          r"\s*(?:\((?P<name>[^()]{2,30})\))?\s*(?=[;.]|$)", re.M)


def _legend_column_names(ctx: Context) -> None:
    """A column headed by a code the table's legend spells out goes by the legend's words too."""
    if "=" not in ctx.text:
        return
    legend = {m.group("code"): [x for x in (m.group("name"), m.group("gloss").strip()) if x] for m in LEGEND_ENTRY.finditer(ctx.text)}
    for c in ctx.candidates:
        name = c.get("arm")
        if name in legend and str(c.get("rule", "")).startswith("row") and not c.get("arm_aliases"):
            c["arm_aliases"] = legend[name]


def _name_table_arms(ctx: Context, arms: list[arm_rules.Arm]) -> None:
    """A table column 'QUELTREZA N=402' is the arm the text calls 'QUELTREZA with chemotherapy' or
    'the QUELTREZA arm': its other names go with the row's values, as for prose values."""
    _bracketed_column_names(ctx)
    _legend_column_names(ctx)
    if not any(str(c.get("rule", "")).startswith("row") for c in ctx.candidates) or not arms:
        return  # no table value to name (the spellings scan the whole text); arms looked for only then
    spellings = arm_spellings(ctx, arms)
    for c in ctx.candidates:
        name = c.get("arm")
        if not name or c.get("arm_aliases") or not str(c.get("rule", "")).startswith("row") or " vs " in name:
            continue
        arm = next((a for a in arms if a.goes_by(name)), None) \
            or arm_rules.same_arm(arms, name)
        if arm is not None:
            c["arm_aliases"] = [n for n in dict.fromkeys([arm.name, *spellings.get(arm.name, [])]) if n.lower() != name.lower()]


# --- lines: headers, rows, prose ------------------------------------------------------------------

LEAD_GRADE = re.compile(r"^\s*(?:[•|]\s*)?(?:any[\s-]grade|all[\s-]grades?|grades?\s?(?:>=|<=)?\s?\d(?:\s?(?:-|/|or)\s?\d)?(?:\s?\+)?)\s*$", re.I)
PLAIN_LABEL = re.compile(r"^[\s•|]*[A-Za-z][A-Za-z /'()-]*?(?=,|\s{2,}|\s\||\s\d|$)")


def _label_start(ctx: Context, line: Line) -> tuple[list[EndpointMention], int] | None:
    """Endpoint mentions that open a line (after a bullet, words like 'Median' or a grade), and where they end."""
    inside = ctx.mentions_in(line.start, line.end)
    if not inside:
        return None
    lead = ctx.text[line.start:inside[0].start]
    words = lead.replace("•", " ").replace("|", " ").split()
    if len(words) > 3 or any(ch.isdigit() for ch in lead) and not (_is_timepoint_lead(lead) or LEAD_GRADE.match(lead)):
        return None
    label_mentions = [inside[0]]
    for m in inside[1:]:
        between = ctx.text[label_mentions[-1].end:m.start]
        if len(between) <= 3 and not any(c.isdigit() for c in between):
            label_mentions.append(m)
    return label_mentions, label_mentions[-1].end - line.start


def _is_timepoint_lead(lead: str) -> bool:
    return bool(re.fullmatch(r"\s*(?:[•|]\s*)?(?:estimated\s+)?\d+\s?-?\s?(?:month|mo|year|yr)s?\s?-?\s*", lead, re.I))


@dataclass
class TableState:
    """What the line walk knows about the table it is in."""
    header: Header | None = None
    header_at: int = -2               # index of the line that set the header
    unit_hint: str | None = None
    last_code: str | None = None      # endpoint of the last row, for an 'HR (95% CI)' row under it
    block_code: str | None = None     # endpoint a heading row names for the sub-rows below ('Median, months')


UNITS_LINE = re.compile(r"^[\s|]*(?:[A-Za-z][A-Za-z /'-]{0,40}?\s{2,})?"  # 'Adverse Reaction   (%)  (%)': a row heading may open it
                        r"(?:(?:n\s?)?\(\s?%\s?\)|%)(?:[\s|]+(?:(?:n\s?)?\(\s?%\s?\)|%))*[\s|]*$", re.I)


def _values_under_heading(ctx: Context, heading: Line, line: Line) -> bool:
    """'Radiographic PFS, the primary endpoint:' over 'Arm A 19.4 months | Arm B 8.3 months': the values
    line names no endpoint, the heading line names the one it reports."""
    return heading.text.rstrip().endswith(":") and bool(ctx.mentions_in(heading.start, heading.end)) \
        and not ctx.values_in(heading.start, heading.end) and not ctx.mentions_in(line.start, line.end) \
        and bool(ctx.values_in(line.start, line.end))


def _read_lines(ctx: Context) -> list[tuple[int, int]]:
    """Walk the lines: headers set the columns, rows become candidates, the rest is prose."""
    state = TableState()
    section = -1
    prose: list[tuple[int, int]] = []
    prev_prose: Line | None = None
    all_lines = lines(ctx.text)
    i = 0
    while i < len(all_lines):
        line = all_lines[i]
        if line.section != section:
            page_break = i > 0 and "\f" in ctx.text[all_lines[i - 1].end:line.start]
            # a table runs on over a page break under the header of the page before
            section, state = line.section, TableState(header=state.header if page_break else None)
        used = _table_lines(ctx, all_lines, i, state)
        if used:
            i, prev_prose = i + used, None
            continue
        if prev_prose is not None and (continues(prev_prose, line) or _values_under_heading(ctx, prev_prose, line)):
            prose[-1] = (prose[-1][0], line.end)
        else:
            prose.append((line.start, line.end))
        prev_prose = line
        i += 1
    return prose


def _table_lines(ctx: Context, all_lines: list[Line], i: int, state: TableState) -> int:
    """How many lines from ``i`` on are table matter (headers, rows), read into ``state`` and candidates."""
    line = all_lines[i]
    caption = CAPTION.match(line.text)
    if caption and len(line.text.split()) <= MAX_CAPTION_WORDS and (
            caption.group(0).rstrip()[-1] in ".:" or not re.search(r"\d", line.text[caption.end():])):
        state.header, state.last_code, state.block_code = None, None, None  # a new table: its thresholds ('AEs in >=10%') are not values
        return 1
    header = state.header
    if header and MARKDOWN_RULE.match(line.text):
        return 1  # '|---|---|' under a Markdown header
    if header and pipe_section_row(line.text):
        inside = ctx.mentions_in(line.start, line.end)
        if inside:
            state.block_code = state.last_code = inside[0].code
        return 1  # '| Overall Survival | | |': a section heading inside the table; the arm columns stay
    if header and UNITS_LINE.match(line.text):
        state.header = replace(header, percent=True)
        return 1  # '(%)  (%)  (%)  (%)' under the grade columns: the unit of every cell, no column of its own
    if header is not None and state.header_at == i - 1 and header.arms and i + 1 < len(all_lines) \
            and not layout.flat_grades(line.text):
        grades = _two_line_grade_header(line.text, all_lines[i + 1].text)
        merged = layout.with_grades(header, grades) if grades else None
        if merged:
            state.header, state.header_at = merged, i + 1
            return 2  # 'All / Grades' over 'Grades / 3 or 4': one grade header on two lines
    spans = [(m.start - line.start, m.end - line.start) for m in ctx.mentions_in(line.start, line.end)]
    parsed = parse_header(line.text, spans, header)
    if parsed:
        if header is not None and state.header_at == i - 1 and not parsed.arms:
            parsed = layout.with_grades(header, parsed) or parsed
        elif header is not None and state.header_at == i - 1 and not header.arms:
            parsed = layout.grades_over_arms(header, parsed) or parsed  # 'All Grades  Grade 3 or 4' over 'A  B  A  B'
        parsed = _names_above_sizes(all_lines, i, parsed) if header is None else _sizes_under_names(header, parsed)
        parsed = _groups_above_repeated_arms(all_lines, i, parsed) if header is None else parsed
        state.header, state.header_at = parsed, i
        return 1
    if header is not None:
        grades = layout.flat_grades(line.text) if state.header_at == i - 1 else None
        plain = not re.search(r"\d", LABEL_N.sub("", line.text))
        again = layout.known_arms(line.text, header) if not grades and plain else None
        merged = layout.with_grades(header, grades) if grades else again
        if merged:
            state.header, state.header_at = merged, i
            return 1
    stacked = _stacked_header(ctx, all_lines, i, header)
    if stacked:
        state.header, used = stacked
        state.header = _groups_above_repeated_arms(all_lines, i, state.header) if header is None else state.header
        state.header_at = i + used - 1
        return used
    flat = _flat_header(ctx, all_lines, i, header)
    if flat:
        state.header, state.header_at = flat, i
        return 1
    sub = parse_subheader(line.text)
    if sub and header:
        state.header = header.with_extras([sub])
        state.unit_hint = label_unit(line.text) or state.unit_hint
        return 1
    if header and _block_line(line.text):
        heading = _endpoint_heading(ctx, all_lines, i)
        if heading:  # 'Neurologic toxicities' over 'Any grade, %' / 'Grade 3 or higher, %': that event's rows
            state.block_code = state.last_code = heading
            return 1
        grade = label_grade(line.text)
        state.header = replace(header, safety=True, grade=grade or header.grade)
        return 1
    skip = SKIP_ROW.match(line.text) if header and state.block_code else None
    if skip and len(line.text.split()) <= MAX_WRAPPED_LABEL_WORDS + 4 and (
            parse_row(line.text, line.start, skip.end()) or layout.cell_run(all_lines, i + 1)):
        return 1  # 'Number of events, n (%)  35 (18)  111 (57)' under 'Progression-free survival': not its value
    wrapped = _wrapped_event_name(all_lines, i) if header is not None and header.safety else None
    if wrapped and _row(ctx, line, state, codes=[wrapped]):
        return 1  # '  Upper respiratory tract' over '  infection   27   1.2   19   0.6'
    if _hr_list(ctx, line) or _row(ctx, line, state):
        return 1
    if header is None:
        return 0
    heading = _endpoint_heading(ctx, all_lines, i)
    if heading:
        state.block_code = state.last_code = heading
        return 1
    k = layout.cell_run(all_lines, i + 1)
    if k and _row(ctx, layout.joined(ctx.text, all_lines[i:i + k + 1]), state):
        return k + 1
    k = layout.cell_run(all_lines, i + 2) if i + 2 < len(all_lines) else 0
    if k and _wrapped_label(ctx, all_lines, i) and _row(ctx, layout.joined(ctx.text, all_lines[i:i + k + 2]), state):
        return k + 2  # a wrapped label over one cell per line
    if _wrapped_label(ctx, all_lines, i) and _row(ctx, layout.joined(ctx.text, all_lines[i:i + 2]), state):
        return 2
    return 0


def _names_above_sizes(all_lines: list[Line], i: int, parsed: Header) -> Header:
    """'ARVENZA + Rituximab   Placebo + Rituximab' over 'Outcome   N=168   N=169': the line above names the sized
    columns (a row heading on the sizes line kept them from being read as one header)."""
    sizes = _unnamed_sizes(parsed)
    if i == 0 or not sizes:
        return parsed
    above = all_lines[i - 1]
    names = [seg for _, _, seg in layout.segments(above.text)]
    if above.section != all_lines[i].section or len(names) != len(sizes) or re.search(r"\d", above.text):
        return parsed
    return _each_arm(parsed, lambda column, k: replace(column, name=names[k]))


ASSESSOR = re.compile(r"\b(?:BICR|IRC|IRF|ICR|INV|investigators?|independent|central|blinded|review|assess\w*)\b", re.I)


def _groups_above_repeated_arms(all_lines: list[Line], i: int, parsed: Header) -> Header:
    """'TPS >=50%      TPS 1-49%' over 'VORANTEQ  Pembrolizumab  VORANTEQ  Pembrolizumab': the same arms under each of
    the populations the line above names; each column is its arm within its population ('VORANTEQ (TPS >=50%)')."""
    names = [(c.name or "").strip() for c in parsed.arms]
    if i == 0 or len(names) < 4 or not all(names) or any(re.match(r"(?:all|any|grades?)\b", n, re.I) for n in names):
        return parsed  # 'All  Grade  All  Grade': a grade header split over two lines, not arms
    per = layout.repeat_period(names)
    above = all_lines[i - 1]
    groups = [seg for _, _, seg in layout.segments(above.text)]
    if per is None or above.section != all_lines[i].section \
            or len(groups) != len(names) // per or any(len(g.split()) > 6 or ASSESSOR.search(g) for g in groups):
        return parsed  # 'BICR   Investigator': two readings of the same arms, not populations
    return _each_arm(parsed, lambda column, k: replace(column, name=f"{column.name} ({groups[k // per]})"))


def _unnamed_sizes(parsed: Header) -> list[Column]:
    """The arm columns of a line that gives sizes and no names ('N=168   N=169'); none otherwise."""
    sizes = parsed.arms
    return [] if any((c.name or "").strip() for c in sizes) else sizes


def _each_arm(header: Header, change) -> Header:
    """The header with its k-th arm column replaced by ``change(column, k)``."""
    k = iter(range(len(header.arms)))
    return replace(header, columns=tuple(change(c, next(k)) if c.kind == "arm" else c for c in header.columns))


def _flat_header(ctx: Context, all_lines: list[Line], i: int, header: Header | None) -> Header | None:
    """A single-spaced header line read against the cell count of the row under it."""
    line = all_lines[i]
    if i + 1 >= len(all_lines) or _label_start(ctx, line) and parse_row(line.text, line.start, _label_start(ctx, line)[1]):
        return None
    if _only_endpoint_names(ctx, line):
        return None  # 'Objective Response Rate' over its rows is a heading, not two columns
    if header is not None and header.arms and ORGAN_CLASS.search(line.text):
        return None  # 'General Disorders and Administration Site Conditions' inside a table: a body-system heading
    nxt = all_lines[i + 1]
    opened = _label_start(ctx, nxt)
    if nxt.section != line.section or not opened:
        return None
    row = parse_row(nxt.text, nxt.start, opened[1])
    return layout.flat_header(line.text, len(row.cells), header) if row and len(row.cells) >= 2 else None


# the last word of a body-system (MedDRA system organ class) heading
ORGAN_CLASS = re.compile(r"\b(?:disorders|conditions|infestations|investigations|procedures|neoplasms|complications)\s*$", re.I)


def _only_endpoint_names(ctx: Context, line: Line) -> bool:
    inside = ctx.mentions_in(line.start, line.end)
    rest = ctx.text[line.start:line.end]
    for m in reversed(inside):
        rest = rest[:m.start - line.start] + rest[m.end - line.start:]
    return bool(inside) and not re.sub(r"[\s:()*†‡,]|\b(?:and|or|the)\b", "", rest, flags=re.I)


MAX_WRAPPED_LABEL_WORDS = 8
MARKDOWN_RULE = re.compile(r"^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$")
SUB_ROW = re.compile(r"^[\s•|]*(?:median\b|(?:(?:un)?stratified\s+|adjusted\s+)?(?:HR|hazard\s+ratio)\b|n\s?\(\s?%\s?\)"
                     r"|%|rate\b|proportion\b|percent(?:age)?\b|(?:KM\s+)?estimate\b|\d+\s?-?\s?(?:months?|mo|years?|yr)\b"
                     # 'Any grade, %' / 'Grade 3 or higher, %' under 'Cytokine release syndrome': the event's rows by grade
                     r"|(?:any|all)[\s-]grades?\b|grades?\s?(?:>=|<=)?\s?\d(?:\s?(?:-|/|or|to)\s?\d)?(?:\s?\+|\s+or\s+(?:higher|greater|more|above))?\s*(?:,|\(|%|$|\s{2}))",
                     re.I)
SKIP_ROW = re.compile(r"^[\s•|]*(?:(?:number|no\.?)\s+(?:\(\s?%\s?\)\s+)?(?:of\s+)?)?(?:events?|deaths?|patients\b|subjects\b|censored"
                      r"|progressions?|died\b|responders\b|relapses?\b)", re.I)


def _endpoint_heading(ctx: Context, all_lines: list[Line], i: int) -> str | None:
    """'Progression-Free Survival' alone on a line, over 'Median, months (95% CI) ...' sub-rows."""
    if i + 1 >= len(all_lines):
        return None
    line, nxt = all_lines[i], all_lines[i + 1]
    inside = ctx.mentions_in(line.start, line.end)
    if not inside or nxt.section != line.section or not (SUB_ROW.match(nxt.text) or SKIP_ROW.match(nxt.text)):
        return None
    rest = ctx.text[line.start:inside[0].start] + ctx.text[inside[-1].end:line.end]
    rest = re.sub(r"\([A-Za-z-]{1,8}\)|\b[a-z]\b|[:*†‡]", " ", rest)
    if re.search(r"\d", rest) or len(rest.split()) > 2:
        return None
    return inside[0].code
CAPTION = re.compile(r"^\s*Table\s+[A-Z]?\d+[A-Za-z]?(?:[.:]|\s)", re.I)
MAX_CAPTION_WORDS = 30


def _wrapped_event_name(all_lines: list[Line], i: int) -> str | None:
    """The endpoint code of an adverse-reaction name wrapped over two lines of a safety table ('  Upper respiratory
    tract' over '  infection   27   1.2'): the row's label opens in lower case, under a line of words alone at
    the same indent. The lexicon reads the joined name; an unknown one is an OTHER_AE as printed."""
    if i == 0:
        return None
    line, above = all_lines[i], all_lines[i - 1]
    label = PLAIN_LABEL.match(line.text)
    words = label.group(0).strip(" •|") if label else ""
    if not words[:1].islower() or line.blank_before or above.section != line.section or re.search(r"\d", above.text) \
            or not above.text.strip()[:1].isupper() or len(above.text.split()) > MAX_WRAPPED_LABEL_WORDS \
            or not 0 <= _indent(line.text) - _indent(above.text) <= 4:
        return None  # the same indent, or a hanging one ('Gamma-glutamyltransferase' over '  increased   38   15')
    name = " ".join(f"{above.text} {words}".split())
    whole = [s for s, start, end in term_spans(name) if start == 0 and end == len(name)]
    return endpoint_code(whole[0]) if whole else "OTHER_AE:" + name.lower()


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" \t"))


def _wrapped_label(ctx: Context, all_lines: list[Line], i: int) -> bool:
    """'Median duration of response,' over '  months (95% CI)   16.8 (11.2-NE)   9.4 (6.5-13.0)'."""
    if i + 1 >= len(all_lines):
        return False
    line, nxt = all_lines[i], all_lines[i + 1]
    if nxt.section != line.section or nxt.blank_before or len(line.text.split()) > MAX_WRAPPED_LABEL_WORDS:
        return False
    if re.search(r"\d", re.sub(r"95\s?%|\bv\d+(?:\.\d+)*", "", line.text)) or not ctx.mentions_in(line.start, line.end):
        return False
    return not _label_start(ctx, nxt)


def _names_over_grades(ctx: Context, run: list[Line]) -> Header | None:
    """'EXORANT    Pemetrexed + Platinum' over 'Laboratory Abnormality All Grades  Grade 3 or 4  All Grades ...':
    arm names with no sizes over a line of grade headers, as many grades under each name."""
    if len(run) < 2 or LABEL_N.search(run[0].text) or re.search(r"\d", run[0].text):
        return None
    names = [seg for _, _, seg in layout.segments(run[0].text)]
    grades = layout.flat_grades(run[1].text) or layout.flat_grades(_without_row_heading(run[1].text))
    if len(names) < 2 or grades is None:
        return None
    arms = Header(tuple(Column("arm", name) for name in names))
    return layout.with_grades(arms, grades)


def _holds_values(line: Line) -> bool:
    """'Median, months (95% CI)   30.2 (28.4, 33.0)   31.1 (26.0, 35.2)': a row of values, never a header's names."""
    return any(re.match(r"\s*(?:[\d<>]|NR\b|NE\b)", seg) and not NUMBERED_COLUMN.fullmatch(seg)  # '2L TI', '3L+' name columns
               for _, _, seg in layout.segments(line.text)[1:])


def _sizes_under_names(header: Header, parsed: Header) -> Header:
    """'Patients with measurable disease   N = 231   N = 236' inside a table: the arms above, counted anew."""
    sizes = _unnamed_sizes(parsed)
    if not sizes or len(sizes) != len(header.arms) or not all((c.name or "").strip() for c in header.arms):
        return parsed
    return _each_arm(header, lambda column, k: replace(column, n=sizes[k].n or column.n))


def _without_row_heading(text: str) -> str:
    """'Body System   All Grades   Grade 3 or 4 ...' -> the grade cells alone (same length, the heading blanked)."""
    pieces = layout.segments(text)
    if len(pieces) < 3 or re.search(r"grade|all|any", pieces[0][2], re.I):
        return text
    a, b, _ = pieces[0]
    return text[:a] + " " * (b - a) + text[b:]


def _grades_only(line: Line) -> bool:
    """'Adverse Reaction  All Grades  Grade 3 or 4  All Grades  Grade 3 or 4' under the arm names and sizes."""
    parsed = parse_header(line.text, [], None)
    return bool(parsed and parsed.value_columns and all(c.kind == "grade" for c in parsed.value_columns))


def _two_line_grades(all_lines: list[Line], at: int) -> bool:
    """'All / Grades' over 'Grades / 3 or 4' starts at line ``at``."""
    return at + 1 < len(all_lines) and _two_line_grade_header(all_lines[at].text, all_lines[at + 1].text) is not None


def _two_line_grade_header(upper: str, lower: str) -> Header | None:
    """The grade header two lines spell cell over cell; the upper line may open with a row heading
    ('Adverse Reaction   All   Grade' over '   Grades   3 or 4')."""
    return layout.two_line_grades(upper, lower) or layout.two_line_grades(_without_row_heading(upper), lower)


def _stacked_header(ctx: Context, all_lines: list[Line], i: int, header: Header | None) -> tuple[Header, int] | None:
    """Headers spread over lines: names over sizes by column, or one cell per line (PyMuPDF)."""
    run: list[Line] = []
    for line in all_lines[i:i + MAX_STACKED_HEADER_LINES]:
        if run and (line.blank_before or line.section != run[0].section):
            break
        if ctx.mentions_in(line.start, line.end) or layout.is_cell_line(line):
            break
        run.append(line)
    names_over_grades = _names_over_grades(ctx, run)
    if names_over_grades is not None:
        return names_over_grades, 2
    merged = layout.merge_columns(run[:2]) if len(run) >= 3 else None
    stacked_names = _names_over_grades(ctx, [Line(run[0].start, run[1].end, "    ".join(merged), run[0].section, run[0].blank_before),
                                             *run[2:]]) if merged else None
    if stacked_names is not None:  # 'KALVORA and' / 'Carboplatin/Paclitaxel' over the grade line: names on two lines
        return stacked_names, 3
    while len(run) >= 2:
        end = i + len(run)
        after = all_lines[end] if end < len(all_lines) else None
        sizes = layout.sizes_only(run[-1].text) if len(run) == 2 else None
        names = layout.split_names(run[0].text, len(sizes)) if sizes and len(layout.segments(run[0].text)) < 2 else None
        if names:  # 'Sotre 3 mg/kg Sotre + Axi Axitinib' over '(n=62) (n=63) (n=60)', single-spaced
            return Header(tuple(Column("arm", name, n) for name, n in zip(names, sizes))), 2
        if after is not None and after.section == run[0].section and (_label_start(ctx, after) or _grades_only(after)
                                                                      or _two_line_grades(all_lines, end)):
            if LABEL_N.search(run[-1].text) and not _holds_values(run[0]):
                cells = layout.merge_columns(run)
                parsed = layout.header_from_cells(cells, header) if cells else None
                if parsed:
                    return parsed, len(run)
        first_cell = next((c for c in range(end, min(end + 3, len(all_lines))) if layout.is_cell_line(all_lines[c])), None)
        if after is not None and after.section == run[0].section and first_cell is not None and first_cell > end:
            # one cell per line: the run is the header when a row label (and maybe an organ-class line) follows
            if (len(run) >= 3 and all(len(x.text.split()) <= layout.MAX_HEADER_CELL_WORDS for x in run)):
                parsed = layout.header_from_cells([x.text for x in run], header)
                if parsed:
                    return parsed, len(run)
        run.pop()
    return None


MAX_STACKED_HEADER_LINES = 12
BLOCK_LINE = re.compile(r"^[\s•]*(?:[A-Za-z][\w/-]*\s?){0,3}(?:adverse\s+events?|AEs|TEAEs|toxicit(?:y|ies)|safety)\b", re.I)


def _block_line(text: str) -> bool:
    """'Selected adverse events, any grade, n (%)': the rows below are adverse events."""
    if len(text.split()) > 8 or text.rstrip().endswith(".") or not BLOCK_LINE.match(text):
        return False
    return not re.search(r"\d", re.sub(r"grades?\s?(?:>=|≥)?\s?\d(?:\s?-\s?\d)?", "", text, flags=re.I))


HR_LABEL = re.compile(r"^[\s•|]*(?:(?:un)?stratified\s+|adjusted\s+)?(?:HR|hazard\s+ratio)\b", re.I)
HR_IN_LABEL = re.compile(r"\b(?:HR|hazard\s+ratio)\b", re.I)


def _row(ctx: Context, line: Line, state: TableState, codes: list[str] | None = None) -> bool:
    header = state.header
    opened = _label_start(ctx, line) if codes is None else None
    hr_label = HR_LABEL.match(line.text)
    if codes is not None:
        plain = PLAIN_LABEL.match(line.text)
        if not plain:
            return False
        label_end = plain.end()
    elif opened:
        labels, label_end = opened
        codes = list(dict.fromkeys(m.code for m in labels))  # 'Complete response (CR)' names one endpoint
    elif hr_label and header is not None and state.last_code in SURVIVAL:
        codes, label_end = [state.last_code], hr_label.end()  # 'HR (95% CI)' under the median row it compares
    elif header is not None and state.block_code and SUB_ROW.match(line.text) \
            and not (is_toxicity(state.block_code) and re.match(r"[\s•|]*median\b", line.text, re.I)):  # 'Median time to onset
        codes, label_end = [state.block_code], SUB_ROW.match(line.text).end()
    elif header is not None and header.safety:
        plain = PLAIN_LABEL.match(line.text)
        if not plain:
            return False
        name = " ".join(plain.group(0).replace("•", " ").replace("|", " ").split()).lower()
        if not name or len(name.split()) > 6:
            return False
        codes, label_end = ["OTHER_AE:" + name], plain.end()
    else:
        return False
    row = parse_row(line.text, line.start, label_end)
    if row is None:
        return False
    if header is not None and codes[0] in SURVIVAL and HR_IN_LABEL.search(row.label):
        done = _hr_row(ctx, line, codes[0], row, header)
    else:
        done = _emit_row(ctx, line, codes, row, header, state.unit_hint)
    if done:
        state.last_code = codes[0]
    return done


def _hr_row(ctx: Context, line: Line, code: str, row: Row, header: Header) -> bool:
    """'HR (95% CI)  0.33 (0.24-0.45)  0.31 (0.23-0.41)': one hazard ratio per pair of arm columns."""
    arms = header.arms
    cells = [c for c in row.cells if c.number is not None and not c.operator]
    if not cells or len(arms) != 2 * len(cells):
        return False
    for j, cell in enumerate(cells):
        first, second = arms[2 * j], arms[2 * j + 1]
        candidate = {"endpoint": code, "stat": "hr", "value": cell.number, "unit": "ratio", "ci_low": cell.low,
                     "ci_high": cell.high, "arm": f"{first.name} vs {second.name}"}
        ctx.add(candidate, line.start, row.end, f"row-hr:{code}")
    return True


def _aligned(line: Line, cells: list[Cell], header: Header) -> list[tuple[Cell, Column]] | None:
    """Cells under the header columns they sit below, for rows with blank cells (an ORR row under 'HR  p')."""
    columns = header.columns
    if len(header.spans) != len(columns) or not cells:
        return None
    chosen: list[int] = []
    for cell in cells:
        a, b = cell.start - line.start, cell.end - line.start
        overlap = [min(b, hb) - max(a, ha) for ha, hb in header.spans]
        best = max(range(len(columns)),
                   key=lambda j: (overlap[j], -min(abs(a - header.spans[j][0]), abs(b - header.spans[j][1]))))
        if chosen and best <= chosen[-1]:
            return None
        chosen.append(best)
    return [(cell, columns[j]) for cell, j in zip(cells, chosen)]


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
    elif header is not None and "\n" not in ctx.text[line.start:line.end] and "|" not in line.text \
            and _aligned(line, cells, header):
        pairs = _aligned(line, cells, header)
    elif values and len(values) < len(cells) < len(columns) and (not header.spans or "|" in line.text):
        # single-spaced, a blank cell: arms first, the rest under the last columns ('ORR 31.5 18.0 0.002' under 'HR p')
        extra = len(cells) - len(values)
        pairs = list(zip(cells, values + [c for c in columns if c.kind not in ("arm", "grade")][-extra:]))
    elif len(cells) == 1 and not (header and header.safety and codes[0].startswith("OTHER_AE:")):
        cell = cells[0]
        if re.search(r"(?:\bHR|hazard\s+ratio)[\s:=]*$", row.label, re.I):
            return False  # '- Overall survival: immature, HR 0.85 (95% CI ...)': a ratio, for the prose reader
        if cell.denominator is not None and cell.second is None:
            return False  # '59/78 (76%; 95% CI, 65-85)': a sentence's numbers, for the prose reader
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
            if column.grade and is_toxicity(candidate["endpoint"]):
                candidate["grade"] = column.grade
            candidate["arm"] = column.name
            candidate["n"] = candidate.get("n") or column.n or (header.n if header else None)
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


def _row_grade(code: str, label: str, header: Header | None = None) -> str | None:
    """Toxicity rows carry the grade their label names, else their block's, 'any' when none is named."""
    return (label_grade(label) or (header.grade if header else None) or "any") if is_toxicity(code) else None


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
    grade = _row_grade(code, row.label, header)
    if len(codes) >= 2 and cell.second is not None:
        return [{"endpoint": codes[0], "stat": "rate", "unit": "%", "value": cell.number, "grade": grade},
                {"endpoint": codes[1], "stat": "rate", "unit": "%", "value": cell.second,
                 "grade": _row_grade(codes[1], row.label, header)}]
    if cell.denominator is not None:
        if cell.second is None:
            return []  # '41/89' alone: the rate is not printed
        return [{"endpoint": code, "stat": "rate", "unit": "%", "value": cell.second, "count": int(cell.number),
                 "n": cell.denominator, "grade": grade}]
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

NAME_PIECES = re.compile(r"\s+vs\s+|\s*[()]\s*")


def _arms_as_written(ctx: Context, c: dict) -> None:
    """Arm names are found in the normalised text ('CPS >= 5', 'telvotamab-lenalidomide'); the table
    gives them as the document spells them ('CPS ≥ 5', 'telvotamab–lenalidomide')."""
    if c.get("arm"):
        c["arm"] = _as_written(ctx, c["arm"])
    if c.get("arm_aliases"):
        c["arm_aliases"] = [_as_written(ctx, a) for a in c["arm_aliases"]]


def _as_written(ctx: Context, name: str) -> str:
    if ctx.norm.original == ctx.text or not isinstance(name, str):
        return name
    pieces, pos = [], 0
    for sep in NAME_PIECES.finditer(name):
        pieces += [name[pos:sep.start()], sep.group()]
        pos = sep.end()
    pieces.append(name[pos:])
    out = []
    for piece in pieces:
        at = ctx.text.find(piece) if len(piece) > 2 and not NAME_PIECES.fullmatch(piece) else -1
        if at >= 0:
            a, b = ctx.norm.span_to_original(at, at + len(piece))
            piece = ctx.document.text[a:b]
        out.append(piece)
    return "".join(out)


def _finish(ctx: Context) -> Result:
    doc = ctx.document
    result = Result(doc.doc_id)
    if not ctx.candidates:
        return result  # most documents: no section bounds or other studies' spans to work out
    bounds = sections(ctx.text)
    elsewhere = other_study_spans(ctx.text)
    trials = own_trials(ctx.text, list(ctx.trials))  # a full text's cited trials lend no name to its values
    seen: set[tuple] = set()
    issued: dict[str, int] = {}
    ids: set[str] = set()
    for c in ctx.candidates:
        s_norm, e_norm = c.pop("start_norm"), c.pop("end_norm")
        if any(a <= s_norm < b for a, b in elsewhere):
            continue  # a background or discussion value is another study's
        section = next((i for i, (a, b) in enumerate(bounds) if a <= s_norm <= b), 0)
        c.setdefault("trial", trial_for(s_norm, section, trials))
        start, end = ctx.norm.span_to_original(s_norm, e_norm)
        _arms_as_written(ctx, c)
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
        if outcome.record_id in ids and outcome.rule.startswith("row"):
            # the same row, endpoint and arm in two blocks of a table (BICR | investigator): keep both
            outcome.record_id = make_record_id(c, f"{doc.sha256}|{outcome.value}|{outcome.not_reached}")
        ids.add(outcome.record_id)
        result.records.append(outcome)
    return result
