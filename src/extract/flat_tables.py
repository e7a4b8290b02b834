"""Adverse-event tables that the source flattened into running text.

Full texts from PubMed Central (and text pulled from some PDFs) print a table as one run of words
and numbers: 'Table 2 Adverse events DZ group ( N = 49) D group ( N = 50) All >=Grade 3 All
>=Grade 3 Number % Number % Number % Number % Leukopenia 45 92 31 63 47 94 28 56 Neutropenia ...'.
There are no lines or column gaps to go by, so the table is read from its own structure: the
header gives the arms (names with their sizes), the grades under each arm and whether a cell is a
count, a percentage or both; a row is a label followed by exactly as many numbers as the header
has columns. A table is read only when at least two rows fit, and when a row gives both counts and
percentages they must agree with the arm sizes, so prose that happens to hold numbers is left to
the prose reader.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .context import Context
from .records import is_toxicity
from .rows import label_grade

TABLE_AT = re.compile(r"\bTable\s+(?:\d+|[IVX]+)[A-Za-z]?\b(?!\s*[),;\]])")
TOKEN = re.compile(r"""
    (?P<size>[(\[]\s*[Nn]\s*=\s*\d+\s*[)\]])
  | (?P<grade>(?:>=\s?)?[Gg]rades?\s?(?:>=\s?)?[1-5](?:\s?(?:-|/|or|and|to)\s?[1-5])?(?:\s?\+)?(?![\w.])
             |(?:[Aa]ll|[Aa]ny)[\s-][Gg]rades?(?![\w.])|(?:All|Any)(?![\w.-]))
  | (?P<cell>(?<![\w.])\d+(?:\.\d+)?\s?\(\s?\d+(?:\.\d+)?\s?%?\s?\)(?!\w|\.\d))
  | (?P<pctcell>(?<![\w.])\d+(?:\.\d+)?\s?%(?![\w%]))
  | (?P<num>(?<![\w.])\d+(?:\.\d+)?(?!\w|\.\d|%))
  | (?P<pval>(?<!\S)(?:[<>]=?\s?\d*\.?\d+|\.\d+)(?!\S))
  | (?P<dash>(?<!\S)(?:-|NA|NR)(?!\S))
  | (?P<unit>(?<!\S)(?:Number|No\.|n|N|%|\(%\)|n\s?\(%\)|No\.\s?\(%\)|P|P[\s-]values?|p-values?)(?!\S))
  | (?P<word>\S+)
""", re.X)
SIZE_MARK = re.compile(r"[(\[]\s*[Nn]\s*=\s*\d+\s*[)\]]")
SENTENCE_START = re.compile(r"(?:^|[.:;]\s+|\n)(?=[A-Z])")
MAX_SIZED_GAP = 120    # characters between the two group sizes of one sentence
MAX_SIZED_LEAD = 200   # characters from the sentence's start to its first group size
SIZED_TITLE_REACH = 120  # characters before such a sentence read with its title
NUMERIC = frozenset({"cell", "num", "pctcell", "dash", "pval"})
AE_TABLE = re.compile(r"adverse|toxicit|side[\s-]effects?|safety|\b(?:TE|TR)?AEs?\b|complications", re.I)
# 'Table 2 Best overall response by independent review, n (%) ... Complete response 39 (25.8) 12 (8.0) <0.001 ...'
RESPONSE_TABLE = re.compile(r"\bresponse|\bremission|\befficacy\b", re.I)
RESPONSE_CODES = frozenset({"ORR", "CR", "PR", "DCR", "MRD"})
RESPONSE_LABELS = [(re.compile(p + r"[a-e*†‡]?"), code) for p, code in (
    (r"(?:objective|overall)\s+response(?:\s+rate)?", "ORR"), (r"complete\s+(?:response|remission)(?:\s+rate)?", "CR"),
    (r"partial\s+response(?:\s+rate)?", "PR"), (r"disease\s+control(?:\s+rate)?", "DCR"))]
NOT_AE_TABLE = re.compile(r"baseline|characteristics|demographic", re.I)
TITLE_TOKENS = 25      # the title: 'Table 2 Grade 3 to 5 toxicities at least possibly related to treatment'
MAX_HEADER_TOKENS = 80
SECTION_WORDS = frozenset("""hematologic hematological haematologic haematological non-hematologic non-hematological
non-haematologic non-haematological nonhematologic nonhematological laboratory non-laboratory clinical""".split())
PROSE_ENDS = frozenset("in of with and or to than was were is are by from at for on compared occurred versus vs vs. the a an".split())
MIN_ROWS = 2
MAX_TABLE_CHARS = 6000
CAPTION_REACH = 400  # characters from 'Table N' within which a sentence still describes that table
MAX_LABEL_WORDS = 6
PERCENT_SLACK = 1.0  # a printed percentage may be rounded either way


@dataclass(frozen=True)
class Token:
    kind: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Layout:
    """What the header says: arms (name, size), the grade under each column of an arm, and what a
    cell holds: 'pairs' (a count and a percentage as two numbers, under 'Number %'), 'n_pct'
    ('7 (24.1)', zeros printed bare), 'pct' or 'count'."""
    arms: list[tuple[str | None, int | None]]
    grades: list[str]
    style: str
    p_column: bool = False

    @property
    def width(self) -> int:
        return len(self.arms) * len(self.grades) * (2 if self.style == "pairs" else 1)


def tables_in(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where a flattened table may start in [start, end): each 'Table N', and each sentence that
    names two groups with their sizes ('Values are n (%) in the X group (n = 206) followed by the Y
    group (n = 207).'), up to the next one."""
    tables = [m.start() for m in TABLE_AT.finditer(text, start, end)]
    sized = [s for s in _sized_sentences(text, start, end)
             if not any(0 <= s - t <= CAPTION_REACH for t in tables)]  # 'Table 3 lists ... Values are ...'
    starts = sorted(set(tables) | set(sized))
    return [(s, min(starts[k + 1] if k + 1 < len(starts) else end, s + MAX_TABLE_CHARS)) for k, s in enumerate(starts)]


