"""Fault table: try every bad document and pathological text, and list what happened.

    .venv/bin/python scripts/fault_table.py            # print the table (timings go to stderr)
    .venv/bin/python scripts/fault_table.py --write    # rewrite docs/faults.md
    .venv/bin/python scripts/fault_table.py --check    # exit 1 if docs/faults.md is stale

The first two sections are observed here: the bad documents go through one real
``python -m extract run`` (a subprocess, as a curator would run it) and each pathological text
through ``extract_records``. The faults that need a killed process, a full disk or hostile file
names are tried by the tests listed in the third section (their docstrings say what is asserted),
which run in CI. Exit status 1 also when any input misbehaved (a crash, a missing error row, an
invalid or non-verbatim record, a time-out on pathological text).
"""
from __future__ import annotations

import argparse
import ast
import difflib
import io
import os
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "faults.md"
BAD_RUN_BUDGET_S = 5.0  # --time-budget for the bad-documents run: the 1.5 MB soup must hit it quickly
TEXT_BUDGET_S = 60.0  # a pathological text over this counts as a stall
TESTS_BEHIND_THE_TABLE = ("test_faults.py", "test_budget.py", "test_bad_documents.py", "test_paths.py",
                          "test_properties.py", "test_overlap.py", "test_concurrency.py")


# --- inputs -------------------------------------------------------------------------------------

def _pdf(lines: list[str] | None, encrypt=None, pages: int = 1) -> bytes:
    """A small PDF made with reportlab: text lines, or a drawn rectangle only (lines=None)."""
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, encrypt=encrypt)
    for _ in range(pages):
        if lines is None:
            c.rect(100, 100, 300, 400, fill=1)
        else:
            for i, line in enumerate(lines):
                c.drawString(72, 700 - 20 * i, line)
        c.showPage()
    c.save()
    return buffer.getvalue()


def _encrypted(user: str, owner: str) -> bytes:
    from reportlab.lib.pdfencrypt import StandardEncryption

    return _pdf(["The ORR was 45%."], encrypt=StandardEncryption(user, ownerPassword=owner, canModify=0))


def _zero_pages() -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    canvas.Canvas(buffer).save()
    return buffer.getvalue()


def number_soup(size: int, seed: int = 8) -> str:
    """One line of numbers, percents, CIs, dashes and endpoint words: looks like data, is not."""
    rng = random.Random(seed)
    parts = ["12", "(95%", "CI", "3.4-5.6)", "%", "vs", "n=12", "0.5", "≥3", "months", "HR", "(", ")",
             "-", ";", "p<0.001", "ORR", "PFS", "grade", "1·2", "–", "NR"]
    out, total = [], 0
    while total < size:
        piece = rng.choice(parts) + " "
        out.append(piece)
        total += len(piece.encode("utf-8"))
    return "".join(out).encode("utf-8")[:size].decode("utf-8", "ignore").rstrip() + "\n"


@dataclass(frozen=True)
class BadDocument:
    """A generated input file and the error code a run must give it (None: it must be extracted)."""

    name: str
    how: str
    build: Callable[[], bytes]
    code: str | None


