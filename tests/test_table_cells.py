"""Every cell form a table prints, every header form and every multi-line layout, one small table each."""
from __future__ import annotations

import pytest

from conftest import records_of
from extract import layout
from extract.documents import from_text
from extract.rows import parse_header
from extract.segment import lines

HEADER = "Efficacy              Drugamab (n=120)     Placebo (n=118)\n"


def got(text, *keys):
    return sorted(tuple(r[k] for k in keys) for r in records_of(text))


# --- cells ------------------------------------------------------------------------------------------

CELLS = [
    ("ORR, n (%)            96 (80.0)            40 (33.9)", ("endpoint", "value", "count", "arm"),
     [("ORR", 33.9, 40, "Placebo"), ("ORR", 80.0, 96, "Drugamab")]),
    ("ORR, % (n)            80.0 (96)            33.9 (40)", ("endpoint", "value", "count", "arm"),
     [("ORR", 33.9, 40, "Placebo"), ("ORR", 80.0, 96, "Drugamab")]),
    ("Median PFS, mo (95% CI)  11.2 (9.1–13.0)   5.4 (4.2–6.3)", ("stat", "value", "ci_low", "ci_high", "unit"),
     [("median", 5.4, 4.2, 6.3, "months"), ("median", 11.2, 9.1, 13.0, "months")]),
    ("Median PFS, mo (range)   11.2 (0.5–30.1)   5.4 (0.3–22.0)", ("value", "ci_low", "ci_high"),
     [(5.4, 0.3, 22.0), (11.2, 0.5, 30.1)]),
    ("Median DOR, mo (range)   62.2 (12.9, NE)   9.0 (3.1, 20.2)", ("value", "ci_low", "ci_high"),
     [(9.0, 3.1, 20.2), (62.2, 12.9, None)]),
    ("Median OS, mo         NR                   not estimable", ("arm", "not_reached", "value"),
     [("Drugamab", True, None)]),
    ("Median OS, mo         NE                   14.1", ("arm", "value"), [("Placebo", 14.1)]),
    ("Median EFS, mo        NA                   6.2", ("arm", "value"), [("Placebo", 6.2)]),
    ("Median PFS, days      123                  68", ("unit", "value"), [("days", 68.0), ("days", 123.0)]),
    ("Median TTR, weeks     8.1                  9.4", ("endpoint", "unit", "value"), [("TTR", "weeks", 8.1), ("TTR", "weeks", 9.4)]),
    ("ORR (CR), %           83 (58)              53 (39)", ("endpoint", "value", "arm"),
     [("CR", 39.0, "Placebo"), ("CR", 58.0, "Drugamab"), ("ORR", 53.0, "Placebo"), ("ORR", 83.0, "Drugamab")]),
    ("12-month OS rate, %   72.4                 61.9", ("stat", "timepoint_months", "value"),
     [("landmark", 12.0, 61.9), ("landmark", 12.0, 72.4)]),
    ("CRS, grade ≥3, n (%)  4 (3.3)              0", ("grade", "value", "arm"), [(">=3", 0.0, "Placebo"), (">=3", 3.3, "Drugamab")]),
]


@pytest.mark.parametrize("row,keys,expected", CELLS, ids=[c[0].split("  ")[0] for c in CELLS])
def test_cell_forms(row, keys, expected):
    assert got(HEADER + row + "\n", *keys) == expected


def test_p_value_column_and_hr_column():
    text = ("Survival              Drugamab   Placebo   HR (95% CI)        p\n"
            "Median PFS, mo        11.2       5.4       0.49 (0.38–0.63)   <0.001\n")
    found = records_of(HEADER + "\n" + text)
    hr = [r for r in found if r["stat"] == "hr"]
    assert [(r["value"], r["ci_low"], r["ci_high"], r["p_value"], r["arm"]) for r in hr] == [
        (0.49, 0.38, 0.63, "<0.001", "Drugamab vs Placebo")]
    assert {r["p_value"] for r in found if r["stat"] == "median"} == {"<0.001"}
    assert {(r["arm"], r["n"]) for r in found if r["stat"] == "median"} == {("Drugamab", 120), ("Placebo", 118)}


