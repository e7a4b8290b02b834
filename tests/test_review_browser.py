"""The review page in a real browser: headless Debian Chromium driven by Playwright.

Reject one value, edit another, add a missed one by selecting its evidence, reload, then check the
corrections log and the curated table after a run. Without Chromium the test skips on a developer
machine, but fails under CI=true: the README's test command installs Chromium, so CI must run it.
"""
from __future__ import annotations

import csv
import os
import shutil

import pandas as pd
import pytest

from conftest import ROOT
from extract.runner import run_directory
from review_server import browser_page, chromium_path, running_app, select_text

DOC = "000_84ca8e7f984b772b"
EVIL = "evil_abstract"


def _need_browser() -> None:
    ci = os.environ.get("CI", "").lower() in ("1", "true", "yes")
    if chromium_path() is None:
        if ci:
            pytest.fail("Chromium is not installed; the README's test command installs it (apt-get install chromium)")
        pytest.skip("Chromium not installed (apt-get install chromium)")
    if ci:
        import playwright.sync_api  # noqa: F401  (under CI a missing package is a failure, not a skip)
    else:
        pytest.importorskip("playwright.sync_api")


@pytest.fixture
def out(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(ROOT / "raw", raw)
    (raw / f"{EVIL}.txt").write_text('Title <script>window.hacked = 1</script> & <b>bold</b>\n'
                                     'The ORR was 45% in the trial.\n', encoding="utf-8")
    folder = tmp_path / "out"
    run_directory(raw, folder)
    return folder, raw


def _log(out) -> list[dict[str, str]]:
    with open(out / "corrections.csv", encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_review_in_the_browser(out, tmp_path):
    _need_browser()
    out, raw = out
    rows = pd.read_parquet(out / "endpoints.parquet")
    mine = rows[rows["doc_id"] == DOC].reset_index(drop=True)
    rejected = mine.loc[mine["endpoint"] == "OS", "record_id"].iloc[0]
    edited = mine.loc[mine["endpoint"] == "CR", "record_id"].iloc[0]
    with running_app(out) as url, browser_page() as page:
        # document text is escaped: the script shows as text and never runs
        page.goto(f"{url}/doc/{EVIL}")
        assert "<script>window.hacked = 1</script>" in page.inner_text("#doctext")
        assert page.evaluate("window.hacked") is None
        assert page.locator("#doctext b").count() == 0

        page.goto(f"{url}/doc/{DOC}")
        assert page.locator("#doctext mark.ev").count() >= len(mine)
        assert "median overall survival of 32.2 months" in page.locator("#doctext mark.ev").all_inner_texts()

        row = page.locator(f"#row-{rejected}")
        row.locator("button[data-act=reject]").click()
        row.locator("input.reason").fill("not this trial's value")
        with page.expect_navigation():
            row.locator("button[data-act=reject-go]").click()
        assert "recorded: reject" in page.inner_text("#message")

        page.locator(f"#row-{edited} button[data-act=edit]").click()
        page.locator(f"#edit-{edited} input[data-field=value]").fill("150")  # a rate above 100 is refused
        page.locator(f"#edit-{edited} button[data-act=save]").click()
        page.wait_for_function("document.getElementById('message').textContent.includes('outside 0-100')")
        page.locator(f"#edit-{edited} input[data-field=value]").fill("55")
        page.locator(f"#edit-{edited} input[data-field=arm]").fill("axi-cel + atezolizumab")
        with page.expect_navigation():
            page.locator(f"#edit-{edited} button[data-act=save]").click()

        select_text(page, "Safety outcomes")
        assert page.input_value("#add-evidence") == "Safety outcomes"
        form = page.locator("#add-form")
        for name, value in {"endpoint": "TEAE", "stat": "rate", "value": "12", "unit": "%", "grade": ">=3"}.items():
            form.locator(f"input[name={name}]").fill(value)
        with page.expect_navigation():
            form.locator("button[type=submit]").click()

        page.reload()
        assert "rejected" in page.locator(f"#row-{rejected}").get_attribute("class")
        assert page.locator(f"#row-{edited} td.status").inner_text() == "edited"
        assert "axi-cel + atezolizumab" in page.locator(f"#row-{edited}").inner_text()
        assert page.locator("#records tr.added").count() == 1
        assert page.locator("#doctext mark.rejected").count() >= 1

        # a record that no longer exists and an unknown document get clear messages
        status = page.evaluate("""async (doc) => (await fetch('/api/doc/' + doc + '/decisions', {method: 'POST',
            headers: {'Content-Type': 'application/json'},
            body: JSON.stringify({action: 'accept', record_id: 'gone', reviewer: 'x'})})).status""", DOC)
        assert status == 409
        response = page.goto(f"{url}/doc/no_such_document")
        assert response.status == 404 and "Unknown document" in page.inner_text("#message")

    log = _log(out)
    assert [(r["action"], r["field"]) for r in log] == [("reject", ""), ("edit", "value"), ("edit", "arm"), ("add", "record")]
    assert log[0]["reason"] == "not this trial's value" and log[0]["record_id"] == rejected
    assert log[1]["old_value"] == "54" and log[1]["new_value"] == "55" and log[1]["reviewer"] == "tester"

    run_directory(raw, out)
    table = pd.read_parquet(out / "endpoints.parquet").set_index("record_id")
    assert rejected not in table.index
    assert table.loc[edited, "value"] == 55 and table.loc[edited, "review_status"] == "edited"
    added = table[table["review_status"] == "added"]
    assert list(added["evidence"]) == ["Safety outcomes"] and list(added["source"]) == ["reviewer:tester"]
    assert len(_log(out)) == 4
