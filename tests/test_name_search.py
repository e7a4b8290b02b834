"""Arm and regimen names are found without compiling a pattern per name: same answers as the patterns."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extract.arms import _name_pattern, _name_spans
from extract.attribution import _regimen_pattern, _used_as_regimen

PIECES = st.sampled_from(["FOLFOX4", "folfox4", "XELOX", "with", "plus", "arm", "group", "vs.", "vs", "+", "-based",
                          "to", " ", "  ", "\n", "(", ")", "_", "é", "\u212a", "ſ", "İ", "FOLFOX4s", "x", "-treated",
                          "-", "≥", "received"])
NAMES = st.sampled_from(["FOLFOX4", "XELOX", "x", "FOLFOX4s"])


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=14), NAMES)
def test_regimen_use_is_what_the_pattern_finds(parts, name):
    text = "".join(parts)
    assert _used_as_regimen(text, name) == bool(_regimen_pattern(name).search(text))


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=14), NAMES)
def test_arm_name_spans_are_what_the_pattern_finds(parts, name):
    text = "".join(parts)
    assert _name_spans(text, name) == [m.span() for m in _name_pattern(name).finditer(text)]


def test_a_regimen_spelled_with_its_number():
    assert _used_as_regimen("patients received FOLFOX4 or XELOX", "FOLFOX4")
    assert _used_as_regimen("the folfox4 arm ≥ 2 cycles", "FOLFOX4")
    assert not _used_as_regimen("The FOLFOX4 study enrolled 300 patients.", "FOLFOX4")