def test_blank_cell_is_read_by_column_position():
    text = ("Population            Drugamab (n=120)   Placebo (n=118)   HR (95% CI)        p\n"
            "ORR, %                31.5               18.0                                 0.002\n")
    found = records_of(text)
    assert sorted((r["arm"], r["value"], r["p_value"]) for r in found) == [
        ("Drugamab", 31.5, "0.002"), ("Placebo", 18.0, "0.002")]


def test_hr_row_under_its_median_row_takes_that_endpoint():
    text = HEADER + ("Median OS, mo (95% CI)   20.6 (17.1–24.3)   15.2 (13.0–17.6)\n"
                     "Hazard ratio (95% CI)    0.71 (0.58–0.86)\n")
    hr = [r for r in records_of(text) if r["stat"] == "hr"]
    assert [(r["endpoint"], r["value"], r["arm"]) for r in hr] == [("OS", 0.71, "Drugamab vs Placebo")]


def test_hr_row_without_a_survival_row_above_is_not_a_value():
    text = HEADER + "ORR, %                   31.5               18.0\nHR (95% CI)              0.71 (0.58–0.86)\n"
    assert [r for r in records_of(text) if r["stat"] == "hr" or r["value"] == 0.71] == []


# --- headers ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("line,names,sizes", [
    ("Outcome   Axicel (n=180)   SoC (n=179)   p", ["Axicel", "SoC"], [180, 179]),
    ("Efficacy      Relvalutamide N = 329     Placebo N = 327", ["Relvalutamide", "Placebo"], [329, 327]),
    ("Endpoint                Arm A | Arm B", ["Arm A", "Arm B"], [None, None]),
    ("Cabozantinib (N=330) Everolimus (N=328)", ["Cabozantinib", "Everolimus"], [330, 328]),
    ("Outcome | Kovatamab-Pd (n=152) | Kovatamab-d (n=149) | Pd (n=151)", ["Kovatamab-Pd", "Kovatamab-d", "Pd"],
     [152, 149, 151]),
])
def test_header_forms(line, names, sizes):
    header = parse_header(line, [], None)
    assert [c.name for c in header.arms] == names and [c.n for c in header.arms] == sizes


def test_header_split_over_lines_is_merged_by_column():
    text = ("                   Tivamerib +      Sorafenib\n"
            "                   Durvelimab       (n=208)\n"
            "                   (n=210)\n")
    cells = layout.merge_columns(lines(text))
    assert cells == ["Tivamerib + Durvelimab (n=210)", "Sorafenib (n=208)"]
    header = layout.header_from_cells(cells)
    assert [(c.name, c.n) for c in header.arms] == [("Tivamerib + Durvelimab", 210), ("Sorafenib", 208)]


def test_cell_per_line_header_with_arms_then_grades():
    cells = ["Adverse event", "Drugamab", "(N=40)", "Placebo", "(N=41)", "Any grade", "Grade ≥3", "Any grade", "Grade ≥3"]
    header = layout.header_from_cells(cells)
    assert [(c.name, c.n, c.grade) for c in header.columns] == [
        ("Drugamab", 40, "any"), ("Drugamab", 40, ">=3"), ("Placebo", 41, "any"), ("Placebo", 41, ">=3")]
    assert header.safety


def test_cell_per_line_header_with_a_label_cell_between_arms_and_grades():
    cells = ["Drugamab", "Placebo", "Event", "Any grade", "Grade ≥3", "Any grade", "Grade ≥3"]
    header = layout.header_from_cells(cells)
    assert [(c.name, c.grade) for c in header.columns] == [
        ("Drugamab", "any"), ("Drugamab", ">=3"), ("Placebo", "any"), ("Placebo", ">=3")]