def _sized_sentences(text: str, start: int, end: int) -> list[int]:
    """Starts of sentences that give two groups with their sizes ('... on A (n = 66) and on B (n = 66).')."""
    marks = [m.start() for m in SIZE_MARK.finditer(text, start, end)]
    found: list[int] = []
    for a, b in zip(marks, marks[1:]):
        if b - a > MAX_SIZED_GAP or re.search(r"[.;]\s", text[a:b]):
            continue
        lead = [m.end() for m in SENTENCE_START.finditer(text, max(start, a - MAX_SIZED_LEAD), a)]
        if lead and lead[-1] not in found and not re.search(r"[.;]\s", text[lead[-1]:a]):
            found.append(lead[-1])
    return found


def read(ctx: Context, units: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Read the flattened tables in the prose units; the units come back without the tables' rows."""
    out = []
    for start, end in units:
        pos = start
        for t_start, t_end in tables_in(ctx.text, start, end):
            read_to = _read_table(ctx, t_start, t_end)
            if read_to is None:
                continue
            if t_start > pos:
                out.append((pos, t_start))
            pos = read_to
        if pos < end:
            out.append((pos, end))
    return out


def _tokens(text: str, start: int, end: int) -> list[Token]:
    return [Token(m.lastgroup, m.group(), m.start(), m.end()) for m in TOKEN.finditer(text, start, end)]


def _rows(tokens: list[Token]) -> list[tuple[int, int, int]]:
    """(label start, first number, end) token indices of each label followed by numbers."""
    rows, i = [], 0
    while i < len(tokens):
        if tokens[i].kind != "word":
            i += 1
            continue
        j = i
        while j < len(tokens) and tokens[j].kind == "word":
            j += 1
        k = j
        while k < len(tokens) and tokens[k].kind in NUMERIC:
            k += 1
        if k > j:
            rows.append((i, j, k))
        i = max(k, j)
    return rows


def _read_table(ctx: Context, start: int, end: int) -> int | None:
    """Add the table's values as candidates; where its last row ends, or None when it is not a table."""
    tokens = _tokens(ctx.text, start, end)
    rows = _rows(tokens)
    for first, (i, j, k) in enumerate(rows):
        if i > MAX_HEADER_TOKENS:
            return None
        # 'Grade 3  Grade 4  Total  Cytokine release syndrome 41 (70.7) ...': the 'Total' column header runs into the label
        head = i + 1 if j > i + 1 and tokens[i].text.lower() in ("total", "overall") and i and tokens[i - 1].kind == "grade" else i
        found = _layout(tokens[:head], tokens[j:k])
        if found is None:
            continue
        layout, label_from = found
        body = [r for r in _run(rows, first, tokens, label_from) if _fits(layout, _cells(tokens[r[1]:r[2]], layout))]
        if len(body) < MIN_ROWS or not _agrees(layout, tokens, body):
            continue
        # a sentence that names the groups may follow the heading that says what they are ('... COMPLICATIONS: GB: ...')
        lead = start if TABLE_AT.match(ctx.text, start) else max(0, start - SIZED_TITLE_REACH)
        title = ctx.text[lead:tokens[min(i, TITLE_TOKENS)].start]
        if NOT_AE_TABLE.search(title):
            return None  # baseline tables are left alone
        safety = bool(AE_TABLE.search(title)) or any(g != "any" for g in layout.grades)
        if not safety and (not RESPONSE_TABLE.search(title) or layout.style not in ("n_pct", "pct", "pairs")):
            return None  # other efficacy tables (medians, ratios) are left to the prose reader
        for row in body:
            _emit(ctx, layout, tokens, row, safety)
        return tokens[body[-1][2] - 1].end
    return None


def _cells(tokens: list[Token], layout: Layout | None = None) -> list[Token]:
    """A row's cells without its p value ('15 (28) 12 (23) .66', or '... 0.66' under a 'P' header)."""
    cells = [t for t in tokens if t.kind != "pval"]
    if layout is not None and layout.p_column and len(cells) == layout.width + 1 and cells[-1].kind == "num":
        cells = cells[:-1]
    return cells


def _run(rows, first: int, tokens: list[Token], label_from: int) -> list[tuple[int, int, int]]:
    """The rows from ``first`` on that follow one another with only a label between them (words,
    and grades or units as in 'Any grade >=3 AE'); each row's label runs from the row before."""
    run = [(label_from, rows[first][1], rows[first][2])]
    for _, j, k in rows[first + 1:]:
        i = run[-1][2]
        if any(t.kind in NUMERIC or t.kind == "size" for t in tokens[i:j]) or j - i > MAX_LABEL_WORDS + 3:
            break
        run.append((i, j, k))
    return run


def _layout(header: list[Token], cells: list[Token]) -> tuple[Layout, int] | None:
    """The layout the header gives the first row's cells, and where that row's label starts (grades
    that end the header but do not divide among the arms open the label: 'Any TEAEs')."""
    if not any(t.kind in ("size", "grade", "unit") for t in header[1:]):
        return None  # 'Table 3 summarizes ... decreased neutrophil count 9% (X) and 38%': prose, no column headers
    sizes = [k for k, t in enumerate(header) if t.kind == "size"]
    arms = [(_arm_name(header, k), int(re.search(r"\d+", header[k].text).group())) for k in sizes] or [(None, None)]
    if len(arms) == 1:
        arms = [(None, arms[0][1])]  # one size: the study's own patients, no arm to name
    if len(arms) > 1 and not all(name for name, _ in arms):
        return None  # sizes whose columns have no readable names
    after = sizes[0] if sizes else 0
    label_from = len(header)
    grade_tokens = _column_grades(header[after:])
    per_arm = [_grade(g) for g in grade_tokens[:len(grade_tokens) // len(arms)]]
    if not grade_tokens or len(grade_tokens) % len(arms) or grade_tokens != grade_tokens[:len(per_arm)] * len(arms) \
            or None in per_arm:
        while label_from > 0 and header[label_from - 1].kind == "grade":
            label_from -= 1
        caption = header[:after] if sizes else header[:label_from]
        per_arm = [label_grade(" ".join(t.text for t in caption)) or "any"]
    p_column = any(t.kind == "unit" and t.text.lower().startswith("p") for t in header[after:])
    percent = any(t.kind == "unit" and "%" in t.text for t in header[after:])
    cells = [t for t in cells if t.kind != "pval"]
    pair_width = 2 * len(arms) * len(per_arm)
    if p_column and len(cells) == pair_width + 1 and cells[-1].kind == "num":
        cells = cells[:-1]
    if any(t.kind == "cell" for t in cells):
        style = "n_pct"
    elif cells and all(t.kind in ("pctcell", "dash") for t in cells):
        style = "pct"  # 'Neutropenia 61% 44% 63% 47%'
    elif any(t.kind == "pctcell" for t in cells):
        return None
    elif percent and len(cells) == pair_width and all(t.kind == "num" for t in cells):
        style = "pairs"
    else:
        style = "pct" if percent else "count"
    layout = Layout(arms, per_arm, style, p_column)
    if len(layout.arms) * len(layout.grades) < 2:
        return None  # one column of numbers ('Gender 10 ... Biopsy all 740'): nothing says what they are
    return (layout, label_from) if _fits(layout, _cells(cells, layout)) else None


def _column_grades(header: list[Token]) -> list[str]:
    """The grade headers over the columns: the run of grades (and units) that ends the header; a
    grade in the caption ('Grade 3 and 4 toxicities that occurred in ...') is not a column."""
    found: list[str] = []
    for t in reversed(header):
        if t.kind == "grade" or t.kind == "word" and t.text.lower() in ("total", "overall"):
            found.insert(0, t.text)  # 'Grade 1-2  Grade 3  Grade 4  Total': the total is all grades
        elif t.kind != "unit":
            break
    while found and found[0].lower() in ("total", "overall"):
        found.pop(0)  # a 'Total' arm column before the grades is not a grade
    return found if any(g.lower() not in ("total", "overall") for g in found) else []


def _grade(text: str) -> str | None:
    if text.lower() in ("all", "any", "total", "overall"):
        return "any"
    return label_grade(text)


def _arm_name(header: list[Token], at: int) -> str | None:
    """The words just before an arm's size, back to the header's other cells ('Adverse event DZ group',
    'Peficitinib 25 mg')."""
    words: list[str] = []
    k = at - 1
    while k >= 0 and len(words) < 4:
        t = header[k]
        dose = t.kind == "num" and words and DOSE_UNIT.match(words[0])
        if not (t.kind == "word" or dose) or t.text.lower().rstrip(":") in HEADER_WORDS or t.text.endswith((")", ":")) \
                or t.text.lower().startswith("table"):
            break
        words.insert(0, t.text)
        k -= 1
    name = " ".join(words)
    name = name[name.rfind(")") + 1:]  # '(%)EPO': a unit cell run into the name
    name = LEADING_FUNCTION_WORDS.sub("", name.strip("(,;*†‡§¶ "))  # '... in the pemsabercept group (n = 206)'

    return name or None


LEADING_FUNCTION_WORDS = re.compile(r"^(?:(?:in|the|of|by|for|followed|and|on|with|to|from|then|vs\.?|versus)\s+)+")
DOSE_UNIT = re.compile(r"(?:mg|µg|μg|mcg|g|mg/kg|mg/m2|mg/m\^2|Gy|IU|U)(?:/\w+)?$", re.I)


HEADER_WORDS = frozenset("""event events adverse toxicity toxicities reaction reactions characteristic characteristics
variable variables item items category terms term no. (%) n % number grade grades ae aes patients patient
subjects p p-value value teaes traes aes overview summary complications outcome outcomes parameter parameters
table criteria recist response responses""".split())


def _fits(layout: Layout, cells: list[Token]) -> bool:
    if len(cells) != layout.width:
        return False
    if layout.style == "pairs":
        return all(t.kind == "num" for t in cells)
    if any(t.kind == "pctcell" for t in cells):
        return layout.style == "pct" and all(t.kind in ("pctcell", "dash") for t in cells)
    return layout.style == "n_pct" or not any(t.kind == "cell" for t in cells)


def _values(layout: Layout, cells: list[Token]) -> list[tuple[float | None, float | None]]:
    """(count, percent) per column; None where the table prints none."""
    if layout.style == "pairs":
        return [(float(cells[2 * c].text), float(cells[2 * c + 1].text)) for c in range(len(cells) // 2)]
    out: list[tuple[float | None, float | None]] = []
    for t in cells:
        if t.kind == "cell":
            count, pct = re.findall(r"\d+(?:\.\d+)?", t.text)
            out.append((float(count), float(pct)))
        elif t.kind == "pctcell":
            out.append((None, float(t.text.rstrip("% "))))
        elif t.kind != "num":
            out.append((None, None))
        elif layout.style == "n_pct":
            out.append((0.0, 0.0) if float(t.text) == 0 else (None, None))  # a bare count there is not a rate
        elif layout.style == "pct":
            out.append((None, float(t.text.rstrip("% "))))
        else:
            out.append((float(t.text), None))
    return out


def _agrees(layout: Layout, tokens: list[Token], body) -> bool:
    """Counts and percentages that the arm sizes say cannot go together mean the columns were misread."""
    checked = wrong = 0
    for _, j, k in body:
        for c, (count, pct) in enumerate(_values(layout, _cells(tokens[j:k], layout))):
            n = layout.arms[c // len(layout.grades)][1]
            if count is None or pct is None or not n:
                continue
            checked += 1
            wrong += abs(100 * count / n - pct) > PERCENT_SLACK
    return wrong <= checked // 10


def _label(ctx: Context, tokens: list[Token], i: int, j: int) -> tuple[int, str] | None:
    words = tokens[i:j]
    capitals = [k for k, t in enumerate(words) if t.text[:1].isupper() or t.kind == "grade"]
    if capitals and capitals[0] > 0:
        words = words[capitals[0]:]  # 'any febrile neutropenia Thrombocytopenia': a footnote run into the next label
    while len(words) > 1 and words[0].text.lower() in SECTION_WORDS and words[1].text[:1].isupper():
        words = words[1:]  # 'Hematologic Leucopenia': a section heading over the row
    if not words or len(words) > MAX_LABEL_WORDS or words[-1].text.lower() in PROSE_ENDS \
            or words[0].text.lower() in PROSE_ENDS or any(ch in t.text for t in words for ch in ";,"):
        return None  # 'Febrile neutropenia occurred in 0.3': a sentence, not a row label
    start, end = words[0].start, words[-1].end
    label = ctx.text[start:end]
    if not (label[0].isalnum() or label[0] in "<>") or label.count("(") != label.count(")"):
        return None  # 'mucositis or worse (grade 3': a sentence's bracket, not a label
    return start, label


ANY_LEAD = re.compile(r"(?:(?:patients|subjects)\s+with\s+)?(?:any|all|>=\s?grade\s?\d|grade\s?\d(?:\s?(?:-|or|/)\s?\d)?)\s+", re.I)


def _endpoint(ctx: Context, start: int, end: int, label: str) -> str | None:
    inside = ctx.mentions_in(start, end)
    name = " ".join(label.lower().strip(" :*†‡?").split())
    lead = ANY_LEAD.match(label)
    opens = start + (lead.end() if lead else 0)
    note = re.search(r"\s*\([^()]*\)$", label)  # 'Any toxicity (each patient counted once)'
    end = start + note.start() if note and note.start() > 0 else end
    if len(inside) == 1 and inside[0].start == opens and inside[0].end >= end - 1:
        return inside[0].code  # 'Neutropenia', 'Any adverse event', 'Patients with any TEAE'
    if len(inside) == 1 and inside[0].start == opens and label_grade(label[:inside[0].start - start]):
        return inside[0].code
    for pattern, code in RESPONSE_LABELS:
        if pattern.fullmatch(name):
            return code  # 'Objective responsea': the response row, with its footnote letter run into it
    if not re.search(r"[a-z]{3}", name) or re.search(r"\d", name):
        return None
    return "OTHER_AE:" + name


def _emit(ctx: Context, layout: Layout, tokens: list[Token], row: tuple[int, int, int], safety: bool = True) -> None:
    i, j, k = row
    found = _label(ctx, tokens, i, j)
    if found is None:
        return
    start, label = found
    code = _endpoint(ctx, start, start + len(label), label)
    if code is None or not safety and code not in RESPONSE_CODES:
        return  # a response table's 'Stable disease' row is no endpoint
    end = tokens[k - 1].end
    own = label_grade(label)  # '>=Grade 3 TEAEs' under an all-grades column
    for c, (count, pct) in enumerate(_values(layout, _cells(tokens[j:k], layout))):
        arm, n = layout.arms[c // len(layout.grades)]
        grade = layout.grades[c % len(layout.grades)]
        grade = own if own and grade == "any" else grade
        grade = grade if is_toxicity(code) else None
        if pct is not None:
            candidate = {"endpoint": code, "stat": "rate", "unit": "%", "value": pct,
                         "count": int(count) if count is not None else None, "n": n, "grade": grade, "arm": arm}
        elif count is not None:
            candidate = {"endpoint": code, "stat": "count", "unit": "patients", "value": count, "n": n,
                         "grade": grade, "arm": arm}
        else:
            continue
        ctx.add(candidate, start, end, f"row-flat:{code}")
