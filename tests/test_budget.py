"""The per-document time budget: a document that cannot finish becomes a 'timeout' error row.

Slowness is injected by replacing the extraction step (monkeypatch); the library has no sleeps.
"""
from __future__ import annotations

import signal
import threading
import time

import pytest

from extract import runner
from extract.budget import Budget, BudgetExceeded, time_budget
from extract.pipeline import extract_records


def _spin_forever(document):
    """Pure-Python busy loop: only an interrupting timer can stop it."""
    while True:
        pass


def _spin_for(seconds):
    def slow(document):
        until = time.monotonic() + seconds
        while time.monotonic() < until:
            pass
        return extract_records(document)
    return slow


def _slow_only(name, slow):
    """Extraction that is slow for one document only."""
    def extract(document):
        return slow(document) if document.doc_id == name else extract_records(document)
    return extract


def test_endless_document_becomes_timeout_row_and_others_are_extracted(tmp_path, monkeypatch):
    """A document whose extraction never ends (a busy loop injected by monkeypatch) becomes a `timeout`
    error row naming the file after the 0.3 s budget; the documents before and after it are extracted."""
    (tmp_path / "a_good.txt").write_text("The ORR was 45%.", encoding="utf-8")
    (tmp_path / "b_stuck.txt").write_text("The ORR was 50%.", encoding="utf-8")
    (tmp_path / "c_good.txt").write_text("Median PFS was 8.3 months.", encoding="utf-8")
    monkeypatch.setattr(runner, "extract_records", _slow_only("b_stuck", _spin_forever))
    started = time.monotonic()
    summary = runner.run_directory(tmp_path, tmp_path / "out", budget_s=0.3)
    assert time.monotonic() - started < 10
    by_id = {o.doc_id: o for o in summary.outcomes}
    stuck = by_id["b_stuck"].error
    assert stuck is not None and stuck.code == "timeout"
    assert "b_stuck.txt" in stuck.reason and "0.3 s time budget" in stuck.reason
    assert [r.endpoint for r in by_id["a_good"].records] == ["ORR"]
    assert [r.endpoint for r in by_id["c_good"].records] == ["PFS"]
    errors = (tmp_path / "out" / "errors.csv").read_text(encoding="utf-8-sig")
    assert "b_stuck" in errors and "timeout" in errors


def test_timer_and_handler_are_restored(tmp_path, monkeypatch):
    """After a time-out the interval timer is off and the previous SIGALRM handler is back."""
    path = tmp_path / "stuck.txt"
    path.write_text("The ORR was 50%.", encoding="utf-8")
    monkeypatch.setattr(runner, "extract_records", _spin_forever)
    before = signal.getsignal(signal.SIGALRM)
    assert runner.process_path(path, budget_s=0.2).error.code == "timeout"
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is before


def test_document_within_budget_is_extracted(tmp_path):
    """A normal document well inside its budget is extracted as usual."""
    path = tmp_path / "ok.txt"
    path.write_text("The ORR was 45%.", encoding="utf-8")
    outcome = runner.process_path(path, budget_s=30)
    assert outcome.error is None and [r.value for r in outcome.records] == [45.0]
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_no_budget_lets_a_slow_document_finish(tmp_path, monkeypatch):
    """With no budget (`--time-budget 0`) a slow document finishes."""
    path = tmp_path / "slow.txt"
    path.write_text("The ORR was 45%.", encoding="utf-8")
    monkeypatch.setattr(runner, "extract_records", _spin_for(0.4))
    outcome = runner.process_path(path, budget_s=None)
    assert outcome.error is None and len(outcome.records) == 1


def test_worker_thread_falls_back_to_checks_between_stages(tmp_path, monkeypatch):
    """In a worker thread (where Prefect runs tasks, and SIGALRM cannot be used) the budget is checked
    between stages: a slow document still becomes a `timeout` row."""
    path = tmp_path / "slow.txt"
    path.write_text("The ORR was 45%.", encoding="utf-8")
    monkeypatch.setattr(runner, "extract_records", _spin_for(0.4))
    box = {}
    worker = threading.Thread(target=lambda: box.setdefault("outcome", runner.process_path(path, budget_s=0.1)))
    worker.start()
    worker.join(timeout=30)
    error = box["outcome"].error
    assert error is not None and error.code == "timeout" and "after extraction" in error.reason


def test_an_armed_timer_is_not_clobbered():
    """When a caller's interval timer is already armed, the budget leaves it running and falls back to
    checks between stages."""
    fired = []
    previous = signal.signal(signal.SIGALRM, lambda *a: fired.append(True))
    try:
        signal.setitimer(signal.ITIMER_REAL, 5)
        with time_budget(0.01) as budget:
            assert not budget.interrupts
            time.sleep(0.05)
            with pytest.raises(BudgetExceeded):
                budget.check("a stage")
        assert 0 < signal.getitimer(signal.ITIMER_REAL)[0] <= 5
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert not fired


def test_zero_or_none_means_no_budget():
    """A budget of 0 or None means no budget at all."""
    assert Budget(0).seconds is None and Budget(None).seconds is None
    Budget(None).check("anything")  # never raises
    with time_budget(0) as budget:
        assert not budget.interrupts


def test_cli_offers_the_budget_with_a_default():
    """`run --time-budget SECONDS` exists and defaults to 60 s."""
    from extract.cli import _parser

    args = _parser().parse_args(["run", "in"])
    assert args.time_budget == runner.DEFAULT_TIME_BUDGET_S == 60
    assert _parser().parse_args(["run", "in", "--time-budget", "2.5"]).time_budget == 2.5


def test_pipeline_start_up_does_not_count_against_the_first_document(tmp_path):
    """Building the spaCy pipeline (seconds on a busy machine) happens before the first document's clock starts."""
    from extract.nlp import build_nlp

    build_nlp.cache_clear()
    path = tmp_path / "first.txt"
    path.write_text("The ORR was 45%.", encoding="utf-8")
    outcome = runner.process_path(path, budget_s=0.5)
    assert outcome.error is None and [r.value for r in outcome.records] == [45.0]


def test_time_out_inside_the_pdf_parser_is_a_timeout_not_a_corrupt_pdf(tmp_path, monkeypatch):
    """The PDF reader turns any parser exception into 'corrupt'; a time-out while parsing must stay a `timeout`."""
    import pdfplumber

    path = tmp_path / "slow.pdf"
    path.write_bytes(b"%PDF-1.4 whatever")
    monkeypatch.setattr(pdfplumber, "open", lambda *a, **k: _spin_forever(None))
    error = runner.process_path(path, budget_s=0.2).error
    assert error is not None and error.code == "timeout", error