@pytest.mark.parametrize("cells", [
    ["The patients", "were randomised", "to two arms"],       # prose split over lines is no header
    ["Drugamab", "Grade ≥3", "Placebo"],                       # grades must come after every arm
    ["Drugamab", "All grades", "Grade 3-4", "Placebo"],        # an arm after the grades
    ["Outcome", "NR", "NE"],                                    # values, not arm names
])
def test_not_headers(cells):
    header = layout.header_from_cells(cells)
    assert header is None or len(header.arms) < 2 or not all(c.grade for c in header.arms)


# --- layouts ----------------------------------------------------------------------------------------

CELL_PER_LINE = """Endpoint
Drugamab
(N=120)
Placebo
(N=118)
ORR, n (%)
96 (80.0)
40 (33.9)
Median PFS, months (95% CI)
NR (22.4–NE)
9.2 (7.0–11.5)
"""


def test_cell_per_line_rows_are_joined_and_evidence_stays_verbatim():
    found = records_of(CELL_PER_LINE)
    assert sorted((r["endpoint"], r["arm"], r["value"], r["n"]) for r in found if not r["not_reached"]) == [
        ("ORR", "Drugamab", 80.0, 120), ("ORR", "Placebo", 33.9, 118), ("PFS", "Placebo", 9.2, 118)]
    assert [r["arm"] for r in found if r["not_reached"]] == ["Drugamab"]
    orr = next(r for r in found if r["endpoint"] == "ORR")
    assert orr["evidence"] == "ORR, n (%)\n96 (80.0)\n40 (33.9)"
    assert CELL_PER_LINE[orr["start"]:orr["end"]] == orr["evidence"]


def test_cell_lines_without_a_header_stay_prose():
    assert records_of("Response\n45 (30)\n30 (20)\n") == []


def test_wrapped_row_label():
    text = HEADER + "Median duration of response,\n  months (95% CI)      16.8 (11.2–NE)      9.4 (6.5–13.0)\n"
    found = records_of(text)
    assert sorted((r["endpoint"], r["arm"], r["value"]) for r in found) == [
        ("DOR", "Drugamab", 16.8), ("DOR", "Placebo", 9.4)]
    assert all("\n" in r["evidence"] for r in found)


def test_two_blocks_of_the_same_arms_keep_both_values():
    text = ("                  BICR                          Investigator\n"
            "Outcome           Drugamab (n=120)  Placebo (n=118)  Drugamab (n=120)  Placebo (n=118)\n"
            "Median PFS, mo    16.4              5.5              18.1              5.4\n"
            "HR (95% CI)       0.33 (0.24-0.45)                   0.31 (0.23-0.41)\n")
    found = records_of(text)
    assert sorted((r["arm"], r["value"]) for r in found if r["stat"] == "median") == [
        ("Drugamab", 16.4), ("Drugamab", 18.1), ("Placebo", 5.4), ("Placebo", 5.5)]
    assert sorted(r["value"] for r in found if r["stat"] == "hr") == [0.31, 0.33]
    assert len({r["record_id"] for r in found}) == len(found)


def test_adverse_event_block_line_names_the_grade_of_plain_rows():
    text = HEADER + "Selected adverse events, grade ≥3, n (%)\nNausea                4 (3.3)      1 (0.8)\n"
    assert got(text, "endpoint", "grade", "value") == [("OTHER_AE:nausea", ">=3", 0.8), ("OTHER_AE:nausea", ">=3", 3.3)]


def test_table_caption_threshold_is_not_a_value():
    text = "Table 4. Adverse events in ≥10% of patients\n" + HEADER + "Anemia     41 (15.4)     43 (16.3)\n"
    assert all(r["value"] != 10 for r in records_of(text))


def test_joined_line_keeps_offsets():
    text = "a\nORR, n (%)\n96 (80.0)\n"
    doc_lines = lines(from_text(text, "x").text)
    line = layout.joined(text, doc_lines[1:])
    assert text[line.start:line.end] == "ORR, n (%)\n96 (80.0)" and line.text == "ORR, n (%) 96 (80.0)"


# --- regulatory and journal shapes ------------------------------------------------------------------

