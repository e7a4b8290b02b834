"""Review decisions survive re-runs: the log, the curated table, orphans, sheets and gold files (no browser)."""
from __future__ import annotations

import csv
import json

import pandas as pd
import pytest

from extract import corrections as log
from extract import golden
from extract.curation import build_correction, build_edits, load_view, record_decisions
from extract.documents import from_text, read_document
from extract.records import EndpointRecord, make_record_id
from extract.review_gold import NotReviewedError, to_gold
from extract.review_sheet import SheetError, apply_sheet, export_sheet
from extract.runner import run_directory

from review_fixtures import DOC, curated, log_rows, out, raw  # noqa: F401 - fixtures and helpers shared with test_concurrency


def decide_all_four(out, raw):
    """accept, reject, edit and add on the first document; returns the record ids involved."""
    view = load_view(out)
    rows = view.rows(DOC)
    accepted, rejected, edited = rows[0]["record_id"], rows[1]["record_id"], rows[2]["record_id"]
    document = read_document(raw / f"{DOC}.txt")
    evidence = "Safety outcomes"
    decisions = [
        build_correction(view, DOC, "accept", "alice", record_id=accepted),
        build_correction(view, DOC, "reject", "alice", record_id=rejected, reason="restates another value"),
        build_correction(view, DOC, "edit", "bob", record_id=edited, field="arm", new_value="combination"),
        build_correction(view, DOC, "add", "bob", document=document, record={
            "endpoint": "TEAE", "stat": "rate", "value": "12", "unit": "%", "grade": ">=3",
            "evidence": evidence, "start": document.text.index(evidence)}),
    ]
    record_decisions(out, decisions)
    return accepted, rejected, edited, decisions[-1].record_id


def test_record_id_keeps_identity_and_nothing_else():
    base = {"doc_id": "d", "endpoint": "PFS", "stat": "landmark", "grade": None, "timepoint_months": 12,
            "arm": "Axicel", "start": 40}
    same = make_record_id(base, "h1")
    assert make_record_id({**base, "value": 61.0, "rule": "other-rule", "end": 90}, "h1") == same
    assert make_record_id({**base, "timepoint_months": 12.0, "arm": " axicel "}, "h1") == same
    for change in ({"start": 41}, {"endpoint": "OS"}, {"timepoint_months": 24}, {"arm": "SoC"}, {"grade": "3"}):
        assert make_record_id({**base, **change}, "h1") != same, change
    assert make_record_id(base, "h2") != same  # the document's content is part of the identity


def test_record_ids_are_the_same_on_a_rerun(out, raw):
    first = pd.read_parquet(out / "extracted.parquet")["record_id"].tolist()
    run_directory(raw, out)
    assert pd.read_parquet(out / "extracted.parquet")["record_id"].tolist() == first


def test_round_trip_every_action_survives_two_reruns(out, raw):
    accepted, rejected, edited, added = decide_all_four(out, raw)
    after_decisions = log_rows(out)
    log_bytes = (out / "corrections.csv").read_bytes()
    for _ in range(2):
        run_directory(raw, out)
        table = curated(out).set_index("record_id")
        assert table.loc[accepted, "review_status"] == "accepted"
        assert rejected not in table.index
        assert table.loc[edited, "review_status"] == "edited" and table.loc[edited, "arm"] == "combination"
        assert table.loc[added, "review_status"] == "added"
        assert table.loc[added, "source"] == "reviewer:bob" and table.loc[added, "value"] == 12
        others = table[table["doc_id"] == DOC].drop(index=[accepted, edited, added])
        assert set(others["review_status"]) == {"unreviewed"}
        assert (out / "corrections.csv").read_bytes() == log_bytes  # runs read the log, never rewrite it
    assert [r["action"] for r in after_decisions] == ["accept", "reject", "edit", "add"]
    assert after_decisions[1]["reason"] == "restates another value"
    assert after_decisions[2]["old_value"] == "" and after_decisions[2]["new_value"] == "combination"
    assert pd.read_csv(out / "orphans.csv").empty
    # the extractor's own rows are kept apart, so the rejected value can come back
    assert rejected in set(pd.read_parquet(out / "extracted.parquet")["record_id"])


def test_latest_decision_wins_and_history_stays(out, raw):
    rid = load_view(out).rows(DOC)[0]["record_id"]
    record_decisions(out, [build_correction(load_view(out), DOC, "reject", "alice", record_id=rid, reason="wrong")])
    assert rid not in set(curated(out)["record_id"])
    record_decisions(out, [build_correction(load_view(out), DOC, "accept", "carol", record_id=rid)])
    run_directory(raw, out)
    assert curated(out).set_index("record_id").loc[rid, "review_status"] == "accepted"
    assert [r["action"] for r in log_rows(out)] == ["reject", "accept"]


