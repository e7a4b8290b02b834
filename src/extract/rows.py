"""Slide and table rows: a label naming the endpoint followed by one cell per arm.

``ORR 150 (83) 90 (50) <0.0001`` under ``Axicel (n=180) SoC (n=179) p`` holds two arms and a
p-value column; ``ORR (CR), % 83 (58) 53 (39) 73 (53)`` holds two endpoints per cell.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .values import UNIT_WORDS, find_grades, find_timepoints, to_float

CELL_RE = re.compile(
    r"(?:(?P<nr>not\s+reached|not\s+estimable|NR|NE|NA|N/A|NYR|\u2014)"
    r"|(?P<num>(?:[<>]=?\s?)?\d+(?:\.\d+)?)(?:\s?/\s?(?P<den>\d+)(?![\d.]))?(?:\s?(?P<pct>%))?"
    r"(?:\s?(?P<unit>months?|mos?|mths?|weeks?|wks?|days?|years?|yrs?)(?![\w]))?)"
    r"(?:\s?(?P<paren>[\(\[][^()\[\]\n]{1,40}[\)\]]))?"
    r"(?P<note>[*†‡§¶]{1,3}|(?<=[\d)\]])(?-i:[a-f])(?![A-Za-z]))?",  # a footnote mark glued to the cell: '45 (30)a'
    re.I,
)
BOUNDS_RE = re.compile(
    r"^[\(\[]\s?(?:(?:95\s?%\s?)?CI[,:]?\s?|range[,:]?\s?)?(-?\d+(?:\.\d+)?|NR|NE|NA)\s?(?:-|to|,|;|\s)\s?(-?\d+(?:\.\d+)?|NR|NE|NA)\s?[\)\]]$",
    re.I)
SECOND_RE = re.compile(r"^[\(\[]\s?(\d+(?:\.\d+)?)\s?(%)?\s?[\)\]]$")
LABEL_UNIT = re.compile(r"(?:,|\(|\s[-–—])\s?(months?|mos?|weeks?|wks?|days?|years?)\b|\b(months|weeks|days|years)\b", re.I)
PERCENT_SUFFIX = re.compile(r"[\s,]*(?:n\s?)?\(\s?%\s?\)\s*$|\s?%\s*$")
NOT_NUMBER_CELL = re.compile(r"^(?:not\s+reached|not\s+estimable|not\s+evaluable|NR|NE|NA|N/A|NYR|NC|-|–|—)$", re.I)
NOT_REACHED_CELL = re.compile(r"^(?:not\s+reached|NR|NYR)$", re.I)
SURVIVAL = frozenset({"PFS", "OS", "EFS", "DOR", "DOCR", "TTR", "FOLLOW_UP"})


@dataclass
class Cell:
    start: int
    end: int
    raw: str
    number: float | None = None
    not_reached: bool = False
    missing: bool = False
    percent: bool = False
    unit: str | None = None
    operator: str = ""
    second: float | None = None
    low: float | None = None
    high: float | None = None
    has_bounds: bool = False
    denominator: int | None = None  # '41/89 (46.1)': responders over patients


@dataclass
class Row:
    start: int
    end: int
    label: str
    label_end: int
    cells: list[Cell]


def _cell(m: re.Match[str], offset: int) -> Cell:
    cell = Cell(offset + m.start(), offset + m.end(), m.group(0))
    if m.group("nr"):
        cell.not_reached = bool(NOT_REACHED_CELL.match(m.group("nr")))
        cell.missing = not cell.not_reached
    else:
        num = m.group("num").replace(" ", "")
        cell.operator = re.match(r"[<>]=?", num).group(0) if num[0] in "<>" else ""
        cell.number = float(num.lstrip("<>="))
        cell.percent = bool(m.group("pct"))
        cell.denominator = int(m.group("den")) if m.group("den") else None
        if m.group("unit"):
            cell.unit = UNIT_WORDS.get(m.group("unit").lower().rstrip("."), "months")
    paren = m.group("paren")
    if paren:
        bounds, second = BOUNDS_RE.match(paren), SECOND_RE.match(paren)
        if bounds:
            cell.has_bounds = True
            cell.low, cell.high = to_float(bounds.group(1)), to_float(bounds.group(2))
            if cell.missing and re.fullmatch(r"NE|not\s+estimable", m.group("nr"), re.I) \
                    and re.fullmatch(r"NE|NR", bounds.group(2), re.I):
                cell.not_reached, cell.missing = True, False  # 'NE (5.3, NE)': a median whose CI has no upper bound
        elif second:
            cell.second = float(second.group(1))
    return cell


def parse_row(line: str, offset: int, label_start: int) -> Row | None:
    """Split a line into label and a contiguous run of cells reaching the end of the line.

    ``label_start`` is where the first endpoint mention ends (relative to the line); cells are
    looked for only after it, and the label may carry no other numbers than a time point or CI level.
    """
    blocked = [(g.start, g.end) for g in find_grades(line)] + [(t.start, t.end) for t in find_timepoints(line)]
    matches = [m for m in CELL_RE.finditer(line, label_start)
               if m.group(0).strip() and not any(a < m.end() and m.start() < b for a, b in blocked)]
    if not matches:
        return None
    chain: list[re.Match[str]] = []
    end = len(line.rstrip())
    for m in reversed(matches):
        gap = line[m.end():end]
        if gap.strip(" |\t"):
            break
        chain.insert(0, m)
        end = m.start()
    if not chain:
        return None
    if re.search(r"[A-Za-z][-–]$", line[:chain[0].start()].rstrip(" ")) and not line[chain[0].start() - 1:chain[0].start()].isspace():
        return None  # 'TANAGER-3': a name's number, not a cell
    label = line[:chain[0].start()]
    tail_of_label = label[label_start:]
    for a, b in sorted(blocked, reverse=True):
        if a >= label_start and b <= len(label):
            tail_of_label = tail_of_label[:a - label_start] + " " + tail_of_label[b - label_start:]
    tail_of_label = re.sub(r"95\s?%\s?CI|\(\s?%\s?\)|n\s?\(\s?%\s?\)|<?\s?\b10\s?\^\s?-?\d+|\bv\d+(?:\.\d+)*\b", "", tail_of_label,
                           flags=re.I)
    if re.search(r"\d", tail_of_label):
        return None
    return Row(offset, offset + len(line.rstrip()), label, offset + len(label), [_cell(m, offset) for m in chain])


def label_unit(label: str) -> str | None:
    m = LABEL_UNIT.search(label)
    if not m:
        return None
    return UNIT_WORDS.get((m.group(1) or m.group(2)).lower(), "months")


def label_timepoint(label: str) -> float | None:
    points = find_timepoints(label + " x")
    return float(points[0].value) if points else None


def label_grade(label: str) -> str | None:
    grades = find_grades(label)
    return str(grades[0].value) if grades else None


def label_is_percent(label: str) -> bool:
    return bool(re.search(r"%|\brate\b", label, re.I))


def label_is_percent_first(label: str) -> bool:
    """'% (n)' columns print the percentage first; 'n (%)' the count first."""
    return bool(re.search(r"%\s?\(\s?n\s?\)", label, re.I))


# --- table headers --------------------------------------------------------------------------------

ARM_GROUP = re.compile(
    r"((?:\d[\d.]*\s?(?:mg|µg|μg|mcg)(?:/(?:kg|m\^?2))?\s)?[A-Za-z][\w+./'-]*(?: [\w+./'-]+)*?)\s?(?:\(\s?[nN]?\s?=?\s?(\d+)\s?\)|,?\s[nN]\s?=\s?(\d+))")
HEADER_WORDS = frozenset("endpoint endpoints outcome outcomes response responses parameter parameters variable "
                         "efficacy characteristic characteristics event events n % no. responsen safety survival".split())
# words that open a header's label cell, never an arm name: 'Intention-to-treat population Drug (n=257)'
LABEL_ONLY = frozenset("itt mitt pp population populations analysis analyses assessment table all patients "
                       "intention-to-treat per-protocol modified bicr irc investigator investigator-assessed "
                       "end point points measure measures primary updated final interim".split())
POPULATION_WORDS = frozenset("itt mitt pp population".split())
# a between-arm column that holds no arm's value: 'Difference (95% CI)', 'Odds ratio (95% CI)'
CONTRAST = r"(?:difference|diff\.|odds\s+ratio|risk\s+ratio|relative\s+risk)(?:\s?(?:in\s+\w+\s?)?\(95\s?%\s?CI\))?"
EXTRA_TOKEN = re.compile(r"(?<![\w])(HR\s?\(95\s?%\s?CI\)|HR|hazard\s+ratio(?:\s?\(95\s?%\s?CI\))?|" + CONTRAST
                         + r"|p(?:\s?-?\s?value)?|P)(?![\w])", re.I)
EXTRA_FULL = re.compile(r"^(?:HR(?:\s?\(95\s?%\s?CI\))?|hazard\s+ratio(?:\s?\(95\s?%\s?CI\))?|" + CONTRAST
                        + r"|p(?:\s?-?\s?values?)?)$", re.I)
SAFETY = re.compile(r"\b(?:safety|adverse|AEs?|TEAEs?|toxicit(?:y|ies)|side\s+effects|laboratory\s+abnormalit(?:y|ies)|"
                    r"lab\s+abnormalit(?:y|ies)|laboratory\s+(?:test|parameter)s?)\b", re.I)
SEGMENT_SPLIT = re.compile(r"\s{2,}|\t|\s?\|\s?")
LABEL_N = re.compile(r"\(\s?[nN]\s?=\s?(\d+)\s?\)|\b[nN]\s?=\s?(\d+)")


MAX_HEADER_LENGTH = 240
LABEL_INDENT = 8  # a header line whose first cell starts further in has no row-label cell
EMPTY_FIRST_CELL = re.compile(r"^\s*\|\s*\|")  # '|  | Drug A | Drug B |': a Markdown header with no label


@dataclass(frozen=True)
class Column:
    kind: str                 # arm | grade | p | hr
    name: str | None = None
    n: int | None = None
    grade: str | None = None


@dataclass(frozen=True)
class Header:
    columns: tuple[Column, ...]
    n: int | None = None      # population printed in the label: 'Safety (N=146), n (%)'
    percent: bool = False
    safety: bool = False
    spans: tuple[tuple[int, int], ...] = ()  # where each column sits on the header line, when known
    grade: str | None = None  # grade a block line names for the rows below it ('..., any grade, n (%)')

    @property
    def arms(self) -> list[Column]:
        return [c for c in self.columns if c.kind == "arm"]

    @property
    def value_columns(self) -> list[Column]:
        return [c for c in self.columns if c.kind in ("arm", "grade")]

    def with_extras(self, extras: list[str]) -> "Header":
        return Header(tuple(self.value_columns) + tuple(Column(e) for e in extras), self.n, self.percent, self.safety,
                      grade=self.grade)


def _extra_kind(label: str) -> str:
    low = label.lower()
    if low.startswith(("hr", "hazard")):
        return "hr"
    return "p" if low.startswith("p") else "contrast"


def _label_traits(label: str) -> tuple[int | None, bool, bool]:
    n = LABEL_N.search(label)
    return (int(n.group(1) or n.group(2)) if n else None), "%" in label, bool(SAFETY.search(label))


def pipe_section_row(line: str) -> bool:
    """A pipe row whose only filled cell is the first one."""
    if line.count("|") < 2:
        return False
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    return len(cells) >= 2 and bool(cells[0]) and not any(cells[1:])


def parse_header(line: str, endpoint_spans: list[tuple[int, int]], previous: Header | None = None) -> Header | None:
    """'Axicel (n=180) SoC (n=179) p', 'Survival  Ivorsanib  Placebo  HR (95% CI)  p',
    'Safety (N=146), n (%)  Any grade  Grade >=3' -> the columns of the rows below."""
    if len(line) > MAX_HEADER_LENGTH:
        return None  # a paragraph, not a header: and the arm-group pattern is costly on long lines
    if pipe_section_row(line):
        return None  # '| Overall Survival | | |': a section heading inside the table, the columns stay
    return _header_with_sizes(line, endpoint_spans) or _header_from_segments(line, endpoint_spans, previous) \
        or _single_column_header(line)


SINGLE_COLUMN = re.compile(r"^[\s|]*(?P<label>[A-Za-z][\w ,/()-]{0,40}?)(?:\s{2,}|\t|\s?\|\s?)(?P<name>[A-Za-z][\w+/ -]{0,40}?)\s?"
                           r"\(\s?[Nn]\s?=\s?(?P<n>\d+)\s?\)[\s|]*$")


SINGLE_GRADE_COLUMN = re.compile(r"^[\s|]*(?P<label>[A-Za-z][\w ,/()-]{0,40}?)(?:\s{2,}|\t|\s?\|\s?)"
                                 r"(?P<grade>(?:all|any)\s+grades?|grades?\s+\S.{0,20}?)\s*(?:\(\s?%\s?\)|%)?[\s|]*$", re.I)


def _single_grade_column(line: str) -> Header | None:
    """'Laboratory Abnormality    Grade 3 or 4 (%)': a one-arm safety table with one graded column."""
    m = SINGLE_GRADE_COLUMN.match(line)
    if not m or not SAFETY.search(m.group("label")):
        return None
    grade = "any" if re.match(r"(?:all|any)\b", m.group("grade"), re.I) else label_grade(m.group("grade"))
    return Header((Column("grade", grade=grade),), None, True, True, ((m.start("grade"), m.end()),)) if grade else None


def _single_column_header(line: str) -> Header | None:
    """'Endpoint    TALVORA (N=143)': a one-arm table's header; its label cell is a header word. Its values
    are the single-arm report's, so the column carries the size but no arm name (SCHEMA.md: arm null)."""
    if (graded := _single_grade_column(line)) is not None:
        return graded
    m = SINGLE_COLUMN.match(line)
    if not m or not all(w.lower().strip("(),:") in HEADER_WORDS | LABEL_ONLY for w in m.group("label").split()):
        return None
    return Header((Column("arm", None, int(m.group("n"))),), None, False, False,
                  ((m.start("name"), m.end()),))