LABEL_EFFICACY = """Table 6: Efficacy Results in Patients with Previously Untreated CLL
                                   Drugtinib          Chlorambucil
                                   N=195              N=196
Progression-Free Survival
  Number of events, n (%)          35 (18)            111 (57)
  Median, months (95% CI)          NE (NE, NE)        8.3 (7.6, 10.3)
  Hazard ratio (95% CI)            0.22 (0.15, 0.32)
  p-value                          <0.0001
Overall Response Rate
  n (%)                            161 (83)           67 (34)
  95% CI                           (76, 88)           (28, 42)
"""


def test_endpoint_heading_over_sub_rows_and_event_counts_are_not_values():
    found = records_of(LABEL_EFFICACY)
    # 'NE (NE, NE)': a median not estimable, its CI open above, is a median not reached (value None)
    assert sorted(((r["endpoint"], r["stat"], r["value"], r["arm"]) for r in found), key=repr) == sorted([
        ("ORR", "rate", 34.0, "Chlorambucil"), ("ORR", "rate", 83.0, "Drugtinib"),
        ("PFS", "hr", 0.22, "Drugtinib vs Chlorambucil"), ("PFS", "median", 8.3, "Chlorambucil"),
        ("PFS", "median", None, "Drugtinib")], key=repr)
    assert {(r["arm"], r["n"]) for r in found if r["stat"] == "rate"} == {("Drugtinib", 195), ("Chlorambucil", 196)}


def test_adverse_reaction_table_with_percent_grade_headers_and_organ_class_rows():
    text = ("                          Drugtinib N=300               Placebo N=150\n"
            "Adverse Reaction          All Grades (%)  Grade 3-4 (%)  All Grades (%)  Grade 3-4 (%)\n"
            "Gastrointestinal Disorders\n"
            "Diarrhea                  45              5              20              1\n")
    assert got(text, "endpoint", "arm", "grade", "value") == [
        ("OTHER_AE:diarrhea", "Drugtinib", "3-4", 5.0), ("OTHER_AE:diarrhea", "Drugtinib", "any", 45.0),
        ("OTHER_AE:diarrhea", "Placebo", "3-4", 1.0), ("OTHER_AE:diarrhea", "Placebo", "any", 20.0)]


def test_markdown_table_rule_line_is_not_a_header():
    text = ("| Outcome | Drugamab (n=120) | Placebo (n=118) |\n|---|---|---|\n"
            "| ORR, n (%) | 96 (80) | 40 (34) |\n")
    assert got(text, "arm", "n", "value") == [("Drugamab", 120, 80.0), ("Placebo", 118, 34.0)]


def test_stratified_hazard_ratio_row_and_ci_row_under_medians():
    text = ("                                Drugamab          Placebo\n"
            "                                N = 241           N = 240\n"
            "Median PFS (months)             11.0              5.7\n"
            "95% CI                          (9.1, 13.8)       (4.6, 7.3)\n"
            "Stratified hazard ratio (95% CI)   0.47 (0.37, 0.61)\n")
    assert got(text, "stat", "value", "arm") == [("hr", 0.47, "Drugamab vs Placebo"), ("median", 5.7, "Placebo"),
                                                 ("median", 11.0, "Drugamab")]


def test_count_over_denominator_cells():
    text = HEADER + "ORR, n/N (%)          41/89 (46.1)         23/91 (25.3)\n"
    assert got(text, "arm", "value", "count", "n") == [("Drugamab", 46.1, 41, 89), ("Placebo", 25.3, 23, 91)]


def test_single_spaced_header_is_read_against_the_row_below():
    text = ("Survival Veltarinib Docetaxel HR (95% CI) P\n"
            "Median PFS, mo 5.6 3.2 0.61 (0.51-0.73) <0.001\n"
            "Median OS, mo 14.9 11.2 0.78 (0.65-0.94) 0.008\n")
    assert got(text, "endpoint", "stat", "value", "arm") == [
        ("OS", "hr", 0.78, "Veltarinib vs Docetaxel"), ("OS", "median", 11.2, "Docetaxel"),
        ("OS", "median", 14.9, "Veltarinib"), ("PFS", "hr", 0.61, "Veltarinib vs Docetaxel"),
        ("PFS", "median", 3.2, "Docetaxel"), ("PFS", "median", 5.6, "Veltarinib")]


