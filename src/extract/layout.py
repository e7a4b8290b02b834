"""Tables that text extractors spread over several lines, rebuilt into one row or one header.

PyMuPDF and slide exporters put every cell on its own line; PDF text wraps long row labels and
stacks a header's arm name over its size. The pipeline reads a table one line at a time, so this
module joins such runs into one logical ``Line``: same start and end offsets, newlines read as
spaces, so the evidence cut from the source stays verbatim. Headers met this way are read cell by
cell (``header_from_cells``) or column by column (``merge_columns``, by character position).
"""
from __future__ import annotations

import re

from .rows import CELL_RE, CONTRAST, EXTRA_FULL, HEADER_WORDS, LABEL_N, NOT_NUMBER_CELL, PERCENT_SUFFIX, SAFETY, Column, Header, _extra_kind
from .segment import Line
from .values import Mention, find_grades

SIZE_ONLY = re.compile(r"^\(?\s?[nN]\s?=\s?(\d+)\s?\)?$")
SEGMENT = re.compile(r"\S(?:.*?\S)?(?=\s{2,}|\t|\s?\|\s?|$)")
LABEL_START = re.compile(r"^(?:table\b|adverse\b|" + "|".join(sorted(HEADER_WORDS - {"n", "%"})) + r")", re.I)
MAX_HEADER_CELL_WORDS = 6


EMPTY_CELL = "\u2014"  # an em dash: normalised text has none, so it marks a dash-only cell line here
DASH_LINE = re.compile(r"^\s*-\s*$")


def joined(text: str, run: list[Line]) -> Line:
    """One logical line over consecutive lines: newlines become spaces, offsets stay the source's;
    a line holding only a dash (an empty cell) reads as one missing cell."""
    first, last = run[0], run[-1]
    body = list(text[first.start:last.end].replace("\n", " "))
    for line in run:
        if DASH_LINE.match(line.text):
            body[line.start + line.text.index("-") - first.start] = EMPTY_CELL
    return Line(first.start, last.end, "".join(body), first.section, first.blank_before)


def is_cell_line(line: Line) -> bool:
    """A line holding exactly one table cell: '147 (79.0)', 'NR (22.4–NE)', '<0.001', '0', '-'."""
    if DASH_LINE.match(line.text):
        return True
    body = line.text.strip(" |\t")
    m = CELL_RE.match(body)
    return bool(m and m.end() == len(body))


def cell_run(all_lines: list[Line], i: int) -> int:
    """How many single-cell lines follow position ``i`` without a break."""
    k = 0
    while i + k < len(all_lines):
        line = all_lines[i + k]
        if line.section != all_lines[i - 1].section or line.blank_before or not is_cell_line(line):
            break
        k += 1
    return k


def segments(text: str) -> list[tuple[int, int, str]]:
    """Cells of one header line split on 2+ spaces, tabs or '|', with their character span."""
    out = []
    for m in SEGMENT.finditer(text):
        seg = m.group(0).strip(" |")
        if seg:
            out.append((m.start(), m.end(), seg))
    return out


SIZE_TOKEN = re.compile(r"\(?\s?[nN]\s?=\s?(\d+)\s?\)?")


def sizes_only(text: str) -> list[int] | None:
    """'(n=62) (n=61) (n=63)' or 'N=210 N=212': the sizes, when the line holds nothing else."""
    if SIZE_TOKEN.sub("", text).strip(" |\t"):
        return None
    sizes = [int(m.group(1)) for m in SIZE_TOKEN.finditer(text)]
    return sizes or None


def merge_columns(run: list[Line]) -> list[str] | None:
    """Stacked header lines ('Tivamerib +' / 'Durvelimab' / '(n=210)') joined column by column.

    The first line sets the columns; every later piece joins the column it overlaps most, or the
    nearest one. None when a later line holds more pieces than there are columns (a new grid).
    """
    grid = segments(run[0].text)
    if len(grid) < 2:
        return None
    cells = [[s] for _, _, s in grid]
    for line in run[1:]:
        pieces = segments(line.text)
        if len(pieces) > len(grid):
            return None
        for a, b, text in pieces:
            overlap = [min(b, gb) - max(a, ga) for ga, gb, _ in grid]
            best = max(range(len(grid)), key=lambda j: (overlap[j], -abs(a - grid[j][0])))
            cells[best].append(text)
    return [" ".join(c) for c in cells]


def _is_label_cell(cell: str, index: int) -> bool:
    return bool(LABEL_START.match(cell.strip()) or SAFETY.search(cell) or "%" in cell) or (
        index == 0 and cell.rstrip().endswith(":"))


