"""Cut normalised text into sections, lines and sentences, keeping offsets.

Sections (split at two or more blank lines or a page break) scope trial names and table headers;
lines are where slide tables live; sentences are where prose values meet their endpoints.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

SECTION_BREAK = re.compile(r"\n[ \t]*\n[ \t]*\n|\f")
BULLET_START = re.compile(r"^\s*(?:•|-\s|\*\s|o\s|\d+[.)]\s)")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[A-Z0-9\[(•\"'])|\s{3,}|(?<=\S)\s+(?=•)")
ABBREVIATIONS = re.compile(r"(?:\b(?:vs|al|e\.g|i\.e|Dr|Fig|Figs|approx|Ref|No|no|St|Jr|Inc|Ltd|mo|mos|ca|cf|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|etc|resp|incl|pts|pt|yr|yrs|wk|wks)\.|\b[A-Z]\.)[\"')\]]?$")
# "arm B." and "arms A and B." end a sentence; a lone capital after other words is an initial.
# So do "CAR T." and a drug letter after a plus ("PC + D.").
LETTER_NAME = re.compile(r"(?:\b(?:arms?|groups?|cohorts?|parts?|and|or|stage|type|schedule|regimens?|studies|study|trials?|hepatitis|vitamin|"
                         r"CAR|plus|with|versus|vs)|\+)\s+[A-Z]\.[\"')\]]?$", re.I)


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str
    section: int
    blank_before: bool


def sections(text: str) -> list[tuple[int, int]]:
    bounds, pos = [], 0
    for m in SECTION_BREAK.finditer(text):
        bounds.append((pos, m.start()))
        pos = m.end()
    bounds.append((pos, len(text)))
    return bounds


def lines(text: str) -> list[Line]:
    out: list[Line] = []
    for number, (s, e) in enumerate(sections(text)):
        pos, blank = s, False
        for raw in text[s:e].split("\n"):
            end = pos + len(raw)
            if raw.strip():
                out.append(Line(pos, end, raw, number, blank))
                blank = False
            else:
                blank = True
            pos = end + 1
    return out


def continues(prev: Line, line: Line) -> bool:
    """A hard-wrapped prose line goes on in the next one: no blank line, no bullet, no sentence end."""
    if line.blank_before or line.section != prev.section or BULLET_START.match(line.text):
        return False
    first = line.text.lstrip()[:1]
    tail = prev.text.rstrip()
    if first.islower() or first in "(%[,;-" or first.isdigit():
        return not tail.endswith(":") or first.islower()
    return len(tail) >= 45 and not tail.endswith((".", ":", "!", "?"))


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence-ish spans; also split at wide gaps (slide columns) and bullets."""
    out, pos = [], start
    for m in SENTENCE_END.finditer(text, start, end):
        if _abbreviation_before(text, max(start, m.start() - 30), m.start()) and not text[m.start():m.end()].startswith("   ") \
                and not _unit_ends_sentence(text, m.start(), m.end()):
            continue
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if end > pos:
        out.append((pos, end))
    capped = [piece for s, e in out for piece in _cap(text, s, e)]
    return [(s, e) for s, e in capped if text[s:e].strip()]


UNIT_ABBREVIATION = re.compile(r"\d\s?(?:mo|mos|pts|yr|yrs|wk|wks)\.$")


def _unit_ends_sentence(text: str, stop: int, after: int) -> bool:
    """'median OS was 14.2 vs 9.8 mo. At a median follow-up ...': a unit after a number ends its sentence when a
    capitalised word follows."""
    return bool(UNIT_ABBREVIATION.search(text, max(0, stop - 8), stop)) and text[after:after + 1].isupper()


def _abbreviation_before(text: str, start: int, end: int) -> bool:
    return bool(ABBREVIATIONS.search(text[max(start, end - 8):end])) and not LETTER_NAME.search(text[start:end])


MAX_SENTENCE = 1200


