"""Slide and table rows: a label naming the endpoint followed by one cell per arm.

``ORR 150 (83) 90 (50) <0.0001`` under ``Axicel (n=180) SoC (n=179) p`` holds two arms and a
p-value column; ``ORR (CR), % 83 (58) 53 (39) 73 (53)`` holds two endpoints per cell.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .values import UNIT_WORDS, find_grades, find_timepoints

CELL_RE = re.compile(
    r"(?:(?P<nr>not\s+reached|not\s+estimable|NR|NE|NA|N/A|NYR)"
    r"|(?P<num>(?:[<>]=?\s?)?\d+(?:\.\d+)?)(?:\s?(?P<pct>%))?"
    r"(?:\s?(?P<unit>months?|mos?|mths?|weeks?|wks?|days?|years?|yrs?)(?![\w]))?)"
    r"(?:\s?(?P<paren>[\(\[][^()\[\]\n]{1,40}[\)\]]))?",
    re.I,
)
BOUNDS_RE = re.compile(
    r"^[\(\[]\s?(?:(?:95\s?%\s?)?CI[,:]?\s?|range[,:]?\s?)?(-?\d+(?:\.\d+)?|NR|NE|NA)\s?(?:-|to|,|;|\s)\s?(-?\d+(?:\.\d+)?|NR|NE|NA)\s?[\)\]]$",
    re.I)
SECOND_RE = re.compile(r"^[\(\[]\s?(\d+(?:\.\d+)?)\s?(%)?\s?[\)\]]$")
LABEL_UNIT = re.compile(r"(?:,|\()\s?(months?|mos?|weeks?|wks?|days?|years?)\b|\b(months|weeks|days|years)\b", re.I)
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
        if m.group("unit"):
            cell.unit = UNIT_WORDS.get(m.group("unit").lower().rstrip("."), "months")
    paren = m.group("paren")
    if paren:
        bounds, second = BOUNDS_RE.match(paren), SECOND_RE.match(paren)
        if bounds:
            cell.has_bounds = True
            cell.low, cell.high = _num_or_none(bounds.group(1)), _num_or_none(bounds.group(2))
        elif second:
            cell.second = float(second.group(1))
    return cell


def _num_or_none(token: str) -> float | None:
    try:
        return float(token)
    except ValueError:
        return None


def parse_row(line: str, offset: int, label_start: int) -> Row | None:
    """Split a line into label and a contiguous run of cells reaching the end of the line.

    ``label_start`` is where the first endpoint mention ends (relative to the line); cells are
    looked for only after it, and the label may carry no other numbers than a time point or CI level.
    """
    matches = [m for m in CELL_RE.finditer(line, label_start) if m.group(0).strip()]
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
    label = line[:chain[0].start()]
    tail_of_label = re.sub(r"95\s?%\s?CI|\d+\s?-?\s?(?:month|year|mo|yr)s?\b|\(\s?%\s?\)|n\s?\(\s?%\s?\)", "", label[label_start:], flags=re.I)
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