def header_from_cells(cells: list[str], previous: Header | None = None) -> Header | None:
    """Header cells in reading order -> columns.

    Arm names may be followed by their size in a cell of its own ('(N=186)', 'n = 174') or carry
    it ('Sotre 3 mg/kg (n=62)'); grade cells after the arms ('All grades', 'Grade 3-4', repeated
    per arm) make one column per arm and grade; label cells ('Endpoint', 'Adverse event, n (%)')
    say what the rows are.
    """
    known = {(c.name or "").lower(): c for c in (previous.arms if previous else [])}
    labels: list[str] = []
    arms: list[Column] = []
    grades: list[str] = []
    extras: list[str] = []
    for index, cell in enumerate(c.strip() for c in cells):
        size = SIZE_ONLY.match(cell)
        core = PERCENT_SUFFIX.sub("", cell)
        found = find_grades(core)
        if NOT_NUMBER_CELL.match(cell):
            return None
        if size:
            if not arms or arms[-1].n is not None or grades:
                return None
            arms[-1] = Column("arm", arms[-1].name, int(size.group(1)))
        elif found and found[0].start == 0 and found[0].end >= len(core) - 1:
            grades.append(str(found[0].value))
        elif EXTRA_FULL.match(cell):
            extras.append(_extra_kind(cell))
        elif cell.lower() in known and not grades:
            arms.append(known[cell.lower()])
        elif _is_label_cell(cell, index) and not arms:
            labels.append(cell)
        elif arms and not grades and _is_label_cell(cell, index):
            continue  # 'Event' between the arm names and the grade cells
        else:
            n = LABEL_N.search(cell)
            name = LABEL_N.sub("", cell).strip(" ,;:")
            if (grades or not name or len(name.split()) > MAX_HEADER_CELL_WORDS
                    or (re.search(r"\d", name) and not n)):
                return None
            arms.append(Column("arm", name, int(n.group(1) or n.group(2)) if n else None))
    label = " ".join(labels)
    n_label = LABEL_N.search(label)
    safety = bool(SAFETY.search(label)) or bool(grades)
    if grades and arms:
        if len(grades) % len(arms) or len(grades) < 2 * len(arms):
            return None
        per = len(grades) // len(arms)
        columns = [Column("arm", a.name, a.n, grades[i * per + j]) for i, a in enumerate(arms) for j in range(per)]
    elif grades:
        columns = [Column("grade", grade=g) for g in grades]
    elif len(arms) >= 2:
        columns = list(arms)
    else:
        return None
    columns += [Column(e) for e in extras]
    return Header(tuple(columns), int(n_label.group(1) or n_label.group(2)) if n_label else None, "%" in label, safety)


def with_grades(arms_header: Header, grades_header: Header) -> Header | None:
    """An arms line over a grades line: 'Drug (n=266)  Ctrl (n=263)' / 'All grades  Grade 3-4 ...'."""
    arms, grades = arms_header.arms, [c.grade for c in grades_header.value_columns if c.kind == "grade"]
    if not arms or len(grades) != len(grades_header.value_columns) or len(grades) % len(arms) or len(grades) < len(arms):
        return None
    per = len(grades) // len(arms)
    columns = tuple(Column("arm", a.name, a.n, grades[i * per + j]) for i, a in enumerate(arms) for j in range(per))
    return Header(columns, grades_header.n or arms_header.n, grades_header.percent or arms_header.percent, True)