def _cap(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A 'sentence' longer than any real one (number soup, a table flattened into one line) is cut
    at clause marks so that linking stays linear in the document length."""
    pieces = []
    while end - start > MAX_SENTENCE:
        window = text[start:start + MAX_SENTENCE]
        cut = max(window.rfind("; "), window.rfind(", "), window.rfind(" "))
        cut = cut + 1 if cut > MAX_SENTENCE // 2 else MAX_SENTENCE
        pieces.append((start, start + cut))
        start += cut
    pieces.append((start, end))
    return pieces


# --- parts of a paper that report other studies, not this one ------------------------------------

HEADING = re.compile(
    r"(?m)^[ \t]*(?:[A-Z]{3,}\.)*(?P<name>[A-Z][A-Za-z/&-]*(?:[ \t][A-Za-z/&-]+){0,4})[ \t]*(?::|$)"
    r"|(?<=[.!?])\s+(?:[A-Z]{3,}\.)*(?P<inline>[A-Z]{4,}(?:[ ][A-Z]{3,}){0,3})\s?:")  # 'BODY.METHODS.STATISTICAL ANALYSIS:', '... . RESULTS:'

OTHER_STUDIES = re.compile(r"^(?:background|introduction|discussion|references?|acknowledge?ments?|rationale|"
                           r"sample\s+size|statistical\s+(?:analys[ie]s|methods|considerations)|power\s+calculation)\b", re.I)
KNOWN_SECTION = re.compile(r"^(?:abstract|background|introduction|methods?|materials|patients|results?|findings|"
                           r"conclusions?|interpretation|discussion|references?|acknowledge?ments?|rationale|"
                           r"objectives?|aims?|purpose|design|setting|sample\s+size|statistical|power|funding|"
                           r"trial\s+registration|safety|efficacy|summary)\b", re.I)


CITATION = re.compile(r"\[\d{1,3}(?:\s?[,–-]\s?\d{1,3})*\]")
CITING_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z(\[])|\n")


def cited_sentences(text: str) -> list[tuple[int, int]]:
    """A sentence that cites a reference ('... approximately 1.4 % [3].', '... after axillary clearance.6-8 The')
    reports that reference's values."""
    spans: list[tuple[int, int]] = []
    found = [(m, False) for m in CITATION.finditer(text)] + [(m, True) for m in SUPERSCRIPT_CITATION.finditer(text)]
    for m, superscript in sorted(found, key=lambda f: f[0].start()):
        if spans and spans[-1][1] > m.start():
            continue
        start = max((e.end() for e in CITING_SENTENCE_END.finditer(text, max(0, m.start() - 600), m.start())), default=max(0, m.start() - 600))
        end_match = None if superscript else CITING_SENTENCE_END.search(text, m.end())
        spans.append((start, m.end() if superscript else end_match.end() if end_match else len(text)))
    return spans


# a reference number printed as a superscript after the full stop, as full texts flatten it: 'clearance.6-8 Other'
SUPERSCRIPT_CITATION = re.compile(r"(?<=[a-z)])(?<!\bFig)(?<!\bfig)(?<!\bNo)(?<!\bno)(?<!\bvol)(?<!\bEq)(?<!\bp)(?<!\bpp)(?<!\bver)"
                                  r"\.\d{1,3}(?:\s?[,-]\s?\d{1,3})*(?=\s+[A-Z]|\s*$)")


def other_study_spans(text: str) -> list[tuple[int, int]]:
    """Background, introduction, discussion and sample-size parts quote other trials' values
    ('the ORR with docetaxel is about 10%'); their spans, from a heading to the next."""
    heads = [(m.start("inline") if m.group("inline") else m.start(), m.group("name") or m.group("inline"))
             for m in HEADING.finditer(text)]
    heads = [(pos, name) for pos, name in heads if KNOWN_SECTION.match(name)]
    spans = cited_sentences(text)
    for k, (pos, name) in enumerate(heads):
        if not OTHER_STUDIES.match(name):
            continue
        if k + 1 < len(heads):
            spans.append((pos, heads[k + 1][0]))
        elif re.match(r"(?:discussion|references?|acknowledge?ments?)", name, re.I):
            spans.append((pos, len(text)))  # an opening section with nothing after it is no background
    return spans
