"""Take docs/review.png: the review page of a seed document after a short review session.

    .venv/bin/python scripts/review_screenshot.py [--out docs/review.png]

Runs the extractor over raw/ into a temporary folder, records a few decisions through the page
(accept, reject, edit, add by selecting evidence) in headless Chromium, and saves a screenshot. Prints
how long each step took.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from review_server import browser_page, running_app, select_text  # noqa: E402

from extract.runner import run_directory  # noqa: E402

DOC = "000_84ca8e7f984b772b"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "review.png")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "curated"
        t = time.perf_counter()
        run_directory(ROOT / "raw", out)
        print(f"extract run: {time.perf_counter() - t:.2f} s")
        import pandas as pd

        rows = pd.read_parquet(out / "endpoints.parquet")
        mine = rows[rows["doc_id"] == DOC]
        os_id = mine.loc[mine["endpoint"] == "OS", "record_id"].iloc[0]
        cr_id = mine.loc[mine["endpoint"] == "CR", "record_id"].iloc[0]
        dlt_id = mine.loc[mine["endpoint"] == "DLT", "record_id"].iloc[0]
        with running_app(out, reviewer="curator") as url, browser_page(1600, 1000) as page:
            t = time.perf_counter()
            page.goto(f"{url}/doc/{DOC}")
            print(f"page load: {time.perf_counter() - t:.2f} s")
            t = time.perf_counter()
            with page.expect_navigation():
                page.locator(f"#row-{os_id} button[data-act=accept]").click()
            row = page.locator(f"#row-{cr_id}")
            row.locator("button[data-act=reject]").click()
            row.locator("input.reason").fill("restated from the 2019 report")
            with page.expect_navigation():
                row.locator("button[data-act=reject-go]").click()
            page.locator(f"#row-{dlt_id} button[data-act=edit]").click()
            page.locator(f"#edit-{dlt_id} input[data-field=n]").fill("34")
            with page.expect_navigation():
                page.locator(f"#edit-{dlt_id} button[data-act=save]").click()
            select_text(page, "Safety outcomes")
            form = page.locator("#add-form")
            for name, value in {"endpoint": "TEAE", "stat": "rate", "value": "12", "unit": "%", "grade": ">=3"}.items():
                form.locator(f"input[name={name}]").fill(value)
            with page.expect_navigation():
                form.locator("button[type=submit]").click()
            print(f"four decisions through the page: {time.perf_counter() - t:.2f} s")
            page.evaluate("window.scrollTo(0, 0)")
            args.out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(args.out), full_page=False)
        print(f"screenshot -> {args.out}")
        print((out / "corrections.csv").read_text(encoding="utf-8-sig"))


if __name__ == "__main__":
    main()
