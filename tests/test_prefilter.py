"""The pre-check that skips a pattern's scan must never skip a text the pattern matches."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from extract import context, values
from extract.normalize import normalize
from extract.prefilter import could_match, needles, requirements, scan

ROOT = Path(__file__).resolve().parent.parent
GATED = [*values.MASK_PATTERNS, *(p for p, _ in values.GRADE_PATTERNS), values.GRADE_SEQUENCE,
         *values.TIMEPOINT_PATTERNS, *(p for _, p in values.VALUE_PATTERNS), values.HR_RE,
         context.AE_ITEM, context.SLASH_COMPOUND, context.NAMED_TOXICITY]


def _texts() -> list[str]:
    paths = sorted((ROOT / "tests" / "golden").glob("*.txt")) + sorted((ROOT / "dev" / "gold").glob("*.txt"))
    texts = [normalize(p.read_text(encoding="utf-8")).text for p in paths]
    return texts + [values.mask_non_values(t) for t in texts]


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"\b(?:phase|ph\.?)\s?\d", {"ph"}),                               # a common start beats the branch
    (r"\b(?:IQR|range|interquartile\s+range)\s*\d", {"iqr", "range", "interquartile"}),
    (r"(?:every|each)?\s?\d+\s?(?:days?|weeks?)", {"day", "week"}),   # an optional part gives no needle
    (r"\d+\s?%", {"%"}),
    (r"[a-z]+\s?(?=\d+\s?%)", {"%"}),                                 # a look-ahead's literal is in the text too
    (r"\d+\s?(?=~{3,14}%)", {"~~~"}),
    (r"(?<![\w.])\d+(?:\.\d+)?", None),                                  # digits only: always scanned
    (r"(?:HR|hazard ratio)\s?\d", {"hr", "hazard ratio"}),
])
def test_needles_read_from_the_pattern(pattern, expected):
    found = needles(re.compile(pattern, re.I))
    assert (set(found) if found else None) == expected


def test_every_match_holds_a_needle_on_real_documents():
    texts = _texts()
    assert len(texts) > 100
    checked = 0
    for pattern in GATED:
        wanted = needles(pattern)
        for text in texts:
            matches = list(pattern.finditer(text))
            if matches:
                assert could_match(pattern, text), pattern.pattern
            if wanted:
                for m in matches:  # in the match, or in what its look-arounds read next to it
                    near = text[max(0, m.start() - 100):m.end() + 100].lower()
                    assert any(n in near for n in wanted), (pattern.pattern, m.group(0))
                    checked += 1
    assert checked > 1000


def test_a_text_without_the_words_is_skipped_and_really_has_no_match():
    iqr = values.MASK_PATTERNS[1]
    text = "The ORR was 45% (95% CI 30-60) at 12 months."
    assert not could_match(iqr, text)
    assert not list(iqr.finditer(text)) and not list(scan(iqr, text))
    text = "median 12 months (IQR 8-20)"
    assert [m.span() for m in scan(iqr, text)] == [m.span() for m in iqr.finditer(text)] == [(18, 26)]


def test_letters_that_ignorecase_equates_with_ascii_are_never_skipped():
    # re.I matches the long s with 's' and the Kelvin sign with 'k': a lower-cased text would hide them
    pattern = re.compile(r"\bsevere\b", re.I)
    for text in ("\u017fevere CRS", "grade 3 (\u017fEVERE)"):
        assert pattern.search(text) and could_match(pattern, text)
    kelvin = re.compile(r"kras", re.I)
    assert kelvin.search("\u212aRAS") and could_match(kelvin, "\u212aRAS")


def test_every_part_a_match_needs_is_required():
    # 'high grade' needs both words: a text with 'grade' alone is skipped, and has no match indeed
    high_grade = next(p for p, _ in values.GRADE_PATTERNS if p.pattern.startswith(r"\bhigh"))
    assert {("grade",), ("high",)} <= set(requirements(high_grade))
    text = "Grade 3 neutropenia occurred in 12% of patients; the highest dose was well tolerated."
    assert "high" in text.lower() and not high_grade.search(text)
    assert could_match(high_grade, text)                 # both words are there: it runs (and finds none)
    assert not could_match(high_grade, "Grade 3 neutropenia in 12%.")
    assert [m.span() for m in scan(high_grade, "a high-grade CRS")] == [(2, 12)]
