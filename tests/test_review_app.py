"""The review app's HTTP answers without a browser: escaping, messages, refusals, orphans on the page."""
from __future__ import annotations

import csv
import shutil

import pytest
from fastapi.testclient import TestClient

from conftest import ROOT
from extract.review_app import create_app, highlight
from extract.runner import run_directory

DOC = "000_84ca8e7f984b772b"


@pytest.fixture
def setup(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(ROOT / "raw", raw)
    (raw / "evil.txt").write_text("<script>alert(1)</script> \"q\" & <img src=x onerror=alert(2)>\nORR was 45%.\n",
                                  encoding="utf-8")
    out = tmp_path / "out"
    run_directory(raw, out)
    return TestClient(create_app(out, reviewer="tess")), out, raw


def _first(client, doc=DOC):
    return client.get(f"/api/doc/{doc}").json()["records"][0]


def _post(client, doc=DOC, **payload):
    return client.post(f"/api/doc/{doc}/decisions", json={"reviewer": "tess", **payload})


def test_document_text_is_escaped(setup):
    client, _, _ = setup
    html = client.get("/doc/evil").text
    assert "<script>alert(1)</script>" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&lt;img src=x onerror=alert(2)&gt;" in html
    assert 'data-doc="evil"' in html


def test_highlight_keeps_every_character_and_its_offset():
    text = "ORR 45% & PFS <9> months"
    rows = [{"record_id": "a", "start": 0, "end": 7, "endpoint": "ORR", "review_status": "unreviewed"},
            {"record_id": "b", "start": 4, "end": 24, "endpoint": "PFS", "review_status": "rejected"}]
    html = highlight(text, rows, {"ORR": "#fff", "PFS": "#000"})
    for offset in (0, 4, 7):
        assert f'data-s="{offset}"' in html
    assert "&amp;" in html and "&lt;9&gt;" in html and html.count("<mark") == 3


def test_unknown_document_is_a_clear_404(setup):
    client, _, _ = setup
    page = client.get("/doc/nothing_here")
    assert page.status_code == 404 and "Unknown document" in page.text and DOC in page.text
    assert _post(client, "nothing_here", action="accept", record_id="x").status_code == 404


def test_decisions_are_validated_and_refusals_store_nothing(setup):
    client, out, _ = setup
    rid = _first(client)["record_id"]
    cases = [
        ({"action": "edit", "record_id": rid, "changes": {"value": "250"}}, 400, "outside 0-100"),
        ({"action": "reject", "record_id": rid}, 400, "needs a reason"),
        ({"action": "accept", "record_id": rid, "reviewer": ""}, 400, "reviewer"),
        ({"action": "delete", "record_id": rid}, 400, "accept, reject, edit or add"),
        ({"action": "accept", "record_id": "not-there"}, 409, "reload"),
        ({"action": "accept", "record_id": rid, "sha256": "0" * 64}, 409, "changed since this page"),
        ({"action": "accept", "record_id": rid, "surprise": 1}, 400, "bad request"),
    ]
    for payload, status, message in cases:
        response = _post(client, **payload)
        assert response.status_code == status and message in response.json()["error"], (payload, response.text)
    assert not (out / "corrections.csv").exists()
    good = _post(client, action="edit", record_id=rid, changes={"value": "55", "arm": "combo"})
    assert good.status_code == 200 and "recorded: edit value, edit arm" in good.json()["message"]
    with open(out / "corrections.csv", encoding="utf-8-sig", newline="") as fh:
        assert [(r["field"], r["new_value"], r["reviewer"]) for r in csv.DictReader(fh)] == [
            ("value", "55", "tess"), ("arm", "combo", "tess")]
    assert _first(client)["review_status"] == "edited"


def test_changed_file_and_orphans_are_shown(setup):
    client, out, raw = setup
    rid = _first(client)["record_id"]
    assert _post(client, action="reject", record_id=rid, reason="duplicate").status_code == 200
    path = raw / f"{DOC}.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("54%", "55%"), encoding="utf-8")
    page = client.get(f"/doc/{DOC}").text
    assert 'id="stale"' in page  # the file changed since the run: decisions wait for a new run
    assert _post(client, action="accept", record_id=_first(client)["record_id"]).status_code == 409
    run_directory(raw, out)
    page = client.get(f"/doc/{DOC}").text
    assert 'id="stale"' not in page and "earlier version of this document" in page
    assert f'class="orphan" data-id="{rid}"' in page
    assert "document_changed" in client.get("/").text
