"""Scanning only the sentences that hold what a pattern needs must find exactly what a scan of the
whole text finds."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract import arms, context, values
from extract import regions as regions_module
from extract.normalize import normalize
from extract.prefilter import held_in_match, scan
from extract.regions import DIGITS, needs_digit, pieces_holding, sentence_ends, spans_of, stays_in_sentence

ROOT = Path(__file__).resolve().parent.parent
PATTERNS = [*values.MASK_PATTERNS, *(p for _, p in values.VALUE_PATTERNS), *(p for p, _ in values.GRADE_PATTERNS),
            values.GRADE_SEQUENCE, *values.TIMEPOINT_PATTERNS, values.HR_RE, arms.ARM_WORD, arms.ARM_LETTER,
            arms.RANDOMIZED, arms.RANDOMIZED_LIST, arms.RECEIVED_COUNTS, arms.DOSE_COHORT, context.AE_ITEM,
            context.SLASH_COMPOUND, context.NAMED_TOXICITY]


def is_local(pattern: re.Pattern[str]) -> bool:
    return stays_in_sentence(pattern) and needs_digit(pattern)


def _spans(matches) -> list[tuple[int, int, tuple]]:
    return [(m.start(), m.end(), m.groups()) for m in matches]


def _same_as_whole_scan(text: str) -> None:
    for pattern in PATTERNS:
        assert _spans(scan(pattern, text)) == _spans(pattern.finditer(text)), (pattern.pattern, text)


@pytest.mark.parametrize(("pattern", "local"), [
    (r"\d+\s?%", True),
    (r"\d+(?:\.\d+)?\s?(?:months?|mo\.?)(?![\w])", True),  # 'mo.' then nothing read past the stop
    (r"(?<=\. )\d+", True),                                # a look-behind reads real text in every scan
    (r"[a-z]+\s?\d?", False),                              # a match without a digit
    (r"(?<=\d)[a-z]+", False),                             # the look-behind's digit may be in the sentence before
    (r"\d[^()]*", False),                                  # runs on over any sentence end
    (r"\d+\.\s+[A-Z]", False),
    (r"\([^()]*\)\s?\d+", True),                             # inside its own brackets a stop ends nothing
    (r"\)[^()]*\d", False),                                  # a bracket it did not open: outside
    (r"\d+(?:vs\.\s*\d+)?", True),                          # 'vs. 5' is no sentence end
    (r"\s*\d+[a-z]", True),                                 # starts inside the space after a stop
    (r"\d+\.?$", True),                                    # right after the stop: never a region's end
    (r"\d+\.\s*$", False),                                # '$' tells the end of a region from a capital
    (r"\d+\.\s*\b", False),
    (r"\d+\.\s*(?![A-Z])", False),                          # a look-ahead there too                                # so does \\b between a space and a capital
    (r"(\d)\.\s?\1", False),                               # back-references are not read: scanned whole
])
def test_locality_read_from_the_pattern(pattern, local):
    assert is_local(re.compile(pattern, re.I)) is local


def test_most_value_patterns_are_local():
    """The speed-up rests on this: if a rule change makes the value patterns cross sentence ends, say so."""
    value_patterns = [p for _, p in values.VALUE_PATTERNS]
    assert sum(held_in_match(p) is not None for p in value_patterns) >= len(value_patterns) - 2


@pytest.mark.parametrize(("pattern", "held"), [
    (r"\d+\s?%", (("%",), DIGITS)),                          # a needle the match holds, and a digit
    (r"\d+(?=\s?%)", (("%",), DIGITS)),                       # a look-ahead reads on in the same sentence
    (r"(?<=%\s)\d+", (DIGITS,)),                              # a look-behind may read the sentence before
    (r"[a-z]+(?=\s\d)", (DIGITS,)),
    (r"\b[a-z]+\s+(?:arm|group)\b", (("arm", "group"),)),
    (r"[a-z]+\.\s+[A-Z][a-z]+ arm", None),                    # runs over a sentence end: scanned whole
])
def test_what_a_match_holds(pattern, held):
    assert held_in_match(re.compile(pattern, re.I)) == held


TEXT = "Aims were set. We gave 10 mg daily; the ORR was 45%. No digit here. Nor here. In the control arm PFS was 7.1 months."


@pytest.fixture
def exact_pieces(monkeypatch):
    """No merging over short gaps, no whole-text scan for a text mostly covered: the pieces as found."""
    monkeypatch.setattr(regions_module, "MIN_GAP", 0)
    monkeypatch.setattr(regions_module, "MOSTLY", 1.0)


def _regions(text: str, *held: tuple[str, ...]) -> list[tuple[int, int]]:
    ends = sentence_ends(text)
    return spans_of(frozenset.intersection(*(pieces_holding(text, text.lower(), h, ends) for h in held)), ends)


def test_pieces_hold_every_digit_and_end_at_sentence_ends(exact_pieces):
    regions = _regions(TEXT, DIGITS)
    covered = {i for a, b in regions for i in range(a, b)}
    assert all(i in covered for i, ch in enumerate(TEXT) if ch.isdigit())
    assert "Aims were set." not in "".join(TEXT[a:b] for a, b in regions)
    for a, b in regions:
        assert b == len(TEXT) or TEXT[b - 1].isspace() and TEXT[b].isupper()


def test_pieces_hold_a_needle(exact_pieces):
    assert [TEXT[a:b] for a, b in _regions(TEXT, ("arm",))] == ["In the control arm PFS was 7.1 months."]


def test_pieces_hold_each_requirement(exact_pieces):
    assert [TEXT[a:b] for a, b in _regions(TEXT, ("%", "mg"), DIGITS)] == ["We gave 10 mg daily; the ORR was 45%. "]
    assert _regions(TEXT, ("arm",), ("mg",)) == []


def test_a_text_mostly_holding_it_is_scanned_whole():
    assert _regions(TEXT, DIGITS) == [(0, len(TEXT))]


def test_no_sentence_ends_inside_brackets():
    text = "ORR was 45% (95% CI 30-60. The lower bound). Next one. Stray) Last. End."
    ends = sentence_ends(text)
    assert text[:ends[0]] == "ORR was 45% (95% CI 30-60. The lower bound). "
    assert text[ends[1]:ends[2]] == "Stray) Last. "  # the depth never goes below zero


FRAGMENTS = ["5", "12.5", "2010", "%", " ", "  ", ". ", "; ", ".\n", "! ", "? ", "\n", "vs. ", "vs ", "mo. ", "months",
             "gr. ", "Grade ", "grade >= ", "3", "C.I. ", "95% CI ", "NR", "not reached", "(", ")", "[", "]", "-", ", ",
             "Phase I", "ph. ", "A", "The ", "patients", "n = ", "mg", "x 10^", "~~~~~~", "at 12 months", "aged ",
             "p < ", "HR ", "range ", "e.g. ", "Median PFS was ", "and ", "or ", "z", "Q", "three", "I", "II ", "Was ",
             "N", "Of ", "vs. 6%", "C.I. NR", ". The ", ".  A", "; Grade 3", "(n = 5. The) ", ". (", "). A",
             "(range 1-3. Median) ", "((", "))", "(min. 2)", "randomised to ", "arm ", "group", "toxicity", "/",
             "received ", "10 mg (n = 4) or ", "dose levels: "]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40))
def test_same_matches_on_made_up_texts(parts):
    _same_as_whole_scan("".join(parts))
