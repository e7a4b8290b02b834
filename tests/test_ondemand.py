"""Arms are looked for only when a rule reads them, and the records are the same as when they are
looked for up front."""
from __future__ import annotations

from extract import pipeline
from extract.documents import from_text
from extract.ondemand import OnDemand
from extract.pipeline import extract_records


def test_the_list_is_made_once_on_first_read_and_reads_like_a_list():
    calls = []

    def make():
        calls.append(1)
        return ["a", "b", "c"]

    lazy = OnDemand(make)
    assert not lazy.made and calls == []
    assert len(lazy) == 3 and bool(lazy) and lazy[1] == "b" and lazy[-2:] == ["b", "c"]
    assert list(lazy) == ["a", "b", "c"] and list(reversed(lazy)) == ["c", "b", "a"]
    assert "c" in lazy and "z" not in lazy and lazy.index("c") == 2 and lazy == ["a", "b", "c"]
    assert tuple(x.upper() for x in lazy) == ("A", "B", "C")
    assert calls == [1] and lazy.made


def test_an_empty_list_is_falsy():
    assert not OnDemand(list)


def _arm_searches(monkeypatch) -> list[str]:
    searched: list[str] = []
    real = pipeline._find_arms

    def counting(ctx):
        searched.append(ctx.document.doc_id)
        return real(ctx)

    monkeypatch.setattr(pipeline, "_find_arms", counting)
    return searched


NO_VALUE = ("Patients were randomized to cisplatin plus pemetrexed (arm A) or cisplatin alone (arm B). "
            "Overall survival was the primary endpoint. Quality of life was assessed every 6 weeks.")
VALUES = ("Patients were randomized to cisplatin plus pemetrexed (arm A) or cisplatin alone (arm B). "
          "Median overall survival was 12.1 months in arm A and 9.3 months in arm B.")


def test_a_document_without_a_value_to_name_never_looks_for_arms(monkeypatch):
    searched = _arm_searches(monkeypatch)
    result = extract_records(from_text(NO_VALUE, "no-value"))
    assert result.records == [] and searched == []


def test_a_value_in_a_randomised_trial_still_gets_its_arm(monkeypatch):
    searched = _arm_searches(monkeypatch)
    result = extract_records(from_text(VALUES, "values"))
    assert searched == ["values"]
    assert sorted((r.value, r.arm) for r in result.records) == [(9.3, "cisplatin alone"), (12.1, "cisplatin plus pemetrexed")]


def test_a_document_whose_values_are_never_asked_for_never_looks_for_grades_or_trials(monkeypatch):
    from extract import context
    looked: list[str] = []
    for name in ("find_grades", "find_trials", "find_timepoints"):
        real = getattr(context, name)
        monkeypatch.setattr(context, name, lambda text, real=real, name=name: looked.append(name) or real(text))
    extract_records(from_text("Patients aged 60 to 75 years were enrolled at 12 centres in 2019 (KEYNOTE-189).", "none"))
    assert looked == []
    result = extract_records(from_text("In the KEYNOTE-189 trial, grade 3 neutropenia occurred in 12% of patients at 6 months.", "asked"))
    assert sorted(looked) == ["find_grades", "find_timepoints", "find_trials"]
    assert [(r.endpoint, r.grade, r.value, r.trial) for r in result.records] == [("NEUTROPENIA", "3", 12.0, "KEYNOTE-189")]


def test_a_text_with_no_endpoint_and_no_hazard_ratio_is_not_linked(monkeypatch):
    cut: list[int] = []
    real = pipeline.sentences
    monkeypatch.setattr(pipeline, "sentences", lambda text, s, e: cut.append(s) or real(text, s, e))
    assert extract_records(from_text("Mean age was 61 years. Of 120 patients, 64% were men.", "none")).records == []
    assert cut == []
    ratio = extract_records(from_text("Median OS was 12.1 vs 5.9 months. The hazard ratio for death was 0.38.", "hr"))
    assert cut and {(r.endpoint, r.stat) for r in ratio.records} >= {("OS", "hr")}
    # a hazard ratio alone, naming its endpoint, still reaches the linker
    hinted = extract_records(from_text("The hazard ratio for death was 0.81 (95% CI 0.70-0.94).", "hint"))
    assert [(r.endpoint, r.value) for r in hinted.records] == [("OS", 0.81)]
