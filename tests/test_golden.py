"""Every document with a gold file: all gold values found, nothing unexpected, evidence verbatim."""
from __future__ import annotations

import pytest

from conftest import GOLDEN_DIR
from extract import golden
from extract.documents import read_document
from extract.pipeline import extract_records

GOLD_FILES = sorted(GOLDEN_DIR.glob("*.gold.json"))


def test_gold_set_is_large_enough():
    own = [p for p in GOLD_FILES if p.name.startswith("own_")]
    assert len(GOLD_FILES) >= 12 and len(own) >= 10


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.name.removesuffix(".gold.json"))
def test_document_matches_gold(gold_path):
    gold = golden.load_gold(gold_path)
    source = gold_path.with_name(f"{gold.doc}.txt")
    document = read_document(source)
    result = extract_records(document)
    rows = [r.model_dump() for r in result.records]
    score = golden.score_document(rows, gold)
    text, totals = golden.report([score])
    assert not score.missing, text
    assert not score.unexpected, text
    assert totals.arm_accuracy == 1.0, text
    for record in result.records:
        assert document.text[record.start:record.end] == record.evidence
        assert record.evidence.strip(), record


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.name.removesuffix(".gold.json"))
def test_gold_file_is_well_formed(gold_path):
    """Gold files are data too: every evidence is in its text, every field is SCHEMA.md's."""
    gold = golden.load_gold(gold_path)
    text = gold_path.with_name(f"{gold.doc}.txt").read_text(encoding="utf-8")
    fields = {"endpoint", "stat", "value", "unit", "not_reached", "timepoint_months", "grade", "count", "n",
              "ci_low", "ci_high", "p_value", "arm", "arm_aliases", "trial", "evidence"}
    for record in gold.records:
        assert set(record) == fields, record
        assert record["evidence"] in text, record["evidence"]