def repeat_period(names: list[str]) -> int | None:
    """How many distinct names repeat, in the same order, across a header line ('A  B  A  B' -> 2); None when they do not."""
    low = [n.lower() for n in names]
    return next((p for p in range(2, len(low) // 2 + 1) if len(low) % p == 0 and len(set(low[:p])) == p
                 and all(low[k] == low[k % p] for k in range(len(low)))), None)


def grades_over_arms(grades_header: Header, arms_header: Header) -> Header | None:
    """A grades line over an arms line that repeats the arms under each grade: 'All Grades (%)   Grade 3 or 4 (%)' /
    'Drug  Ctrl  Drug  Ctrl'. Each arm column takes the grade of its block."""
    grades = [c.grade for c in grades_header.value_columns if c.kind == "grade"]
    arms = arms_header.arms
    if len(grades) < 2 or len(grades) != len(grades_header.value_columns) or len(arms) != len(arms_header.value_columns) \
            or len(arms) % len(grades) or len(arms) < 2 * len(grades):
        return None
    per = len(arms) // len(grades)
    if repeat_period([a.name or "" for a in arms]) != per:
        return None  # the same arms, in the same order, under each grade
    columns = tuple(Column("arm", a.name, a.n, grades[k // per]) for k, a in enumerate(arms))
    return Header(columns, arms_header.n or grades_header.n, grades_header.percent or arms_header.percent, True)


EXTRA_TAIL = re.compile(r"(?:^|\s)(HR\s?\(95\s?%\s?CI\)|HR|hazard\s+ratio(?:\s?\(95\s?%\s?CI\))?|" + CONTRAST
                        + r"|p(?:\s?-?\s?value)?)\s*$", re.I)
CONNECTORS = frozenset({"+", "plus", "with", "&", "/", "and", "or", "±"})
MAX_FLAT_HEADER_WORDS = 10
MAX_LABEL_WORDS = 5


def split_names(text: str, count: int) -> list[str] | None:
    """Single-spaced arm names cut into ``count`` names, a leftover first one being the row label.

    A name goes on across '+', 'plus', 'with' and over words that do not start with a capital
    ('Sotre 3 mg/kg', "Investigator's choice"); a capitalised word starts the next name.
    """
    groups: list[list[str]] = []
    for word in text.split():
        joins = groups and (word.lower() in CONNECTORS or groups[-1][-1].lower() in CONNECTORS
                            or not (word[0].isupper() or word[0] in "(["))
        if joins:
            groups[-1].append(word)
        else:
            groups.append([word])
    names = [" ".join(g) for g in groups]
    if len(names) == count + 1 and count >= 2:
        names = names[1:]
    return names if len(names) == count else None


def flat_header(text: str, cells: int, previous: Header | None = None) -> Header | None:
    """A header whose cells are one space apart (pdfplumber's plain text), read against the row
    below it: 'Survival Veltarinib Docetaxel HR (95% CI) P' over a row of four cells."""
    rest, extras = text.strip(" |"), []
    while (m := EXTRA_TAIL.search(rest)) and len(extras) < 2:
        extras.insert(0, _extra_kind(m.group(1)))
        rest = rest[:m.start()].rstrip()
    words = rest.split()
    if not words or len(words) > MAX_FLAT_HEADER_WORDS or re.search(r"[\d.,;:]", rest):
        return None
    known = known_arms(rest, previous)
    if known and len(known.arms) + len(extras) == cells:
        return Header(tuple(known.arms) + tuple(Column(e) for e in extras))
    names = split_names(rest, cells - len(extras))
    if not names or len(names) < 2:
        return None
    columns = [Column("arm", n) for n in names] + [Column(e) for e in extras]
    return Header(tuple(columns))


def known_arms(text: str, previous: Header | None) -> Header | None:
    """'Safety Low dose Mid dose High dose' after a header naming those arms: the same columns."""
    arms = {}
    for c in (previous.arms if previous else []):
        arms.setdefault((c.name or "").lower(), c)
    if len(arms) < 2:
        return None
    words, found, i = text.replace("|", " ").split(), [], 0
    names = sorted(arms, key=lambda n: -len(n.split()))
    while i < len(words):
        hit = next((n for n in names if " ".join(words[i:i + len(n.split())]).lower() == n), None)
        if hit:
            found.append(arms[hit])
            i += len(hit.split())
        elif not found and i < MAX_LABEL_WORDS:
            i += 1  # a label word before the first arm
        else:
            return None
    return Header(tuple(found), safety=bool(SAFETY.search(text)) or previous.safety) if len(found) >= 2 else None


CELL_SPLIT = re.compile(r"\S+(?: \S+)*")


def stacked_grade_cells(upper: str, lower: str) -> str | None:
    """'All        Grades' over 'Grades     3 or 4': a grade header written over two lines, cell over cell,
    read as one line ('All Grades    Grades 3 or 4')."""
    top, bottom = list(CELL_SPLIT.finditer(upper)), list(CELL_SPLIT.finditer(lower))
    if len(top) < 2 or len(top) != len(bottom) or any(abs(a.start() - b.start()) > 3 for a, b in zip(top, bottom)):
        return None
    return " " * top[0].start() + "    ".join(f"{a.group(0)} {b.group(0)}" for a, b in zip(top, bottom))


def two_line_grades(upper: str, lower: str) -> Header | None:
    """The grade header a pair of lines spells cell over cell, or None."""
    two = stacked_grade_cells(upper, lower)
    return flat_grades(two) if two else None


BARE_ALL = re.compile(r"(?<![\w-])All(?![\w-])(?!\s+(?:patients|subjects|arms?|cohorts?|grades?)\b)")


def flat_grades(text: str) -> Header | None:
    """'Adverse event, n (%) All grades Grade 3-4 All grades Grade 3-4': grade cells one space apart."""
    found = find_grades(text)
    if found:  # 'All    Gr 3-4    All    Gr 3-4': a bare 'All' beside graded cells is all grades
        found = sorted([*found, *(Mention(m.start(), m.end(), "any") for m in BARE_ALL.finditer(text)
                                  if not any(g.start <= m.start() < g.end for g in found))], key=lambda g: g.start)
    if len(found) < 2:
        return None
    tail = text[found[0].start:]
    for g in reversed(found):
        tail = tail[:g.start - found[0].start] + " " * (g.end - g.start) + tail[g.end - found[0].start:]
    if PERCENT_SUFFIX.sub("", re.sub(r"\(\s?%\s?\)|\bn\s?\(\s?%\s?\)|%", " ", tail)).strip(" |\t"):
        return None
    label = text[:found[0].start]
    if re.search(r"\d", LABEL_N.sub("", label)) or len(label.split()) > 6:
        return None
    return Header(tuple(Column("grade", grade=str(g.value)) for g in found), None, "%" in text, True)
