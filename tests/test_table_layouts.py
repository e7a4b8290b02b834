"""Table documents by layout: the held-out half stays above its recorded floor as text and as PDF,
the tuned half reads as well through pdfplumber as from text, and score --by-layout reports it."""
from __future__ import annotations

import importlib.util

import pytest

from conftest import GOLDEN_DIR, ROOT
from extract import golden
from extract.cli import main
from extract.layouts import by_layout, layout_of

HELD_OUT = ROOT / "tests" / "tables_heldout"
# Set from the held-out half's first measurements after tuning on tests/golden/tbl_* only (see
# its README): F1 1.000 / arm accuracy 0.896 as text and PDF, F1 0.900 / 0.778 as single-spaced text.
HELD_OUT_FLOOR = {"f1": 0.90, "arm_accuracy": 0.85}

spec = importlib.util.spec_from_file_location("table_quality", ROOT / "scripts" / "table_quality.py")
table_quality = importlib.util.module_from_spec(spec)
spec.loader.exec_module(table_quality)


def test_every_table_layout_has_two_documents_or_more():
    golds = [golden.load_gold(p) for p in [*GOLDEN_DIR.glob("tbl_*.gold.json"), *HELD_OUT.glob("tbl_*.gold.json")]]
    layouts = [layout_of(g) for g in golds]
    assert len(golds) >= 15 and len(list(HELD_OUT.glob("*.gold.json"))) >= 5
    for name in ("rows", "cell-per-line", "flattened", "ae-grades"):
        assert layouts.count(name) >= 2, name


@pytest.mark.parametrize("as_pdf", [False, True, "proportional", "plain"],
                         ids=["text", "pdf-fixed", "pdf-helvetica", "pdfplumber-plain-text"])
def test_held_out_tables_stay_above_their_floor(as_pdf):
    total = table_quality.overall(HELD_OUT, as_pdf)
    assert total.f1 >= HELD_OUT_FLOOR["f1"], total.line()
    assert total.arm_accuracy >= HELD_OUT_FLOOR["arm_accuracy"], total.line()


@pytest.mark.parametrize("as_pdf", [True, "proportional", "plain"], ids=["pdf-fixed", "pdf-helvetica", "pdfplumber-plain-text"])
def test_tuned_tables_read_from_pdf_about_as_from_text(as_pdf):
    total = table_quality.overall(GOLDEN_DIR, as_pdf)
    assert total.f1 >= 0.95 and total.arm_accuracy >= 0.95, total.line()


def test_by_layout_groups_documents_by_their_layout_key():
    scores, golds = table_quality.score_folder(GOLDEN_DIR, as_pdf=False)
    groups = by_layout(scores, golds)
    assert set(groups) == {layout_of(g) for g in golds.values()}
    assert sum(t.tp + t.fn for t in groups.values()) == sum(len(g.records) for g in golds.values())


def test_score_by_layout_prints_one_line_per_layout(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["run", str(HELD_OUT), "--out", str(out), "-q"]) == 0
    capsys.readouterr()
    assert main(["score", str(out / "endpoints.parquet"), str(HELD_OUT), "--summary", "--by-layout"]) == 0
    printed = capsys.readouterr().out
    lines = printed.strip().splitlines()
    assert lines[-1].startswith("overall")  # the overall line stays last
    section = printed.split("per layout:")[1].strip().splitlines()[:-1]
    assert sorted(line.split()[0] for line in section) == sorted({layout_of(g) for g in golden.load_gold_dir(HELD_OUT).values()})
    assert all("precision" in line and "recall" in line for line in section)
