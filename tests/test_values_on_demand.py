"""Values read sentence by sentence, when asked for, are exactly the values a reading of the whole
text has there."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract import values
from extract.values import find_values, mask_non_values
from extract.values_on_demand import ValuesOnDemand


def _whole(text: str, blanks=()) -> list[tuple]:
    chars = list(mask_non_values(text))
    for s, e in blanks:
        chars[s:e] = "~" * (e - s)
    return [_key(v) for v in find_values(text, "".join(chars))]


def _key(v) -> tuple:
    return (v.kind, v.start, v.end, v.value, v.unit, v.count, v.n, v.ci_low, v.ci_high, v.p_value, sorted(v.extras.items()))


def _asked(text: str, windows, blanks=(), likely=()) -> tuple[ValuesOnDemand, list[list[tuple]]]:
    reader = ValuesOnDemand(text, list(blanks), lambda v: True, likely=list(likely))
    return reader, [[_key(v) for v in reader.values_in(s, e)] for s, e in windows]


def _inside(found: list[tuple], start: int, end: int) -> list[tuple]:
    return [k for k in found if start <= k[1] and k[2] <= end]


def test_only_the_sentences_asked_about_are_read():
    text = ("Patients aged 18 to 75 years were enrolled in 2015. The ORR was 45% (95% CI 30-60). "
            "Median age was 61 years (range 40-80). Median PFS was 7.1 vs 5.2 months.")
    at = text.index("The ORR")
    reader, (found,) = _asked(text, [(at, text.index("Median age"))])
    assert not reader.whole
    assert [k[3] for k in found] == [45.0]
    assert len(reader.read_pieces) == 1 and len(reader.ends) == 4  # the other three sentences were not read
    assert [v.value for v in reader.values_in(text.index("Median PFS"), len(text))] == [7.1, 5.2]
    assert [_key(v) for v in reader.values_in(0, len(text))] == _whole(text)


def test_a_sentence_whose_stop_is_masked_is_read_with_the_next():
    # 'NCT01234567.' is masked with its stop, so the masked text has no sentence end there: a pattern
    # may run on over it, and the two pieces are read together
    text = "Registered as NCT01234567. Median OS was 14 months in both arms."
    reader, (found,) = _asked(text, [(0, text.index(". ") + 2)])
    assert len(reader.read_pieces) == 2
    assert found == _inside(_whole(text), 0, text.index(". ") + 2)


def test_a_text_the_label_unit_clause_may_match_is_read_whole():
    text = "Progression-free survival, months: 6.2 (5.5, 7.0) vs 3.8 (3.0, 4.3). Overall survival was longer."
    reader, (found,) = _asked(text, [(0, 40)])
    assert reader.whole
    assert [_key(v) for v in reader.values_in(0, len(text))] == _whole(text)


def test_the_label_unit_head_still_reads_the_label_unit_clause():
    # values_on_demand.LABEL_UNIT_HEAD is what every match of this pattern holds; change both together
    assert values.LABEL_UNIT_CLAUSE.pattern.startswith(
        r"(?:,|\b)\s*(?P<unit>months?|mo|weeks?|%)\s*(?:\([^()]{0,20}\))?\s*:")


def test_blanked_spans_are_never_values():
    text = "Grade 3 events occurred in 12% of patients. Grade 4 in 2%."
    blanks = [(0, 7), (text.index("Grade 4"), text.index("Grade 4") + 7)]
    _, (found,) = _asked(text, [(0, len(text))], blanks)
    assert found == _whole(text, blanks) and [k[3] for k in found] == [12.0, 2.0]


FRAGMENTS = ["5", "12.5", "2010", "%", " ", "  ", ". ", "; ", ".\n", "\n", "vs. ", "vs ", "mo. ", "months", "gr. ",
             "Grade ", "3", "C.I. ", "95% CI ", "(95% CI 1-3)", "NR", "not reached", "(", ")", "-", ", ", "Phase I",
             "A", "The ", "patients", "n = ", "mg", "x 10^", "~~~~~~", "at 12 months", "aged ", "p < ", "HR ",
             "range ", "(range 1-3. Median) ", "(range 2-9)", "NCT0123.", "NCT0123. ", "doi:10.1/x. ", "Median PFS was ",
             "and ", "or ", "three", "Was ", "Of ", "vs. 6%", ". The ", "; Grade 3", "(n = 5. The) ", "). A",
             "((", "))", "(min. 2)", "17 (range 1-39) months", "27 of 60 patients (45%)", "45% (27/60)", "±", "+/- 2",
             "CI (CI) 2-4. ", "months: ", "(mo): 7.4", "risk difference (RD) 5%. ", "1 in 4 patients"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40), st.lists(st.tuples(st.integers(0, 400), st.integers(0, 120)), max_size=6),
       st.lists(st.integers(0, 400), max_size=4))
def test_same_values_as_a_whole_reading_on_made_up_texts(parts, asks, likely):
    text = "".join(parts)
    whole = _whole(text)
    windows = [(s, s + n) for s, n in asks] + [(0, len(text))]
    _, found = _asked(text, windows, likely=likely)
    for (s, e), got in zip(windows, found):
        assert got == _inside(whole, s, e), (text, s, e)


def test_masks_that_take_a_lone_bracket_make_the_text_read_whole():
    from extract.values_on_demand import _takes_a_bracket
    text = "a (range 1-3) b) c (d"
    assert not _takes_a_bracket(text, [(2, 13)])             # '(range 1-3)': a whole pair, depths agree after it
    assert _takes_a_bracket(text, [(14, 16)])                # ' b)' would close nothing in the masked text
    assert _takes_a_bracket(text, [(19, 21)])                # '(d' would open nothing
    assert not _takes_a_bracket(text, [(2, 8), (6, 13)])     # overlapping spans that together hold a pair


HEAD_PARTS = ["months", "Month", "mo", "MO", "weeks", "week", "%", "demo", "mos", "(", ")", "((", "(95% CI)", " ", "  ", "\n",
              ":", " : ", "x", "12345678901234567890", "1234", "ſ", "K", "weeKs", "(mo)", "(n = 12)"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(HEAD_PARTS), max_size=12))
def test_the_label_unit_head_read_from_colons_is_the_regex(parts):
    from extract.values_on_demand import LABEL_UNIT_HEAD, has_label_unit_head
    text = "".join(parts)
    assert has_label_unit_head(text) == bool(LABEL_UNIT_HEAD.search(text)), text


@pytest.mark.parametrize("text", [
    "months (12345678901234567890):", "months (123456789012345678901):", "mo ((x):", "mo (a) (b):", "%  \n :",
    "weeks(n = 12) : 5", "demo:", "mo.:", "Results: 5 months", "(mo): 7.4", "ſ months:", "weeK:"])
def test_the_label_unit_head_at_its_edges(text):
    from extract.values_on_demand import LABEL_UNIT_HEAD, has_label_unit_head
    assert has_label_unit_head(text) == bool(LABEL_UNIT_HEAD.search(text))


@pytest.mark.parametrize(("pattern", "whole_pairs"), [
    (r"\((?:range|IQR)\b[^()]{0,60}\)", True),
    (r"\bdifferences?\s*(?:\(\s*[A-Z]{2,3}\s*\))?\s*\d+%", True),
    (r"\d+\s?\)", False),                 # closes what it did not open
    (r"\(\d+", False),                    # opens and leaves it open
    (r"[\[(]CI[\])]", False),             # '(CI]': a class that takes a bracket
    (r"\([^)]*\)", False),                # '[^)]' takes '('
    (r"(?:\(\d\))+", True),
])
def test_masks_that_take_whole_bracket_pairs_are_read_piece_by_piece(pattern, whole_pairs):
    import re
    from re import _parser
    from extract.values_on_demand import _pairs
    compiled = re.compile(pattern)
    assert (_pairs(_parser.parse(compiled.pattern, compiled.flags), compiled.flags) == 0) is whole_pairs


def test_a_text_asked_about_piece_by_piece_is_read_at_once_past_max_reads(monkeypatch):
    from extract import values_on_demand
    monkeypatch.setattr(values_on_demand, "MAX_READS", 2)
    text = " ".join(f"Arm {k} had a rate of {k}% (95% CI {k}-{k + 9}) at {k} months." for k in range(1, 9))
    ends = [i + 2 for i in range(len(text)) if text.startswith(". A", i)]
    windows = [(a, b) for a, b in zip([0, *ends], [*ends, len(text)])][::2]
    reader, found = _asked(text, windows)
    assert reader.whole and reader.reads == 3
    whole = _whole(text)
    assert found == [_inside(whole, s, e) for s, e in windows]
    assert [_key(v) for v in reader.values_in(0, len(text))] == whole


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40), st.lists(st.tuples(st.integers(0, 400), st.integers(0, 120)), max_size=6))
def test_same_values_when_read_at_once_midway(parts, asks):
    from extract import values_on_demand
    text = "".join(parts)
    whole = _whole(text)
    windows = [(s, s + n) for s, n in asks] + [(0, len(text))]
    old, values_on_demand.MAX_READS = values_on_demand.MAX_READS, 1
    try:
        _, found = _asked(text, windows)
    finally:
        values_on_demand.MAX_READS = old
    for (s, e), got in zip(windows, found):
        assert got == _inside(whole, s, e), (text, s, e)


def test_a_sentence_with_no_figure_is_not_read():
    text = "Adverse events were mostly mild. The ORR was 45% in the first cohort."
    reader = ValuesOnDemand(text, [], lambda v: True)
    assert reader.values_in(0, text.index(" The ORR")) == []
    assert reader.whole is None  # nothing was set up for it
    assert [v.value for v in reader.values_in(0, len(text))] == [45.0]


@pytest.mark.parametrize("text", [
    "Median OS was not reached.",
    "Median DOR: NR; median PFS: NE.",
    "Two DLTs occurred.",
    "Three CRs were seen.",
    "Four patients had grade 3 fatigue.",
])
def test_values_written_without_a_digit_are_still_read(text):
    assert _whole(text), "the example must hold a value"
    assert [k for k in _asked(text, [(0, len(text))])[1][0]] == _whole(text)


def test_the_value_hint_covers_every_value_pattern_that_needs_no_digit():
    from extract import regions
    from extract.values_on_demand import VALUE_HINT
    digitless = [p for _, p in values.VALUE_PATTERNS if not regions.needs_digit(p)]
    # a new pattern that reads values without digits must be added to VALUE_HINT (and here)
    assert len(digitless) == 6
    for word in ["not reached", "NR", "NE", "NA", "N/A", "NYR", "one", "six", "ten", "twelve"]:
        assert VALUE_HINT.search(word)
    for text in ["Median OS was not reached", "NYR", "two DLTs", "ten CRs", "eleven patients had grade 3 rash",
                 "and five more had a partial response", "heart failure developed in seven patients"]:
        found = [m for p in digitless for m in p.finditer(text)]
        assert found and all(VALUE_HINT.search(m.group(0)) for m in found)
