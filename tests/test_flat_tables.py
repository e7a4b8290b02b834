"""Adverse-event tables flattened into running text (PubMed Central full texts, some PDF text)."""
from __future__ import annotations

from extract.documents import from_text
from extract.pipeline import extract_records


def _records(text: str):
    return extract_records(from_text(text, "doc")).records


def _table(records):
    return {(r.endpoint, r.arm, r.grade, r.stat, r.value, r.count, r.n) for r in records if r.rule.startswith("row-flat")}


def test_count_and_percent_as_two_numbers_under_number_percent():
    text = ("Nausea was the most frequent event. Table 3 Treatment-emergent adverse events Adverse event "
            "Velcorib arm ( N = 40) Control arm ( N = 38) Any grade Grade 3-4 Any grade Grade 3-4 "
            "n % n % n % n % Nausea 20 50 2 5 10 26 0 0 Rash 8 20 1 2.5 4 11 0 0 Abbreviations: n, number.")
    found = _table(_records(text))
    assert ("OTHER_AE:nausea", "Velcorib arm", "any", "rate", 50.0, 20, 40) in found
    assert ("OTHER_AE:nausea", "Velcorib arm", "3-4", "rate", 5.0, 2, 40) in found
    assert ("OTHER_AE:rash", "Control arm", "any", "rate", 11.0, 4, 38) in found
    assert ("OTHER_AE:rash", "Control arm", "3-4", "rate", 0.0, 0, 38) in found
    assert len(found) == 8


def test_count_with_percent_in_brackets_three_arms_section_heading_and_p_column():
    text = ("Table 4 Grade 3 or 4 toxicities Toxicity No. (%) Low dose (n = 20) High dose (n = 20) Observation (n = 10) P "
            "Hematologic Neutropenia 4 (20) 9 (45) 0 .02 Thrombocytopenia 2 (10) 3 (15) 1 (10) .81 "
            "Non-hematologic Mucositis 1 (5) 6 (30) 0 0.04")
    found = _table(_records(text))
    assert ("NEUTROPENIA", "High dose", "3-4", "rate", 45.0, 9, 20) in found
    assert ("NEUTROPENIA", "Observation", "3-4", "rate", 0.0, 0, 10) in found
    assert ("THROMBOCYTOPENIA", "Observation", "3-4", "rate", 10.0, 1, 10) in found
    assert ("OTHER_AE:mucositis", "Low dose", "3-4", "rate", 5.0, 1, 20) in found
    assert not any(code.startswith("OTHER_AE:hematologic") or code.startswith("OTHER_AE:non") for code, *_ in found)


def test_counts_only_under_grade_columns_of_a_single_arm_study():
    text = ("Table 2 Grade 3 and 4 toxicities seen in more than 10% of patients Toxicity Grade 3 Grade 4 "
            "Anaemia 6 2 Hypokalaemia 5 - Diarrhoea 3 1")
    found = _table(_records(text))
    assert ("ANEMIA", None, "3", "count", 6.0, None, None) in found
    assert ("ANEMIA", None, "4", "count", 2.0, None, None) in found
    assert ("OTHER_AE:hypokalaemia", None, "3", "count", 5.0, None, None) in found
    assert not any(code == "OTHER_AE:hypokalaemia" and grade == "4" for code, _, grade, *_ in found)


def test_a_grade_in_the_row_label_and_an_any_row():
    text = ("Table 2 Overview of adverse events Placebo (N=50) Zentarib 20 mg (N=50) Any AEs 30 (60.0%) 41 (82.0%) "
            ">=Grade 3 AEs 5 (10.0%) 12 (24.0%) Serious AEs 2 (4.0%) 6 (12.0%)")
    found = _table(_records(text))
    assert ("TEAE", "Zentarib 20 mg", "any", "rate", 82.0, 41, 50) in found
    assert ("TEAE", "Placebo", ">=3", "rate", 10.0, 5, 50) in found


def test_a_table_reference_in_prose_is_not_a_table():
    text = ("Table 3 summarizes grade 3-4 laboratory abnormalities: decreased neutrophil count 9% (Velcorib) and 38% "
            "(docetaxel); febrile neutropenia occurred in 0.3 and 10 percent.")
    assert not _table(_records(text))