BAD_DOCUMENTS = [
    BadDocument("empty.txt", "0 bytes", lambda: b"", "empty"),
    BadDocument("whitespace.txt", "spaces, tabs and newlines only", lambda: b" \n\t  \r\n \n", "empty"),
    BadDocument("latin1.txt", "latin-1 bytes ('Réponse globale 45%')",
                lambda: "Réponse globale 45%".encode("latin-1"), "encoding"),
    BadDocument("utf16_bom.txt", "UTF-16 with BOM", lambda: "The ORR was 45%.".encode("utf-16"), "encoding"),
    BadDocument("binary.txt", "random bytes named .txt", lambda: random.Random(1).randbytes(4096), "encoding"),
    BadDocument("pdf_named.txt", "a real PDF named .txt", lambda: _pdf(["The ORR was 45%."]), "encoding"),
    BadDocument("number_soup_10mb.txt", "10 MB single line of number soup", lambda: number_soup(10_000_000).encode(),
                "too_large"),
    BadDocument("number_soup_1_5mb.txt", "1.5 MB single line of number soup (under the size limit)",
                lambda: number_soup(1_500_000).encode(), "timeout"),
    BadDocument("corrupt.pdf", "'%PDF-1.4' then garbage", lambda: b"%PDF-1.4\n" + bytes(range(256)) * 8, "corrupt"),
    BadDocument("truncated.pdf", "first half of a good PDF", lambda: _pdf(["The ORR was 45%."])[:600], "corrupt"),
    BadDocument("not_a_pdf.pdf", "plain words named .pdf", lambda: b"just some words\n" * 20, "corrupt"),
    BadDocument("user_password.pdf", "encrypted, user password 'u'", lambda: _encrypted("u", "o"), "encrypted"),
    BadDocument("owner_password_only.pdf", "encrypted, owner password only",
                lambda: _encrypted("", "o"), None),
    BadDocument("image_only.pdf", "two pages of drawn rectangles, no text", lambda: _pdf(None, pages=2),
                "no_text_layer"),
    BadDocument("zero_pages.pdf", "a valid PDF with an empty page tree", _zero_pages, "empty"),
    BadDocument("slides.docx", "unsupported extension", lambda: b"PK\x03\x04 not really a docx", "unsupported"),
    BadDocument("no_suffix", "no extension at all", lambda: b"The ORR was 45%.", "unsupported"),
    BadDocument("good.txt", "a good text document (control)", lambda: b"The ORR was 45%. Median PFS was 8.3 months.",
                None),
    BadDocument("good_bom_crlf.txt", "UTF-8 with BOM and CRLF line ends (control)",
                lambda: "\ufeffThe ORR was 45%.\r\nMedian OS was 20.1 months.\r\n".encode("utf-8"), None),
    BadDocument("good_pdf.pdf", "a good PDF (control)", lambda: _pdf(["The ORR was 45%."]), None),
]


def write_bad_documents(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for bad in BAD_DOCUMENTS:
        (folder / bad.name).write_bytes(bad.build())


def run_cli(*args) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "extract", *map(str, args)], capture_output=True, text=True,
                          env=env, cwd=ROOT)


def _stem(name: str) -> str:
    return Path(name).stem


def bad_document_rows() -> tuple[list[str], bool]:
    import pandas as pd

    from extract.tables import CSV_ENCODING, read_endpoints

    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        raw, out = Path(tmp) / "raw", Path(tmp) / "out"
        write_bad_documents(raw)
        started = time.perf_counter()
        plain = run_cli("run", raw, "--out", out, "-q", "--time-budget", BAD_RUN_BUDGET_S)
        strict = run_cli("run", raw, "--out", Path(tmp) / "out2", "-q", "--time-budget", BAD_RUN_BUDGET_S,
                         "--fail-on-error")
        print(f"bad-documents run: {time.perf_counter() - started:.1f} s for two runs", file=sys.stderr)
        errors = pd.read_csv(out / "errors.csv", encoding=CSV_ENCODING, dtype=str).set_index("doc_id")
        endpoints = read_endpoints(out / "endpoints.parquet")
        rows = []
        for bad in BAD_DOCUMENTS:
            doc_id = _stem(bad.name)
            if doc_id in errors.index:
                code, reason = errors.loc[doc_id, "code"], errors.loc[doc_id, "reason"]
                source = errors.loc[doc_id, "source"]
                named = reason.startswith(f"{source}: ") and source.endswith(bad.name)
                reason = reason.removeprefix(f"{source}: ")
                happened = f"error row `{code}`: {reason}"
                ok &= code == bad.code and named
            else:
                found = endpoints[endpoints["doc_id"] == doc_id]
                values = ", ".join(f"{r.endpoint} {r.value:g}" for r in found.itertuples())
                happened = f"read and extracted: {len(found)} records ({values})"
                ok &= bad.code is None and len(found) > 0
            rows.append(f"| `{bad.name}` | {bad.how} | {happened} |")
        rows.append(f"| the whole folder | `python -m extract run DIR --out OUT --time-budget {BAD_RUN_BUDGET_S:g}` | "
                    f"exit status {plain.returncode}; with `--fail-on-error` exit status {strict.returncode}; "
                    f"the tables hold every readable document |")
        ok &= plain.returncode == 0 and strict.returncode == 3
    return rows, ok


# --- pathological text --------------------------------------------------------------------------