@pytest.mark.parametrize("kwargs,message", [
    ({"action": "edit", "field": "value", "new_value": "150"}, "outside 0-100"),
    ({"action": "edit", "field": "value", "new_value": "abc"}, "must be a number"),
    ({"action": "edit", "field": "evidence", "new_value": "x"}, "cannot be edited"),
    ({"action": "edit", "field": "grade", "new_value": "3"}, "grade given for efficacy"),
    ({"action": "reject"}, "needs a reason"),
    ({"action": "accept", "reviewer": ""}, "reviewer"),
])
def test_bad_decisions_are_refused_and_not_stored(out, kwargs, message):
    view = load_view(out)
    rate = next(r for r in view.rows(DOC) if r["stat"] == "rate" and r["endpoint"] in ("ORR", "CR"))
    args = {"reviewer": "alice", **kwargs}
    with pytest.raises(log.CorrectionError, match=message):
        record_decisions(out, [build_correction(view, DOC, record_id=rate["record_id"], **args)])
    assert not (out / "corrections.csv").exists()


def test_stale_record_and_unknown_document_are_clear_errors(out):
    view = load_view(out)
    with pytest.raises(log.StaleRecordError, match="reload"):
        build_correction(view, DOC, "accept", "alice", record_id="0000000000000000")
    with pytest.raises(log.CorrectionError, match="unknown document"):
        build_correction(view, "no_such_doc", "accept", "alice", record_id="x")


def test_edits_of_stat_and_unit_are_checked_together(out):
    view = load_view(out)
    rate = next(r for r in view.rows(DOC) if r["stat"] == "rate" and r["endpoint"] in ("ORR", "CR"))
    with pytest.raises(log.CorrectionError, match="does not fit stat"):
        build_edits(view, DOC, "alice", rate["record_id"], {"stat": "median"})
    rows = build_edits(view, DOC, "alice", rate["record_id"], {"stat": "count", "unit": "patients"})
    assert [(r.field, r.new_value) for r in rows] == [("stat", "count"), ("unit", "patients")]


def test_changed_document_keeps_its_decisions_as_orphans(out, raw):
    accepted, rejected, edited, added = decide_all_four(out, raw)
    path = raw / f"{DOC}.txt"
    old_hash = read_document(path).sha256
    path.write_text(path.read_text(encoding="utf-8") + "\nUpdated: corrected affiliations.\n", encoding="utf-8")
    run_directory(raw, out)
    orphans = pd.read_csv(out / "orphans.csv", encoding="utf-8-sig")
    assert set(orphans["record_id"]) == {accepted, rejected, edited, added}
    assert set(orphans["kind"]) == {"document_changed"} and set(orphans["decided_hash"]) == {old_hash}
    assert dict(zip(orphans["record_id"], orphans["status"]))[rejected] == "rejected"
    table = curated(out)
    mine = table[table["doc_id"] == DOC]
    assert len(mine) and set(mine["review_status"]) == {"unreviewed"}  # fresh values, to review again
    assert len(log_rows(out)) == 4
    view = load_view(out)
    assert {o["record_id"] for o in view.orphans(DOC)} == {accepted, rejected, edited, added}


def test_decision_for_a_value_no_longer_produced_is_an_orphan(out):
    view = load_view(out)
    ghost = log.Correction(reviewer="alice", doc_id=DOC, record_id="feedfacefeedface", content_hash=view.sha256(DOC),
                           action="accept", evidence="ORR 99%")
    log.append(out / "corrections.csv", [ghost])
    with open(out / "corrections.csv", "a", encoding="utf-8") as fh:  # a curator's typo by hand
        fh.write("2026-01-01T00:00:00+00:00,bob,%s,abc,,explode,,,,,\n" % DOC)
    view = load_view(out)
    kinds = {o["record_id"]: o["kind"] for o in view.orphans(DOC)}
    assert kinds == {"feedfacefeedface": "not_produced", "abc": "invalid_row"}