def _header_with_sizes(line: str, endpoint_spans: list[tuple[int, int]]) -> Header | None:
    groups = list(ARM_GROUP.finditer(line))
    if len(groups) < 2:
        return None
    columns = []
    label_end = groups[0].start(1)
    for index, g in enumerate(groups):
        start = g.start(1)
        inside = [b for a, b in endpoint_spans if start <= a < g.end(1) or a <= start < b]
        if inside and index == 0 and max(inside) < g.end(1):
            start = max(inside)  # 'Radiographic PFS and OS Relvalutamide N = 329': the label ends at the last endpoint
        elif inside:
            return None
        text = line[start:g.end(1)]
        offset = start + len(text) - len(text.lstrip(" ,;:|"))
        words = text.split()
        if index == 0:
            if any(w.endswith((",", ":")) for w in words[:-1]):  # 'Efficacy, ITT Veltarinib (N=301)'
                cut = max(i for i, w in enumerate(words[:-1]) if w.endswith((",", ":"))) + 1
                words = words[cut:]
            while len(words) > 1 and (words[0].lower().strip("(),:") in HEADER_WORDS or words[0].lower() in LABEL_ONLY):
                words = words[1:]
            if len(words) > 1 and words[0].lower().strip("(),:") in POPULATION_WORDS:
                words = words[1:]
            label_end = g.end(1) - len(" ".join(words)) if words else offset
        name = " ".join(words).strip(" ,;:|")
        if not name:
            return None
        columns.append(Column("arm", name, int(g.group(2) or g.group(3))))
    rest = EXTRA_TOKEN.sub(" ", ARM_GROUP.sub(" ", line))
    if re.search(r"\d", rest.replace("%", "").replace("95", "")) or len(rest.split()) > 6:
        return None
    tail_at = groups[-1].end()
    extras = list(EXTRA_TOKEN.finditer(line[tail_at:]))
    columns += [Column(_extra_kind(m.group(1))) for m in extras]
    spans = [(g.start(1), g.end()) for g in groups] + [(tail_at + m.start(), tail_at + m.end()) for m in extras]
    gaps = [line[a[1]:b[0]] for a, b in zip(spans, spans[1:])]
    if any("  " not in gap and "|" not in gap and "\t" not in gap for gap in gaps):
        spans = []  # single-spaced: positions say nothing about columns
    _, percent, safety = _label_traits(line[:label_end])
    return Header(tuple(columns), None, percent, safety, tuple(spans))


