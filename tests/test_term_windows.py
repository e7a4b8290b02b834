"""The term rules read only windows of the text, and find there exactly what a reading of the
whole text finds."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.nlp import SPANS_KEY, build_nlp, term_spans
from extract.rules import load_rules
from extract import term_windows


def _whole(text: str) -> list[tuple]:
    doc = build_nlp()(text)
    return [(s.start_char, s.end_char, s.id_) for s in doc.spans[SPANS_KEY]]


def _windowed(text: str) -> list[tuple]:
    return [(start, end, span.id_) for span, start, end in term_spans(text)]


def test_every_rule_example_gives_the_same_mentions():
    for rule in load_rules():
        for example in rule.examples:
            padded = "Methods were standard and 120 patients enrolled. " + example + " No other text here at all."
            assert _windowed(padded) == _whole(padded), example


def test_only_windows_around_term_words_are_tokenized():
    text = ("Patients were enrolled from 2010 to 2014 at 40 centres in 12 countries and followed closely. "
            "The objective response rate was 45%. Quality of life forms were collected every cycle.")
    spans = term_windows.windows(text, term_windows.needles(build_nlp()))
    assert len(spans) == 1
    start, end = spans[0]
    assert "objective response rate" in text[start:end] and "enrolled" not in text[start:end]
    assert start == 0 or text[start - 1].isspace()
    assert end == len(text) or text[end].isspace()


def test_a_text_without_term_words_has_no_window():
    text = "Patients were enrolled from 2010 to 2014 at 40 centres."
    assert term_windows.windows(text, term_windows.needles(build_nlp())) == []
    assert _windowed(text) == _whole(text) == []


def test_a_text_whose_lowercase_changes_length_is_read_whole():
    text = "İstanbul cohort: the ORR was 45%."
    assert len(text.lower()) != len(text)
    assert term_windows.windows(text, term_windows.needles(build_nlp())) is None
    assert _windowed(text) == _whole(text) != []


def test_neighbouring_mentions_are_weighed_together():
    # the mention component lets 'dose-limiting' absorb the toxicities it names: one window
    text = "There was dose-limiting neutropenia and thrombocytopenia in 2 patients at 40 mg."
    assert _windowed(text) == _whole(text)
    assert [code for _, _, code in _windowed(text)] == ["DLT"]


def test_offsets_point_at_the_source_text():
    text = "Enrolment ran to 2019.\n\nMedian PFS was 8.1 months.  Grade 3 CRS occurred in 2%."
    for span, start, end in term_spans(text):
        assert text[start:end] == span.text


WORDS = st.sampled_from(["ORR", "CR", "rate", "was", "45%", "progression-free", "survival", "PFS", "median", "grade",
                         "≥3", "CRS", "ICANS", "dose-limiting", "neutropenia", "and", "(", ")", "enrolled", "patients",
                         "Complete", "response", "overall", "OS", "months", "10mg", "cannot", "AEs", "İ", "-", "/"])
SPACES = st.sampled_from([" ", " ", " ", "  ", "\n", "\n\n", "", "\t"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(WORDS, SPACES), min_size=1, max_size=40))
def test_same_mentions_as_a_whole_reading_on_made_up_texts(parts):
    text = "".join(w + s for w, s in parts)
    assert _windowed(text) == _whole(text)
