"""Inputs that must give a clear result, never a traceback (quantulum3's errors.json idea)."""
from __future__ import annotations

import pytest

from extract.documents import from_text
from extract.pipeline import extract_records

ODD_INPUTS = {
    "digits": "1" * 20000,
    "parentheses": "(" * 5000 + ")" * 5000,
    "dashes": "-".join(["12"] * 5000),
    "spaces": "ORR " + " " * 20000 + "45%",
    "number soup": " ".join(["ORR", "12", "(95%", "CI,", "3.4-5.6)", "months", "grade", "≥3", "vs", "n=12", "%"] * 1500),
    "header-like": "  ".join(["Drug (n=12)"] * 2000),
    "rows without header": "\n".join(["ORR  12 (5)  13 (6)"] * 2000),
    "control characters": "ORR\x00 was\x0b 45%\x1f.",
    "only unicode marks": "≥≤–−·×⁰¹²³" * 500,
    "empty lines": "\n" * 5000,
}


@pytest.mark.parametrize("name", ODD_INPUTS)
def test_odd_input_gives_valid_verbatim_records(name):
    text = ODD_INPUTS[name]
    result = extract_records(from_text(text, "odd"))
    for record in result.records:
        assert text[record.start:record.end] == record.evidence


def test_same_input_gives_identical_records():
    text = "Median PFS was 8.3 vs 5.6 months (HR 0.62; 95% CI 0.49-0.78; P<.001). ORR was 45%."
    first = [r.model_dump() for r in extract_records(from_text(text, "a")).records]
    second = [r.model_dump() for r in extract_records(from_text(text, "a")).records]
    assert first == second and first