# 'Cohort 1 (CAR T-naive)', 'Arm 2', 'Dose level 3': a column named by its number holds a digit and is still a name
# '2L TI', '3L+': a line of therapy, as label tables head their cohorts
# ... and '5.4 mg/kg', '120 mg QD': a column named by its dose
NUMBERED_COLUMN = re.compile(r"(?:(?:cohort|arm|group|part|dose\s+level|DL)\s?(?:[A-H]|\d{1,2}|I{1,3}|IV)|(?-i:[1-4]L\+?(?:\s[A-Z]{1,4})?)"
                             r"|\d+(?:\.\d+)?\s?(?:mg|µg|μg|mcg)(?:/(?:kg|m2|m\^2))?(?:\s(?:QD|BID|QW|Q[2-4]W|daily|weekly|every\s(?:\d|two|three|four)\s?weeks?))?)(?![\w.,%-])", re.I)


# 'T0.6-Dd', 'V300+C', 'R-CHOP14': one word that starts with a letter and holds a figure is an arm's short name
CODED_NAME = re.compile(r"(?=(?:\S*?[A-Za-z]){2})[A-Za-z][\w.+/-]*\d[\w.+/-]*")


def _header_from_segments(line: str, endpoint_spans: list[tuple[int, int]], previous: Header | None) -> Header | None:
    segments = [(m.start(), m.group(0)) for m in re.finditer(r"\S(?:.*?\S)?(?=\s{2,}|\t|\s?\|\s?|$)", line.strip("\n"))]
    segments = [(pos, seg.strip(" |")) for pos, seg in segments if seg.strip(" |")]
    if len(segments) < 2:
        return None
    known = {(c.name or "").lower(): c for c in (previous.arms if previous else [])}
    columns: list[Column] = []
    spans: list[tuple[int, int]] = []
    label = ""
    for index, (pos, seg) in enumerate(segments):
        if (index == 0 and pos < LABEL_INDENT and not find_grades(seg) and seg.lower() not in known
                and not EMPTY_FIRST_CELL.match(line)):
            label = seg  # an indented first cell is a column, not the row-label column
            continue
        spans.append((pos, pos + len(seg)))
        core = PERCENT_SUFFIX.sub("", seg)  # 'All Grades (%)', 'Grade 3-4, n (%)'
        grades = find_grades(core)
        if grades and grades[0].start == 0 and grades[0].end >= len(core.rstrip()) - 1:
            columns.append(Column("grade", grade=str(grades[0].value)))
        elif EXTRA_FULL.match(seg):
            columns.append(Column(_extra_kind(seg)))
        elif seg.lower() in known:
            columns.append(known[seg.lower()])
        elif NOT_NUMBER_CELL.match(seg):
            return None  # 'NR', 'NE', 'not estimable': a row of values, not arm names
        elif ((not re.search(r"\d", LABEL_N.sub("", seg)) or NUMBERED_COLUMN.match(seg) or CODED_NAME.fullmatch(LABEL_N.sub("", seg).strip(" ,")))
              and len(seg.split()) <= 5
              and not any(a < pos + len(seg) and pos < b for a, b in endpoint_spans)):
            size = LABEL_N.search(seg)
            columns.append(Column("arm", LABEL_N.sub("", seg).strip(" ,"), int(size.group(1) or size.group(2)) if size else None))
        else:
            return None
    values = [c for c in columns if c.kind in ("arm", "grade")]
    if len(values) < 2 or (re.search(r"\d", LABEL_N.sub("", re.sub(r"95\s?%", "", label)))):
        return None
    if any(c.kind == "arm" for c in values) and any(c.kind == "grade" for c in values):
        return None  # arm-by-grade tables need two header lines: not read here
    if not label and not known and all(c.kind == "arm" for c in values):
        return None  # bare words in columns are a header only under a labelled or earlier header
    n, percent, safety = _label_traits(label)
    return Header(tuple(columns), n, percent, safety or (previous.safety if previous and not label else False), tuple(spans))


def parse_subheader(line: str) -> str | None:
    """'Survival, mo HR' announces that the column after the arms now holds hazard ratios."""
    if re.search(r"\d", line) or len(line.split()) > 6:
        return None
    m = re.search(r"(?:^|\s)(p(?:\s?-?\s?value)?|HR(?:\s?\(95\s?%\s?CI\))?|hazard\s+ratio)\s*$", line.strip(), re.I)
    return _extra_kind(m.group(1)) if m else None
