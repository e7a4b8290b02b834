"""Curated tables: atomic writes, re-runs without duplicates, other documents kept, Excel-friendly CSV."""
from __future__ import annotations

import shutil

import pandas as pd
import pytest

from conftest import ROOT
from extract import tables
from extract.runner import run_directory


@pytest.fixture
def raw(tmp_path):
    folder = tmp_path / "raw"
    shutil.copytree(ROOT / "raw", folder)
    return folder


def test_run_twice_adds_nothing(raw, tmp_path):
    out = tmp_path / "out"
    run_directory(raw, out)
    first = pd.read_parquet(out / "endpoints.parquet")
    run_directory(raw, out)
    second = pd.read_parquet(out / "endpoints.parquet")
    assert len(first) > 0 and len(second) == len(first)
    assert list(second["record_id"]) == list(first["record_id"])
    assert second["record_id"].is_unique


def test_rows_of_documents_not_in_this_run_are_kept(raw, tmp_path):
    out = tmp_path / "out"
    run_directory(raw, out)
    before = pd.read_parquet(out / "endpoints.parquet")
    only_one = tmp_path / "one"
    only_one.mkdir()
    first = sorted(raw.iterdir())[0]
    shutil.copy(first, only_one / first.name)
    run_directory(only_one, out)
    after = pd.read_parquet(out / "endpoints.parquet")
    assert set(after["doc_id"]) == set(before["doc_id"])
    assert len(after) == len(before)


def test_changed_document_replaces_its_rows(raw, tmp_path):
    out = tmp_path / "out"
    (raw / "extra.txt").write_text("The ORR was 45%.", encoding="utf-8")
    run_directory(raw, out)
    (raw / "extra.txt").write_text("The ORR was 47%.", encoding="utf-8")
    run_directory(raw, out)
    rows = pd.read_parquet(out / "endpoints.parquet")
    assert list(rows.loc[rows["doc_id"] == "extra", "value"]) == [47.0]


def test_csv_is_utf8_with_bom_and_keeps_unicode(raw, tmp_path):
    out = tmp_path / "out"
    run_directory(raw, out)
    data = (out / "endpoints.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert "≥" in data.decode("utf-8-sig")
    back = tables.read_endpoints(out / "endpoints.csv")
    assert len(back) == len(tables.read_endpoints(out / "endpoints.parquet"))


def test_columns_are_schema_fields_plus_provenance(raw, tmp_path):
    out = tmp_path / "out"
    run_directory(raw, out)
    columns = list(pd.read_parquet(out / "endpoints.parquet").columns)
    assert columns == [*tables.ENDPOINT_COLUMNS, "review_status"]  # review_status: see test_review_roundtrip.py
    for name in ("doc_id", "record_id", "start", "end", "page", "evidence", "arm_aliases", "trial"):
        assert name in columns


def test_failed_write_leaves_previous_table_intact(tmp_path):
    target = tmp_path / "t.csv"
    target.write_text("old", encoding="utf-8")

    def broken(path):
        with open(path, "w") as fh:
            fh.write("half")
        raise OSError("disk full")

    with pytest.raises(OSError):
        tables.atomic_write(target, broken)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["t.csv"]


def test_unreadable_documents_become_error_rows_and_the_run_goes_on(raw, tmp_path):
    (raw / "latin1.txt").write_bytes("Réponse 45%".encode("latin-1"))
    (raw / "empty.txt").write_bytes(b"")
    (raw / "broken.pdf").write_bytes(b"%PDF-1.4 garbage")
    (raw / "notes.docx").write_bytes(b"PK")
    out = tmp_path / "out"
    summary = run_directory(raw, out)
    errors = pd.read_csv(out / "errors.csv", encoding="utf-8-sig")
    assert set(errors["doc_id"]) == {"latin1", "empty", "broken", "notes"}
    assert set(errors["code"]) == {"encoding", "empty", "corrupt", "unsupported"}
    assert all(name in reason for name, reason in zip(errors["doc_id"], errors["reason"]))
    assert summary.records > 0


def test_rejected_values_are_written_with_their_reason(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "bad.txt").write_text("The objective response rate was 45% (95% CI, 50-60).", encoding="utf-8")
    run_directory(raw, tmp_path / "out")
    rejects = pd.read_csv(tmp_path / "out" / "rejects.csv", encoding="utf-8-sig")
    assert list(rejects["doc_id"]) == ["bad"]
    assert "above the estimate" in rejects["reason"][0]


def test_pdf_values_keep_their_page(tmp_path):
    from reportlab.pdfgen import canvas

    raw = tmp_path / "raw"
    raw.mkdir()
    pdf = canvas.Canvas(str(raw / "poster.pdf"))
    pdf.drawString(72, 720, "Phase 2 study of drugamab in relapsed lymphoma")
    pdf.showPage()
    pdf.drawString(72, 720, "The objective response rate was 62% (95% CI, 51-72).")
    pdf.drawString(72, 700, "Median progression-free survival was 8.3 months.")
    pdf.save()
    run_directory(raw, tmp_path / "out")
    rows = pd.read_parquet(tmp_path / "out" / "endpoints.parquet")
    got = sorted(zip(rows["endpoint"], rows["value"], rows["page"]))
    assert got == [("ORR", 62.0, 2), ("PFS", 8.3, 2)]
