"""Tables in generated PDFs read through pdfplumber: columns by word position, superscripts kept
apart, a table over a page break, the page of every record; bad PDFs become error rows."""
from __future__ import annotations

import pandas as pd
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

from extract.documents import read_document
from extract.pipeline import extract_records
from extract.runner import run_directory

FONT, SIZE, LEADING = "Helvetica", 10, 14


class Sheet:
    """A reportlab canvas with a cursor: text lines, table rows at fixed column x, raised text."""

    def __init__(self, path):
        self.canvas = canvas.Canvas(str(path), pagesize=letter)
        self.canvas.setFont(FONT, SIZE)
        self.y = 740

    def line(self, text, x=72):
        self.canvas.drawString(x, self.y, text)
        self.y -= LEADING

    def row(self, cells, xs):
        for x, text in zip(xs, cells):
            if text:
                self.canvas.drawString(x, self.y, text)
        self.y -= LEADING

    def with_superscript(self, before, raised, after, x=72):
        """'before' then smaller raised text glued to it, then 'after': how PDFs print 10⁶ or 45.2ᵃ."""
        c = self.canvas
        c.drawString(x, self.y, before)
        x += c.stringWidth(before, FONT, SIZE)
        c.setFont(FONT, 6)
        c.drawString(x, self.y + 4, raised)
        x += c.stringWidth(raised, FONT, 6)
        c.setFont(FONT, SIZE)
        c.drawString(x, self.y, after)
        self.y -= LEADING

    def new_page(self):
        self.canvas.showPage()
        self.canvas.setFont(FONT, SIZE)
        self.y = 740

    def save(self):
        self.canvas.save()


def records(path):
    document = read_document(path)
    found = [r.model_dump() for r in extract_records(document).records]
    for r in found:
        assert document.text[r["start"]:r["end"]] == r["evidence"]
    return document, found


def pick(found, endpoint, stat="rate", arm=None, grade=None):
    return sorted((r["value"], r["arm"], r["page"]) for r in found
                  if r["endpoint"] == endpoint and r["stat"] == stat
                  and (arm is None or r["arm"] == arm) and (grade is None or r["grade"] == grade))


XS = [72, 220, 310, 400, 500]


def test_two_arm_table_with_hr_and_p_columns_and_a_blank_cell(tmp_path):
    sheet = Sheet(tmp_path / "orion.pdf")
    sheet.line("ORION-4: Veltarinib vs Docetaxel in previously treated NSCLC")
    sheet.line("")
    sheet.row(["Survival", "Veltarinib", "Docetaxel", "HR (95% CI)", "P"], XS)
    sheet.row(["Median PFS, mo", "5.6", "3.2", "0.61 (0.51-0.73)", "<0.001"], XS)
    sheet.row(["Median OS, mo", "14.9", "11.2", "0.78 (0.65-0.94)", "0.008"], XS)
    sheet.row(["ORR, %", "31.5", "18.0", "", "0.002"], XS)
    sheet.save()
    document, found = records(tmp_path / "orion.pdf")
    assert "Veltarinib  " in document.text  # the columns are apart in the text
    assert pick(found, "PFS", "median") == [(3.2, "Docetaxel", 1), (5.6, "Veltarinib", 1)]
    assert pick(found, "OS", "hr") == [(0.78, "Veltarinib vs Docetaxel", 1)]
    assert pick(found, "ORR") == [(18.0, "Docetaxel", 1), (31.5, "Veltarinib", 1)]
    orr = [r for r in found if r["endpoint"] == "ORR"]
    assert {r["p_value"] for r in orr} == {"0.002"}
    hr = next(r for r in found if r["stat"] == "hr" and r["endpoint"] == "PFS")
    assert (hr["value"], hr["ci_low"], hr["ci_high"], hr["p_value"]) == (0.61, 0.51, 0.73, "<0.001")


def test_header_split_over_two_lines_three_arms(tmp_path):
    sheet = Sheet(tmp_path / "quartz.pdf")
    sheet.line("QUARTZ-201: randomised phase 2 in advanced clear-cell RCC")
    sheet.line("")
    sheet.row(["", "Sotre 3 mg/kg", "Sotre + Axi", "Axitinib"], XS)
    sheet.row(["", "(n=62)", "(n=63)", "(n=60)"], XS)
    sheet.row(["ORR, %", "22.6", "47.6", "30.0"], XS)
    sheet.row(["Median PFS, mo", "4.1", "13.8", "NR"], XS)
    sheet.save()
    _, found = records(tmp_path / "quartz.pdf")
    assert pick(found, "ORR") == [(22.6, "Sotre 3 mg/kg", 1), (30.0, "Axitinib", 1), (47.6, "Sotre + Axi", 1)]
    assert {(r["arm"], r["n"]) for r in found if r["endpoint"] == "ORR"} == {
        ("Sotre 3 mg/kg", 62), ("Sotre + Axi", 63), ("Axitinib", 60)}
    nr = [r for r in found if r["endpoint"] == "PFS" and r["not_reached"]]
    assert [r["arm"] for r in nr] == ["Axitinib"]