def test_a_baseline_table_is_not_read():
    text = ("Table 1 Baseline characteristics Characteristic Arm A (n = 50) Arm B (n = 50) n (%) n (%) "
            "Male 30 (60) 28 (56) ECOG 0 20 (40) 22 (44) Smokers 10 (20) 12 (24)")
    assert not _table(_records(text))


def test_percentages_that_do_not_fit_the_arm_sizes_mean_a_misread_layout():
    text = ("Table 3 Adverse events Arm A ( N = 40) Arm B ( N = 40) All Grade 3 All Grade 3 Number % Number % "
            "Number % Number % Nausea 20 80 2 60 10 70 1 90 Rash 8 95 1 75 4 85 0 35")
    assert not _table(_records(text))


def test_a_single_column_of_numbers_is_not_read():
    text = "Table 2 Adverse events Patients (n = 30) Nausea 10 Rash 4 Fatigue 8"
    assert not _table(_records(text))


def test_a_sentence_that_names_the_columns_with_their_sizes_opens_a_table():
    text = ("Toxicity was manageable. Figures are patients (%) with grade 3 or 4 events in the ravotinib group "
            "(n = 50) and then in the placebo group (n = 25). Fatigue 10 (20) 2 (8) Stomatitis 4 (8) 0. "
            "Median PFS was 5.1 months.")
    found = _table(_records(text))
    assert ("OTHER_AE:fatigue", "ravotinib group", "3-4", "rate", 20.0, 10, 50) in found
    assert ("OTHER_AE:stomatitis", "placebo group", "3-4", "rate", 0.0, 0, 25) in found
    assert len(found) == 4


def test_prose_after_a_sentence_with_two_group_sizes_is_not_a_table():
    text = ("Patients were assigned to ravotinib (n = 50) or placebo (n = 25). Median PFS was 5.1 vs 3.2 months "
            "and ORR 40% vs 12%.")
    assert not _table(_records(text))


def test_percent_cells_under_a_grade_pair_per_arm():
    text = ("Table 3 Treatment-emergent adverse events XA (N = 120) XB (N = 118) Any grade Grade >=3 Any grade Grade >=3 "
            "Neutropenia 55% 40% 60% 44% Anaemia 41% 12% 47% 15%")
    found = _table(_records(text))
    assert ("NEUTROPENIA", "XA", ">=3", "rate", 40.0, None, 120) in found
    assert ("ANEMIA", "XB", "any", "rate", 47.0, None, 118) in found
    assert len(found) == 8


def test_grade_columns_of_a_single_arm_with_a_total():
    text = ("Table 2 Adverse events of special interest (N = 40), n (%) Grade 1-2 Grade 3 Grade 4 Total "
            "Cytokine release syndrome 30 (75.0) 3 (7.5) 1 (2.5) 34 (85.0) ICANS 8 (20.0) 2 (5.0) 0 10 (25.0)")
    found = _table(_records(text))
    assert ("CRS", None, "1-2", "rate", 75.0, 30, 40) in found
    assert ("CRS", None, "any", "rate", 85.0, 34, 40) in found
    assert ("ICANS", None, "4", "rate", 0.0, 0, 40) in found
    assert len(found) == 8


def test_a_response_table_gives_its_response_rows_only():
    text = ("Table 2 Best overall response by central review, n (%) Zeltamab (n = 100) Placebo (n = 50) P value "
            "Complete response 20 (20.0) 2 (4.0) <0.001 Partial response 35 (35.0) 10 (20.0) 0.06 Stable disease "
            "30 (30.0) 25 (50.0) Objective responsea 55 (55.0) 12 (24.0) <0.001 aComplete or partial response.")
    found = _table(_records(text))
    assert ("CR", "Zeltamab", None, "rate", 20.0, 20, 100) in found
    assert ("ORR", "Placebo", None, "rate", 24.0, 12, 50) in found
    assert len(found) == 6  # stable disease is no endpoint