def test_append_never_rewrites_old_rows(tmp_path):
    path = tmp_path / "corrections.csv"
    first = log.Correction(reviewer="a", doc_id="d", record_id="r1", action="accept")
    log.append(path, [first])
    before = path.read_bytes()
    log.append(path, [log.Correction(reviewer="b", doc_id="d", record_id="r1", action="reject", reason="no")])
    assert path.read_bytes().startswith(before)
    assert [d.action for d in log.read_log(path).decisions] == ["accept", "reject"]
    with pytest.raises(Exception):
        log.append(path, [log.Correction(reviewer="b", doc_id="d", record_id="r1", action="edit", field="value",
                                         new_value="x")])
    assert len(log.read_log(path).decisions) == 2


def test_sheet_export_and_apply(out, raw, tmp_path):
    sheet = tmp_path / "sheet.csv"
    assert export_sheet(out, DOC, sheet) > 2
    with open(sheet, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for r in rows:  # the evidence, marked, inside its context on one line
        assert "[[" + " ".join(r["evidence"].split()) + "]]" in r["context"] and "\n" not in r["context"]
    rows[0].update(decision="reject", reason="duplicate", reviewer="dana")
    rows[1].update(value=str(float(rows[1]["value"]) + 1))  # changing a cell is an edit
    rows[2].update(decision="accept")
    rows.append({**{k: "" for k in rows[0]}, "doc_id": DOC, "decision": "add", "endpoint": "TEAE", "stat": "rate",
                 "value": "7", "unit": "%", "grade": "3-4", "evidence": "Safety outcomes"})
    with open(sheet, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    with pytest.raises(SheetError, match="no reviewer"):
        apply_sheet(out, sheet)
    assert not (out / "corrections.csv").exists()  # a bad sheet records nothing
    decisions = apply_sheet(out, sheet, reviewer="erin")
    assert [d.action for d in decisions] == ["reject", "edit", "accept", "add"]
    assert [d.reviewer for d in decisions] == ["dana", "erin", "erin", "erin"]
    table = curated(out).set_index("record_id")
    assert rows[0]["record_id"] not in table.index
    assert table.loc[rows[1]["record_id"], "value"] == float(rows[1]["value"])
    assert (table["source"] == "reviewer:erin").sum() == 1


def test_to_gold_needs_a_fully_reviewed_document_then_scores_perfectly(out, raw, tmp_path):
    gold_dir = tmp_path / "golden"
    with pytest.raises(NotReviewedError, match="unreviewed"):
        to_gold(out, DOC, gold_dir)
    view = load_view(out)
    rows = view.rows(DOC)
    decisions = [build_correction(view, DOC, "reject", "alice", record_id=rows[0]["record_id"], reason="not a result")]
    decisions += [build_correction(view, DOC, "accept", "alice", record_id=r["record_id"]) for r in rows[1:]]
    record_decisions(out, decisions)
    text_path, gold_path = to_gold(out, DOC, gold_dir, kind="news")
    gold = golden.load_gold(gold_path)
    assert len(gold.records) == len(rows) - 1 and gold.kind == "news"
    assert gold.not_endpoints == [f"{rows[0]['evidence']}: not a result"]
    text = text_path.read_text(encoding="utf-8")
    fields = {"endpoint", "stat", "value", "unit", "not_reached", "timepoint_months", "grade", "count", "n",
              "ci_low", "ci_high", "p_value", "arm", "arm_aliases", "trial", "evidence"}
    for record in gold.records:
        assert set(record) == fields and record["evidence"] in text
    from extract.pipeline import extract_records

    result = extract_records(read_document(text_path))
    score = golden.score_document([r.model_dump() for r in result.records], gold)
    assert not score.missing and len(score.unexpected) == 1  # the rejected value is the one "unexpected"
    with pytest.raises(FileExistsError):
        to_gold(out, DOC, gold_dir)


def test_added_record_is_validated(out, raw):
    view = load_view(out)
    document = read_document(raw / f"{DOC}.txt")
    with pytest.raises(log.CorrectionError, match="not verbatim"):
        build_correction(view, DOC, "add", "a", document=document, record={
            "endpoint": "ORR", "stat": "rate", "value": "5", "unit": "%", "evidence": "no such words here"})
    with pytest.raises(log.CorrectionError, match="outside 0-100"):
        build_correction(view, DOC, "add", "a", document=document, record={
            "endpoint": "ORR", "stat": "rate", "value": "500", "unit": "%", "evidence": "Safety outcomes"})
    assert isinstance(EndpointRecord.model_validate(json.loads(build_correction(
        view, DOC, "add", "a", document=document, record={"endpoint": "ORR", "stat": "rate", "value": "5",
                                                         "unit": "%", "evidence": "Safety outcomes"}).new_value)),
        EndpointRecord)
    assert from_text("x", "y").sha256  # documents without files still hash their text

