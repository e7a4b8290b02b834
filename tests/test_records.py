"""Validation: bad values become rejections with a reason, never silent drops."""
from __future__ import annotations

import pytest

from extract.records import EndpointRecord, Rejection, validate

BASE = {"endpoint": "ORR", "stat": "rate", "value": 45.0, "unit": "%", "evidence": "ORR 45%", "doc_id": "d",
        "start": 0, "end": 7}


def test_valid_record_gets_a_stable_id():
    a, b = validate(dict(BASE)), validate(dict(BASE))
    assert isinstance(a, EndpointRecord) and a.record_id and a.record_id == b.record_id
    assert validate(dict(BASE, start=10, end=17)).record_id != a.record_id


@pytest.mark.parametrize("change,reason", [
    ({"value": 145.0}, "outside 0-100"),
    ({"ci_low": 50.0, "ci_high": 60.0}, "above the estimate"),
    ({"ci_low": 30.0, "ci_high": 40.0}, "below the estimate"),
    ({"count": 80, "n": 60}, "larger than n"),
    ({"stat": "median", "unit": "months", "not_reached": True}, "not reached but a value"),
    ({"value": None}, "no value"),
    ({"stat": "median", "unit": "%"}, "does not fit stat"),
    ({"endpoint": "SURVIVAL"}, "unknown endpoint code"),
    ({"stat": "landmark"}, "without a time point"),
    ({"endpoint": "CRS"}, "without a grade"),
    ({"grade": ">=3"}, "grade given for efficacy"),
    ({"grade": "high"}, "grade strings"),
    ({"stat": "hr", "unit": "ratio", "value": 0.0}, "hazard ratio"),
])
def test_invalid_values_are_rejected_with_reason(change, reason):
    outcome = validate(dict(BASE, **change))
    assert isinstance(outcome, Rejection)
    assert reason in outcome.reason
    assert outcome.evidence == "ORR 45%"