N = 100_000
PATHOLOGICAL: dict[str, tuple[str, Callable[[], str]]] = {
    "digits": ("100k '1'", lambda: "1" * N),
    "spaces": ("'ORR' + 100k spaces + '45%'", lambda: "ORR " + " " * N + "45%"),
    "open parentheses": ("100k '('", lambda: "(" * N),
    "nested parentheses": ("50k '(' then 50k ')'", lambda: "(" * (N // 2) + ")" * (N // 2)),
    "dashes": ("100k '-'", lambda: "-" * N),
    "digit-dash": ("'1-' x 50k", lambda: "1-" * (N // 2)),
    "percent signs": ("100k '%'", lambda: "%" * N),
    "percent values": ("'1% ' x 33k", lambda: "1% " * (N // 3)),
    "CI fragments": ("'(95% CI ' x 12.5k, never closed", lambda: "(95% CI " * (N // 8)),
    "CI with open range": ("'(95% CI 1.2-' x 8k", lambda: "(95% CI 1.2-" * (N // 12)),
    "CI dash chain": ("'(95% CI ' + '1-' x 50k", lambda: "(95% CI " + "1-" * (N // 2)),
    "HR soup": ("'HR 0.5 (95% CI 0.4' x 5.5k", lambda: "HR 0.5 (95% CI 0.4" * (N // 18)),
    "grades": ("'grade ≥3 ' x 11k", lambda: "grade ≥3 " * (N // 9)),
    "grade chain": ("'grade 3' + '/4' x 50k", lambda: "grade 3" + "/4" * (N // 2)),
    "versus chain": ("'1' + ' vs 1' x 20k + ' x'", lambda: "1" + " vs 1" * (N // 5) + " x"),
    "and chain with unit": ("'1' + ' and 1' x 16k + ' months'", lambda: "1" + " and 1" * (N // 6) + " months"),
    "percent list": ("'1' + ', 1' x 33k + '%'", lambda: "1" + ", 1" * (N // 3) + "%"),
    "p-value chain": ("'p' + '=0.0' x 25k", lambda: "p" + "=0.0" * (N // 4)),
    "citation never closed": ("'[1' + ',1' x 50k", lambda: "[1" + ",1" * (N // 2)),
    "ECOG list": ("'ECOG 1' + ',1' x 50k", lambda: "ECOG 1" + ",1" * (N // 2)),
    "range never closed": ("'(range ' + '1-' x 50k", lambda: "(range " + "1-" * (N // 2)),
    "table row": ("'ORR  ' + '12 (5)  ' x 12.5k on one line", lambda: "ORR  " + "12 (5)  " * (N // 8)),
    "header row": ("'Drug (n=12)  ' x 7.7k on one line", lambda: "Endpoint  " + "Drug (n=12)  " * (N // 13)),
    "table lines": ("'ORR  45%  50%\\nCR  10%  12%\\n' x 3.8k", lambda: "ORR  45%  50%\nCR  10%  12%\n" * (N // 26)),
    "endpoint words": ("'ORR PFS OS CR ' x 7k", lambda: "ORR PFS OS CR " * (N // 14)),
    "numbers on lines": ("'1\\n' x 50k", lambda: "1\n" * (N // 2)),
    "number soup": ("100 kB of number soup, one line", lambda: number_soup(N)),
    "random unicode": ("100k random code points below U+3000 (seeded)", lambda: _random_unicode(N)),
    "one long list sentence": ("'ORR 45%, ' x 11k", lambda: "ORR 45%, " * (N // 9)),
    "adverse-event list": ("'Adverse events: nausea 10%, rash 5%, fatigue 3%, ' x 2k",
                           lambda: "Adverse events: nausea 10%, rash 5%, fatigue 3%, " * (N // 50)),
    "graded table lines": ("'Grade ≥3 CRS  10%  12%\\n' x 4.3k", lambda: "Grade ≥3 CRS  10%  12%\n" * (N // 23)),
}


def _random_unicode(size: int) -> str:
    rng = random.Random(3)
    return "".join(chr(rng.randrange(32, 0x3000)) for _ in range(size))


def pathological_rows() -> tuple[list[str], bool]:
    from extract.budget import BudgetExceeded, time_budget
    from extract.documents import from_text
    from extract.pipeline import extract_records
    from extract.records import EndpointRecord

    extract_records(from_text("The ORR was 45%.", "warm-up"))
    ok, rows = True, []
    for name, (how, build) in PATHOLOGICAL.items():
        text = build()
        started = time.perf_counter()
        try:
            with time_budget(TEXT_BUDGET_S):
                result = extract_records(from_text(text, "pathological"))
        except BudgetExceeded:
            rows.append(f"| {name} | {how} | STALLED: over {TEXT_BUDGET_S:g} s |")
            ok = False
            continue
        except Exception as exc:  # the table exists to show these
            rows.append(f"| {name} | {how} | CRASHED: {type(exc).__name__} |")
            ok = False
            continue
        seconds = time.perf_counter() - started
        print(f"{name}: {len(text):,} characters in {seconds:.2f} s", file=sys.stderr)
        bad = sum(text[r.start:r.end] != r.evidence for r in result.records)
        bad += sum(EndpointRecord.model_validate(r.model_dump()) != r for r in result.records)
        ok &= bad == 0
        verdict = "all valid and verbatim" if not bad else f"{bad} INVALID OR NOT VERBATIM"
        rows.append(f"| {name} | {how} | finished; {len(result.records)} records, "
                    f"{len(result.rejections)} rejected; {verdict} |")
    return rows, ok


# --- faults tried by the tests ------------------------------------------------------------------

def test_rows() -> list[str]:
    """One row per test in the fault-test modules: its name and the first paragraph of its docstring."""
    rows = []
    for module in TESTS_BEHIND_THE_TABLE:
        path = ROOT / "tests" / module
        if not path.exists():
            continue
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"):
                doc = (ast.get_docstring(node) or node.name.removeprefix("test_").replace("_", " ")).split("\n\n")[0]
                rows.append(f"| `{module}::{node.name}` | {' '.join(doc.split())} |")
    return rows


def render() -> tuple[str, bool]:
    bad, bad_ok = bad_document_rows()
    text, text_ok = pathological_rows()
    parts = [
        "# Inputs and faults tried, and what happened",
        "",
        "Generated by `scripts/fault_table.py --write`; `tests/test_fault_table.py` regenerates it in CI and",
        "fails when it is out of date or when any input misbehaves. Paths in reasons are shown from the file name on.",
        "",
        "## Bad documents (one run over a folder holding all of them)",
        "",
        "| file | what it is | what happened |",
        "|---|---|---|",
        *bad,
        "",
        "Exit status: a run with unreadable documents still exits 0 and writes every readable document;",
        "`--fail-on-error` makes it exit 3. A run whose tables cannot be written exits 1 (see below).",
        "",
        f"## Pathological text (each through `extract_records`; over {TEXT_BUDGET_S:g} s would count as a stall)",
        "",
        "| input | how | what happened |",
        "|---|---|---|",
        *text,
        "",
        "## Corpus sweep",
        "",
        "`scripts/sweep.py` over all 4,343 abstracts and 469 full texts of `../shared/corpus` prints crashes,",
        "invalid records and non-verbatim evidence (0, 0 and 0); its last output is in `docs/sweep.txt`.",
        "",
        "## Faults, property tests and safety (tried by tests that run in CI)",
        "",
        "| test | what it tries and asserts |",
        "|---|---|",
        *test_rows(),
        "",
    ]
    return "\n".join(parts), bad_ok and text_ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--write", action="store_true", help=f"rewrite {DOC.relative_to(ROOT)}")
    group.add_argument("--check", action="store_true", help=f"exit 1 when {DOC.relative_to(ROOT)} is out of date")
    args = parser.parse_args()
    table, ok = render()
    if args.write:
        DOC.parent.mkdir(exist_ok=True)
        DOC.write_text(table, encoding="utf-8")
    elif args.check:
        current = DOC.read_text(encoding="utf-8") if DOC.exists() else ""
        if current != table:
            diff = difflib.unified_diff(current.splitlines(), table.splitlines(), "docs/faults.md", "now", lineterm="")
            print("\n".join(diff), file=sys.stderr)
            print(f"{DOC.relative_to(ROOT)} is out of date; run scripts/fault_table.py --write", file=sys.stderr)
            ok = False
    else:
        print(table)
    if not ok:
        print("some input or fault did not behave; see the table", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
