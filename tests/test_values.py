"""The value grammar, one phrasing per row."""
from __future__ import annotations

import pytest

from extract.normalize import normalize
from extract.values import find_grades, find_hazard_ratios, find_timepoints, find_values, mask_non_values


def values_in(text: str):
    t = normalize(text).text
    return find_values(t, mask_non_values(t))


@pytest.mark.parametrize("text,kind,value,unit,count,n", [
    ("ORR was 45%", "rate", 45, "%", None, None),
    ("ORR 45.5 %", "rate", 45.5, "%", None, None),
    ("responses in 27 of 60 patients (45%)", "rate", 45, "%", 27, 60),
    ("45% (27/60) responded", "rate", 45, "%", 27, 60),
    ("CR in 58 (32%) patients", "rate", 32, "%", 58, None),
    ("median PFS was 8.3 months", "time", 8.3, "months", None, None),
    ("median OS 14 mo", "time", 14, "months", None, None),
    ("median OS was 4.1 years", "time", 4.1, "years", None, None),
    ("time to response 9.0 weeks", "time", 9.0, "weeks", None, None),
    ("median EFS 210 days", "time", 210, "days", None, None),
    ("median PFS 8·3 months", "time", 8.3, "months", None, None),
    ("25.1-month median follow-up", "time", 25.1, "months", None, None),
    ("median OS was not reached", "nr", None, None, None, None),
    ("median PFS NR", "nr", None, None, None, None),
    ("Median PFS = Not reached", "nr", None, None, None, None),
    ("reported in 1 patient", "patients", 1, "patients", None, None),
])
def test_primary_values(text, kind, value, unit, count, n):
    found = values_in(text)
    assert len(found) == 1, found
    v = found[0]
    assert (v.kind, v.value, v.unit, v.count, v.n) == (kind, value, unit, count, n)


@pytest.mark.parametrize("text,low,high", [
    ("ORR 45% (95% CI, 38-52)", 38, 52),
    ("ORR 42% (95%CI 28–56)", 28, 56),
    ("ORR 65% [95% CI: 0.5; 98]", 0.5, 98),
    ("PFS 13.4 months (95% confidence interval 12.1 to 15.0)", 12.1, 15.0),
    ("DOR 14.1 months (95% CI, 8.3–NE)", 8.3, None),
    ("PFS 5.9 months (3.3-15)", 3.3, 15),
    ("PFS 3.9 months (range, 2.8–4.6)", 2.8, 4.6),
])
def test_confidence_intervals_and_ranges(text, low, high):
    v = values_in(text)[0]
    assert (v.ci_low, v.ci_high) == (low, high)


@pytest.mark.parametrize("text,value,low,high,p", [
    ("HR 0.62; 95% CI 0.49-0.78; P<.001", 0.62, 0.49, 0.78, "<.001"),
    ("hazard ratio [HR], 0.58; 95% CI, 0.46-0.73; P<.001", 0.58, 0.46, 0.73, "<.001"),
    ("HR for death, 0.70 (95% CI, 0.56 to 0.88; P = .002)", 0.70, 0.56, 0.88, ".002"),
    ("HR 0·62, 95% CI 0·49–0·78; p<0·0001", 0.62, 0.49, 0.78, "<0.0001"),
    ("HR 0.81; 95% CI, 0.67–0.98; p = 0.03", 0.81, 0.67, 0.98, "0.03"),
])
def test_hazard_ratios(text, value, low, high, p):
    hr = find_hazard_ratios(normalize(text).text)[0]
    assert (hr.value, hr.ci_low, hr.ci_high, hr.p_value) == (value, low, high, p)


def test_hazard_ratio_for_death_hints_overall_survival():
    assert find_hazard_ratios("HR for death, 0.70")[0].extras["endpoint_hint"] == "OS"
    assert find_hazard_ratios("HR for progression or death, 0.55")[0].extras["endpoint_hint"] == "PFS"


@pytest.mark.parametrize("text,grade", [
    ("grade ≥3 CRS", ">=3"), ("Grade >= 3", ">=3"), ("grade 3 or higher", ">=3"), ("grade 3 or greater", ">=3"),
    ("≥ grade 3", ">=3"), ("grade 3/4", "3-4"), ("Grade 3–4", "3-4"), ("grade 3 or 4", "3-4"), ("grades III/IV", "3-4"),
    ("gr 1-2", "1-2"), ("grade 2-4", "2-4"), ("any grade", "any"), ("all grades", "any"), ("any-grade", "any"),
    ("gr 3: 4.3%", "3"), ("3/4 grade nausea", "3-4"), ("grade 4 neutropenia", "4"), ("severe CRS", ">=3"), ("grade ≥2", ">=2"),
    ("> grade 2 neutropenia", ">=3"), ("grade > 1 nausea", ">=2"), ("moderate to severe fatigue", ">=2"),
    ("mild-to-moderate nausea", "1-2"), ("at least CTC 2 diarrhoea", ">=2"), ("at least grade 3", ">=3"),
])
def test_grades(text, grade):
    grades = find_grades(normalize(text).text)
    assert [g.value for g in grades] == [grade]


@pytest.mark.parametrize("text,months", [
    ("12-month PFS rate", 12), ("2-year OS", 24), ("12 month-PFS", 12), ("PFS at 12 months", 12),
    ("OS at 2 years", 24), ("1-year OS", 12), ("estimated 24-month EFS", 24), ("24-mo PFS", 24), ("5-year OS", 60),
])
def test_landmark_timepoints(text, months):
    assert [t.value for t in find_timepoints(normalize(text).text)] == [months]


@pytest.mark.parametrize("text", [
    "2 × 10⁶ CAR T cells/kg", "atezolizumab 1200 mg every 21 days for 4 cycles", "fludarabine 30 mg/m2 on days 1-3",
    "patients aged ≥18 years", "median age 64 years", "ECOG 0-1", "IPI score ≥ 3", "Blood 2023", "published in 2024",
    "the 95% CI excluded 1", "MTV < 225.72", "phase 1/2 study", "(minimum, 60 months)", "with nearly 5 years of follow-up",
    "doi:10.1158/1078-0432.CCR-25-0602", "every 3 weeks", "Deauville score 4 or 5",
])
def test_non_values_are_masked(text):
    assert values_in(text) == []


def test_a_lone_v_between_figures_reads_as_vs_and_maps_back():
    n = normalize("OS at 2 years was 61% v 48%; median 11.8 v. 6.3 mo, 12 months v 9 months. BRAF V600E, v2.0 v alone, arm A v 2.")
    assert n.text == "OS at 2 years was 61% vs 48%; median 11.8 vs. 6.3 mo, 12 months vs 9 months. BRAF V600E, v2.0 v alone, arm A v 2."
    assert len(n.origin) == len(n.text)
    at = n.text.index("vs 48")
    assert n.original_text(at, at + 5) == "v 48"