def test_single_spaced_arm_names_join_across_plus():
    text = "Outcome Zolbetamab + CAPOX CAPOX\nORR, % 52.9 38.6\n"
    assert got(text, "arm", "value") == [("CAPOX", 38.6), ("Zolbetamab + CAPOX", 52.9)]


def test_prose_line_over_a_row_is_not_a_header():
    found = got("Patients were then randomised\nORR, % 52.9 38.6\n", "arm")
    assert all(arm is None for (arm,) in found)


def test_units_after_a_dash_in_journal_row_labels():
    text = ("End Point                         Drugamab (N=330)   Placebo (N=328)   Difference (95% CI)   P Value\n"
            "Objective response — no. (%)      139 (42.1)         97 (29.6)         12.5 (5.3 to 19.7)    <0.001\n"
            "Median duration of response — wk  38.4               27.0\n")
    assert got(text, "endpoint", "unit", "value", "p_value") == [
        ("DOR", "weeks", 27.0, None), ("DOR", "weeks", 38.4, None), ("ORR", "%", 29.6, "<0.001"), ("ORR", "%", 42.1, "<0.001")]


# --- single-spaced text (pdfplumber's extract_text) -------------------------------------------------

def test_single_spaced_arm_a_arm_b_safety_header_then_grades_line():
    text = ("Efficacy Arm A (n=355) | Arm B (n=359)\n"
            "ORR, n (%) 154 (43.4) | 117 (32.6)\n"
            "Adverse events, n (%) Arm A | Arm B\n"
            "All grades | Grade 3-4 | All grades | Grade 3-4\n"
            "Colitis 25 (7.0) | 9 (2.5) | 11 (3.1) | 4 (1.1)\n")
    assert got(text, "endpoint", "arm", "grade", "value", "n") == [
        ("ORR", "Arm A", None, 43.4, 355), ("ORR", "Arm B", None, 32.6, 359),
        ("OTHER_AE:colitis", "Arm A", "3-4", 2.5, 355), ("OTHER_AE:colitis", "Arm A", "any", 7.0, 355),
        ("OTHER_AE:colitis", "Arm B", "3-4", 1.1, 359), ("OTHER_AE:colitis", "Arm B", "any", 3.1, 359)]


def test_single_spaced_names_over_sizes_and_a_grades_line():
    text = ("Drugtinib Chlorambucil + Obinutuzumab\nN=210 N=212\n"
            "Adverse reaction, n (%) All grades Grade 3-4 All grades Grade 3-4\n"
            "Rash 45 (21.4) 3 (1.4) 20 (9.4) 0\n")
    assert got(text, "arm", "grade", "value", "n") == [
        ("Chlorambucil + Obinutuzumab", "3-4", 0.0, 212), ("Chlorambucil + Obinutuzumab", "any", 9.4, 212),
        ("Drugtinib", "3-4", 1.4, 210), ("Drugtinib", "any", 21.4, 210)]


def test_single_spaced_label_words_are_not_part_of_the_first_arm():
    text = ("Intention-to-treat population Pemvacitinib + F (n=257) Placebo + F (n=255) HR (95% CI) p\n"
            "Median PFS, mo 11.0 5.7 0.55 (0.45-0.68) <0.001\n"
            "ORR, % 31.5 18.0 0.002\n")
    assert got(text, "stat", "arm", "value", "p_value") == [
        ("hr", "Pemvacitinib + F vs Placebo + F", 0.55, "<0.001"), ("median", "Pemvacitinib + F", 11.0, "<0.001"),
        ("median", "Placebo + F", 5.7, "<0.001"), ("rate", "Pemvacitinib + F", 31.5, "0.002"),
        ("rate", "Placebo + F", 18.0, "0.002")]


