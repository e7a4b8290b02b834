"""Precision / recall of table reading per layout, on the table documents as text and as PDFs.

    .venv/bin/python scripts/table_quality.py [GOLD_DIR ...]

Defaults to the tuned table documents (tests/golden/tbl_*) and the held-out ones
(tests/tables_heldout). Each document is read three times: as its .txt, and as two PDFs drawn
from that text and read back through pdfplumber (Courier with every character at its place; and
Helvetica cells on a column grid, as typeset tables are), superscripts raised, long documents
over several pages, so the PDF figures measure the whole PDF path; and fourth as the plain text
pdfplumber's ``extract_text()`` gives for the second PDF (every gap one space), the text other
pipelines hand over.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from extract.documents import from_text, read_document  # noqa: E402
from extract.golden import GoldFile, Totals, load_gold, report, score_document  # noqa: E402
from extract.layouts import layout_report  # noqa: E402
from extract.pipeline import extract_records  # noqa: E402

READ_AS = {False: "text", True: "PDF, fixed-width font (pdfplumber)",
           "proportional": "PDF, Helvetica cells on a grid (pdfplumber)",
           "plain": "text of that PDF as pdfplumber's extract_text() gives it (single spaces)"}
DEFAULT_DIRS = [ROOT / "tests" / "golden", ROOT / "tests" / "tables_heldout"]
FONT, SIZE, LEADING, TOP, BOTTOM, LEFT = "Courier", 7, 10, 760, 40, 30
SUPERSCRIPTS = dict(zip("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+"))
ASCII = {"≥": ">=", "≤": "<=", "−": "-", "×": "x", "—": "-"}


def render_pdf(text: str, path: Path) -> Path:
    """Draw ``text`` line by line in a fixed-width font, superscripts raised and smaller."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    width = c.stringWidth("x", FONT, SIZE)
    y = TOP
    for line in text.split("\n"):
        if y < BOTTOM:
            c.showPage()
            y = TOP
        x = LEFT
        for ch in line:
            if ch in SUPERSCRIPTS:
                c.setFont(FONT, SIZE * 0.6)
                c.drawString(x, y + SIZE * 0.45, SUPERSCRIPTS[ch])
            elif ch.strip():
                c.setFont(FONT, SIZE)
                c.drawString(x, y, ASCII.get(ch, ch))
            x += width * (len(ASCII.get(ch, ch)) if ch.strip() else 1)
        y -= LEADING
    c.save()
    return path


def render_pdf_proportional(text: str, path: Path) -> Path:
    """Draw each cell (text between runs of 2+ spaces) in Helvetica at its column's x position, as
    typeset tables are: words inside a cell are proportionally spaced, cells start on a grid."""
    import re

    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    grid = 5.2  # points per character column of the source text
    y = TOP
    for line in text.split("\n"):
        if y < BOTTOM:
            c.showPage()
            y = TOP
        for m in re.finditer(r"\S(?:.*?\S)?(?=\s{2,}|$)", line):
            cell = "".join(ASCII.get(ch, SUPERSCRIPTS.get(ch, ch)) for ch in m.group(0))
            c.setFont("Helvetica", SIZE + 1)
            c.drawString(LEFT + m.start() * grid, y, cell)
        y -= LEADING + 2
    c.save()
    return path


def score_folder(gold_dir: Path, as_pdf: bool | str, prefix: str = "tbl_") -> tuple[list, dict[str, GoldFile]]:
    golds = {g.doc: g for g in (load_gold(p) for p in sorted(gold_dir.glob(f"{prefix}*.gold.json")))}
    scores = []
    with tempfile.TemporaryDirectory() as tmp:
        for doc, gold in golds.items():
            source = gold_dir / f"{doc}.txt"
            if as_pdf and as_pdf != "plain":
                render = render_pdf_proportional if as_pdf == "proportional" else render_pdf
                source = render(source.read_text(encoding="utf-8"), Path(tmp) / f"{doc}.pdf")
            if as_pdf == "plain":  # the text pdfplumber's extract_text() gives: every gap one space
                import pdfplumber

                pdf_path = render_pdf_proportional(source.read_text(encoding="utf-8"), Path(tmp) / f"{doc}.pdf")
                with pdfplumber.open(pdf_path) as pdf:
                    plain = "\f".join(page.extract_text() or "" for page in pdf.pages)
                document = from_text(plain, doc)
            else:
                document = read_document(source)
            rows = [r.model_dump() for r in extract_records(document).records]
            scores.append(score_document(rows, gold))
    return scores, golds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold_dirs", nargs="*", type=Path, default=DEFAULT_DIRS)
    parser.add_argument("-v", "--verbose", action="store_true", help="every missed and unexpected value")
    args = parser.parse_args(argv)
    for gold_dir in args.gold_dirs:
        for as_pdf in (False, True, "proportional", "plain"):
            scores, golds = score_folder(gold_dir, as_pdf)
            if not scores:
                continue
            text, totals = report(scores, verbose=args.verbose)
            print(f"== {gold_dir.relative_to(ROOT) if gold_dir.is_relative_to(ROOT) else gold_dir} "
                  f"as {READ_AS[as_pdf]}: {len(scores)} documents")
            if args.verbose:
                print(text)
            print(layout_report(scores, golds))
            print(f"all       {totals.line()}\n")
    return 0


def overall(gold_dir: Path, as_pdf: bool | str) -> Totals:
    scores, _ = score_folder(gold_dir, as_pdf)
    total = Totals()
    for s in scores:
        total.add(s)
    return total


if __name__ == "__main__":
    sys.exit(main())