def test_adverse_event_table_with_grade_columns_per_arm(tmp_path):
    xs = [72, 210, 280, 370, 440]
    sheet = Sheet(tmp_path / "kestrel.pdf")
    sheet.line("KESTREL-CLL: Lanvobrutinib vs Ibrutinib")
    sheet.line("")
    sheet.row(["", "Lanvobrutinib (n=266)", "", "Ibrutinib (n=263)"], xs)
    sheet.row(["Adverse event, n (%)", "All grades", "Grade 3-4", "All grades", "Grade 3-4"], xs)
    sheet.row(["Neutropenia", "78 (29.3)", "51 (19.2)", "65 (24.7)", "47 (17.9)"], xs)
    sheet.row(["Atrial fibrillation", "10 (3.8)", "3 (1.1)", "42 (16.0)", "10 (3.8)"], xs)
    sheet.save()
    _, found = records(tmp_path / "kestrel.pdf")
    assert pick(found, "NEUTROPENIA", grade="3-4") == [(17.9, "Ibrutinib", 1), (19.2, "Lanvobrutinib", 1)]
    assert pick(found, "OTHER_AE:atrial fibrillation", grade="any") == [(3.8, "Lanvobrutinib", 1),
                                                                         (16.0, "Ibrutinib", 1)]
    assert len(found) == 8


def test_table_over_a_page_break_keeps_its_header_and_pages(tmp_path):
    sheet = Sheet(tmp_path / "aurora.pdf")
    sheet.line("AURORA-GC: Zolbetamab + CAPOX vs CAPOX")
    sheet.line("")
    sheet.row(["Efficacy", "Zolbetamab + CAPOX (n=174)", "CAPOX (n=176)"], [72, 220, 400])
    sheet.row(["ORR, n (%)", "92 (52.9)", "68 (38.6)"], [72, 220, 400])
    sheet.new_page()
    sheet.row(["Median PFS, weeks", "42.1", "30.3"], [72, 220, 400])
    sheet.row(["Median OS, months", "18.2", "14.1"], [72, 220, 400])
    sheet.save()
    _, found = records(tmp_path / "aurora.pdf")
    assert pick(found, "ORR") == [(38.6, "CAPOX", 1), (52.9, "Zolbetamab + CAPOX", 1)]
    assert pick(found, "PFS", "median") == [(30.3, "CAPOX", 2), (42.1, "Zolbetamab + CAPOX", 2)]
    assert {r["unit"] for r in found if r["endpoint"] == "PFS"} == {"weeks"}
    assert pick(found, "OS", "median") == [(14.1, "CAPOX", 2), (18.2, "Zolbetamab + CAPOX", 2)]


def test_superscripts_stay_apart_from_the_number_they_follow(tmp_path):
    sheet = Sheet(tmp_path / "atlas.pdf")
    sheet.with_superscript("Target dose 150 x 10", "6", " CAR T cells")
    sheet.line("")
    sheet.row(["Efficacy", "Low dose (n=32)", "High dose (n=30)"], [72, 220, 400])
    sheet.canvas.drawString(72, sheet.y, "ORR, %")
    sheet.with_superscript("68.8", "a", "", x=220)
    sheet.y += LEADING
    sheet.row(["", "", "93.3"], [72, 220, 400])
    sheet.save()
    document, found = records(tmp_path / "atlas.pdf")
    assert "10⁶ CAR T cells" in document.text and "106" not in document.text
    assert pick(found, "ORR") == [(68.8, "Low dose", 1), (93.3, "High dose", 1)]


def test_bad_pdfs_become_error_rows_and_the_run_goes_on(tmp_path):
    from reportlab.lib.pdfencrypt import StandardEncryption

    raw = tmp_path / "raw"
    raw.mkdir()
    locked = canvas.Canvas(str(raw / "locked.pdf"), encrypt=StandardEncryption("user", ownerPassword="owner"))
    locked.drawString(72, 720, "ORR, % 45")
    locked.save()
    scan = canvas.Canvas(str(raw / "scan.pdf"))
    scan.rect(100, 100, 300, 400, fill=1)
    scan.save()
    good = Sheet(raw / "good.pdf")
    good.row(["Efficacy", "Drugamab (n=40)", "Placebo (n=41)"], [72, 220, 400])
    good.row(["ORR, n (%)", "18 (45.0)", "4 (9.8)"], [72, 220, 400])
    good.save()
    full = (raw / "good.pdf").read_bytes()
    (raw / "truncated.pdf").write_bytes(full[: len(full) // 2])
    (raw / "empty.pdf").write_bytes(b"")
    run_directory(raw, tmp_path / "out")
    errors = pd.read_csv(tmp_path / "out" / "errors.csv", encoding="utf-8-sig")
    assert dict(zip(errors["doc_id"], errors["code"])) == {
        "locked": "encrypted", "scan": "no_text_layer", "truncated": "corrupt", "empty": "empty"}
    rows = pd.read_parquet(tmp_path / "out" / "endpoints.parquet")
    assert sorted(zip(rows["arm"], rows["value"], rows["page"])) == [("Drugamab", 45.0, 1), ("Placebo", 9.8, 1)]


def test_owner_password_only_pdf_opens_and_reads_its_table(tmp_path):
    from reportlab.lib.pdfencrypt import StandardEncryption

    path = tmp_path / "owner.pdf"
    c = canvas.Canvas(str(path), encrypt=StandardEncryption("", ownerPassword="owner", canPrint=0))
    c.setFont(FONT, SIZE)
    for y, (label, a, b) in zip((720, 706), (("Efficacy", "Drugamab (n=40)", "Placebo (n=41)"),
                                             ("ORR, n (%)", "18 (45.0)", "4 (9.8)"))):
        c.drawString(72, y, label)
        c.drawString(220, y, a)
        c.drawString(400, y, b)
    c.save()
    _, found = records(path)
    assert pick(found, "ORR") == [(9.8, "Placebo", 1), (45.0, "Drugamab", 1)]