def test_repeated_arm_names_without_sizes_take_the_earlier_columns():
    text = ("Efficacy Low dose (n=32) High dose (n=30)\nORR, % 69 93\n"
            "Safety Low dose High dose\nAny grade Grade ≥3 Any grade Grade ≥3\nCRS 22 (69) 1 (3) 26 (87) 4 (13)\n")
    assert got(text, "endpoint", "arm", "grade", "n", "value") == [
        ("CRS", "High dose", ">=3", 30, 13.0), ("CRS", "High dose", "any", 30, 87.0),
        ("CRS", "Low dose", ">=3", 32, 3.0), ("CRS", "Low dose", "any", 32, 69.0),
        ("ORR", "High dose", None, 30, 93.0), ("ORR", "Low dose", None, 32, 69.0)]


def test_cell_per_line_dash_is_an_empty_cell():
    text = "Adverse event\nDrugamab\n(N=40)\nPlacebo\n(N=41)\nAny grade\nGrade ≥3\nAny grade\nGrade ≥3\nNausea\n12 (30.0)\n-\n5 (12.2)\n1 (2.4)\n"
    assert got(text, "arm", "grade", "value") == [("Drugamab", "any", 30.0), ("Placebo", ">=3", 2.4), ("Placebo", "any", 12.2)]


def test_a_sentence_that_opens_with_table_n_stays_prose():
    found = records_of("Table 2 shows that the objective response rate was 45% with drugamab.\n")
    assert [(r["endpoint"], r["value"]) for r in found] == [("ORR", 45.0)]


def test_a_sentence_under_an_endpoint_heading_is_still_read():
    text = LABEL_EFFICACY.split("Overall Response Rate")[0] + "Patients in the drugtinib arm had an objective response rate of 45%.\n"
    assert ("ORR", 45.0) in [(r["endpoint"], r["value"]) for r in records_of(text)]


def test_pipe_table_rows_with_leading_bars_blank_cells_and_an_empty_label_cell():
    text = ("| Outcome | Drugamab (n=120) | Placebo (n=118) | HR (95% CI) | p |\n"
            "| 12-mo OS rate, % | 58.2 | 46.5 | | |\n"
            "| Grade ≥3 TEAEs, % | 31.5 | 18.0 | | 0.002 |\n"
            "|  | Drugamab | Placebo |\n"
            "| Median OS, mo | 20.1 | 15.2 |\n"
            "| Safety, n (%) | Drugamab | Placebo |\n"
            "| CMV reactivation | 3 (2.5) | 0 |\n")
    assert got(text, "endpoint", "stat", "arm", "value", "p_value") == [
        ("OS", "landmark", "Drugamab", 58.2, None), ("OS", "landmark", "Placebo", 46.5, None),
        ("OS", "median", "Drugamab", 20.1, None), ("OS", "median", "Placebo", 15.2, None),
        ("OTHER_AE:cmv reactivation", "rate", "Drugamab", 2.5, None), ("OTHER_AE:cmv reactivation", "rate", "Placebo", 0.0, None),
        ("TEAE", "rate", "Drugamab", 31.5, "0.002"), ("TEAE", "rate", "Placebo", 18.0, "0.002")]


def test_cell_per_line_row_with_a_label_wrapped_over_two_lines():
    text = CELL_PER_LINE + "Median duration of response,\nmonths (95% CI)\n16.8 (11.2–NE)\n9.4 (6.5–13.0)\n"
    assert got(text, "endpoint", "arm", "value") [:2] == [("DOR", "Drugamab", 16.8), ("DOR", "Placebo", 9.4)]


def test_footnote_marks_glued_to_cells():
    text = HEADER + "ORR, n (%)            96 (80.0)a           40 (33.9)\nMedian PFS, mo        11.2*                5.4†\n"
    assert got(text, "endpoint", "arm", "value") == [("ORR", "Drugamab", 80.0), ("ORR", "Placebo", 33.9),
                                                      ("PFS", "Drugamab", 11.2), ("PFS", "Placebo", 5.4)]
