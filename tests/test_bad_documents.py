"""A run over a folder of bad documents: each gives an error row naming the file and the reason, and
every readable document in the same run is still extracted. The inputs are the fault table's
(``scripts/fault_table.py``), generated here into a temporary folder."""
from __future__ import annotations

import importlib.util
import sys

import pytest

from conftest import ROOT
from extract.runner import run_directory
from extract.tables import read_endpoints

_spec = importlib.util.spec_from_file_location("fault_table", ROOT / "scripts" / "fault_table.py")
fault_table = importlib.util.module_from_spec(_spec)
sys.modules["fault_table"] = fault_table  # dataclasses look their module up there
_spec.loader.exec_module(fault_table)
BAD = {bad.name: bad for bad in fault_table.BAD_DOCUMENTS}


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    raw = tmp_path_factory.mktemp("raw")
    fault_table.write_bad_documents(raw)
    out = raw.parent / (raw.name + "_out")
    summary = run_directory(raw, out, budget_s=2)
    return {o.source.rsplit("/", 1)[-1]: o for o in summary.outcomes}, read_endpoints(out / "endpoints.parquet")


def test_every_generated_document_is_in_the_run(run):
    outcomes, _ = run
    assert set(outcomes) == set(BAD)


@pytest.mark.parametrize("name", [b.name for b in fault_table.BAD_DOCUMENTS if b.code])
def test_bad_document_gives_an_error_row_naming_file_and_reason(run, name):
    outcome = run[0][name]
    assert outcome.error is not None, f"{name} was read: {outcome.records}"
    assert outcome.error.code == BAD[name].code
    assert outcome.error.reason.startswith(f"{outcome.source}: ") and name in outcome.error.reason
    assert len(outcome.error.reason) > len(outcome.source) + 10


@pytest.mark.parametrize("name", [b.name for b in fault_table.BAD_DOCUMENTS if not b.code])
def test_readable_documents_in_the_same_run_are_extracted(run, name):
    outcomes, table = run
    assert outcomes[name].error is None
    rows = table[table["doc_id"] == outcomes[name].doc_id]
    assert len(rows) == len(outcomes[name].records) > 0
    assert "ORR" in set(rows["endpoint"])


def test_ten_megabyte_soup_is_ten_megabytes_on_one_line(tmp_path):
    text = fault_table.number_soup(10_000_000)
    assert 9_990_000 <= len(text.encode("utf-8")) <= 10_000_001 and text.count("\n") == 1


def test_a_bug_on_one_document_is_an_error_row_not_a_stopped_run(tmp_path, monkeypatch):
    """An unexpected exception inside extraction becomes an `internal_error` row naming the file; the run goes on."""
    from extract import runner

    def extract(document):
        if document.doc_id == "b":
            raise RuntimeError("boom\nsecond line")
        return runner_extract(document)

    runner_extract = runner.extract_records
    monkeypatch.setattr(runner, "extract_records", extract)
    for name in "abc":
        (tmp_path / f"{name}.txt").write_text("The ORR was 45%.", encoding="utf-8")
    summary = run_directory(tmp_path, tmp_path / "out", budget_s=None)
    errors = {o.doc_id: o.error for o in summary.outcomes if o.error}
    assert list(errors) == ["b"] and errors["b"].code == "internal_error"
    assert errors["b"].reason == f"{tmp_path / 'b.txt'}: extraction failed (RuntimeError: boom second line); please report it"
    assert summary.records == 2


def test_spacy_accepts_every_text_the_reader_lets_through():
    """spaCy refuses texts over its max_length (1,000,000 by default): the limit must cover MAX_TEXT_CHARS."""
    from extract.nlp import MAX_TEXT_CHARS, build_nlp

    assert build_nlp().max_length >= MAX_TEXT_CHARS > 1_000_000
