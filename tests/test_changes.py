"""The per-document diff behind the changes table, and the progress line of long runs."""
from __future__ import annotations

import io

import pandas as pd

from extract.changes import diff, diff_document, markdown, summary
from extract.progress import ProgressBar
from extract.tables import records_frame
from extract.documents import from_text
from extract.pipeline import extract_records


def _frame(text: str, doc_id: str = "d") -> pd.DataFrame:
    return records_frame(extract_records(from_text(text, doc_id)).records)


def test_moved_value_with_same_number_is_not_a_change():
    old = _frame("The ORR was 45%.")
    new = _frame("Updated analysis, more words first. The ORR was 45%.")
    assert old["start"].iloc[0] != new["start"].iloc[0]
    assert diff_document("d", old, new) == []


def test_changed_ci_is_reported_with_what_moved():
    old = _frame("Median PFS was 8.3 months (95% CI 6.1-10.2).")
    new = _frame("Median PFS was 8.3 months (95% CI 6.0-10.2).")
    rows = diff_document("d", old, new)
    assert [(r["change"], r["endpoint"]) for r in rows] == [("changed", "PFS")]
    assert rows[0]["detail"] == "ci_low 6.1 -> 6.0"


def test_repeated_values_pair_up_in_text_order():
    old = _frame("Grade >=3 CRS occurred in 4%. Grade >=3 CRS occurred in 6%.")
    new = _frame("Grade >=3 CRS occurred in 4%.")
    rows = diff_document("d", old, new)
    assert [(r["change"], r["old_value"]) for r in rows] == [("disappeared", 6.0)]


def test_diff_covers_run_documents_and_missing_ones():
    old = pd.concat([_frame("The ORR was 45%.", "a"), _frame("The ORR was 30%.", "b")], ignore_index=True)
    new = _frame("The ORR was 50%.", "a")
    frame = diff(old, new, {"a"}, ["c"], "run-1", "2026-01-05T06:00:00Z")
    assert list(zip(frame["doc_id"], frame["change"])) == [("a", "changed"), ("c", "missing")]
    assert set(frame["run_id"]) == {"run-1"}
    counts = summary(frame).set_index("doc_id")
    assert counts.loc["a", "changed"] == 1 and counts.loc["c", "missing"] == 1
    text = markdown(frame)
    assert "| a | 0 | 0 | 1 | 0 |" in text and "value 45.0 -> 50.0" in text


def test_progress_line_shows_rate_and_eta():
    now = [0.0]
    stream = io.StringIO()
    bar = ProgressBar(stream, log_every=5.0, clock=lambda: now[0])
    now[0] = 10.0
    bar.update(50, 200, "doc50")
    now[0] = 11.0
    bar.update(55, 200)  # within 5 s of the last line: not printed
    now[0] = 20.0
    bar.update(200, 200)
    lines = stream.getvalue().splitlines()
    assert lines[0] == "[######------------------] 50/200 5.0 docs/s ETA 0:00:30 doc50"
    assert lines[1].startswith("[########################] 200/200 10.0 docs/s ETA 0:00:00")
    assert len(lines) == 2
