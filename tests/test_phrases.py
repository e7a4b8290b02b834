"""Whole phrasings through the pipeline: what record each one gives, and traps that give none."""
from __future__ import annotations

import pytest

from conftest import records_of


def _key(r):
    return (r["endpoint"], r["stat"], r["value"], r["grade"], r["timepoint_months"], r["arm"])


@pytest.mark.parametrize("text,expected", [
    ("The ORR was 45%.", [("ORR", "rate", 45, None, None, None)]),
    ("an objective response rate of 62.1% (95% CI, 55.0-69.0)", [("ORR", "rate", 62.1, None, None, None)]),
    ("Responses occurred in 27 of 60 patients (45%).", [("ORR", "rate", 45, None, None, None)]),
    ("A complete response was achieved in 54% of patients.", [("CR", "rate", 54, None, None, None)]),
    ("The complete remission rate was 40%.", [("CR", "rate", 40, None, None, None)]),
    ("The disease control rate was 81%.", [("DCR", "rate", 81, None, None, None)]),
    ("MRD negativity was reached in 39% of patients.", [("MRD", "rate", 39, None, None, None)]),
    ("ORR and CR rates were 63.1% and 40.1%, respectively.",
     [("ORR", "rate", 63.1, None, None, None), ("CR", "rate", 40.1, None, None, None)]),
    ("PFS and OS rates at 24 months were 27.8% and 44.6%.",
     [("PFS", "landmark", 27.8, None, 24, None), ("OS", "landmark", 44.6, None, 24, None)]),
    ("Median PFS was 9 months, and median OS was 32.2 months.",
     [("PFS", "median", 9, None, None, None), ("OS", "median", 32.2, None, None, None)]),
    ("The median overall survival was 4.1 years.", [("OS", "median", 4.1, None, None, None)]),
    ("The 12-month PFS rate was 62%.", [("PFS", "landmark", 62, None, 12, None)]),
    ("OS at 18 months was 71%.", [("OS", "landmark", 71, None, 18, None)]),
    ("After a median follow-up of 25.1 months, no new signals emerged.", [("FOLLOW_UP", "median", 25.1, None, None, None)]),
    ("Median follow-up, 10.7 months.", [("FOLLOW_UP", "median", 10.7, None, None, None)]),
    ("At the median follow up of 17 (range 1–39) months, 20 had died.", [("FOLLOW_UP", "median", 17, None, None, None)]),
    ("The median duration of response was 14.3 months.", [("DOR", "median", 14.3, None, None, None)]),
    ("Grade ≥3 CRS occurred in 4% of patients.", [("CRS", "rate", 4, ">=3", None, None)]),
    ("CRS (any grade, 46%; grade ≥3, 2%) was manageable.",
     [("CRS", "rate", 46, "any", None, None), ("CRS", "rate", 2, ">=3", None, None)]),
    ("Grade 3 or higher neutropenia occurred in 31%.", [("NEUTROPENIA", "rate", 31, ">=3", None, None)]),
    ("Grade 3/4 thrombocytopenia was seen in 12%.", [("THROMBOCYTOPENIA", "rate", 12, "3-4", None, None)]),
    ("Neurotoxicity occurred in 12% of patients.", [("ICANS", "rate", 12, "any", None, None)]),
    ("The most common adverse events were pyrexia (24.8%), fatigue (24.2%) and nausea (20.1%).",
     [("OTHER_AE:pyrexia", "rate", 24.8, "any", None, None), ("OTHER_AE:fatigue", "rate", 24.2, "any", None, None),
      ("OTHER_AE:nausea", "rate", 20.1, "any", None, None)]),
    ("Dose-limiting toxicities occurred in 2 patients.", [("DLT", "count", 2, "any", None, None)]),
    ("Grade 3-4 toxicities were: neutropenia 5%, ischemic stroke 2% and acute coronary syndrome 4%.",
     [("NEUTROPENIA", "rate", 5, "3-4", None, None), ("OTHER_AE:ischemic stroke", "rate", 2, "3-4", None, None),
      ("OTHER_AE:acute coronary syndrome", "rate", 4, "3-4", None, None)]),
    ("Patients were randomized to drugamab or placebo. Median PFS was 8.3 months with drugamab versus "
     "5.6 months with placebo (HR 0.62; 95% CI 0.49-0.78; P<.001).",
     [("PFS", "median", 8.3, None, None, "drugamab"), ("PFS", "median", 5.6, None, None, "placebo"),
      ("PFS", "hr", 0.62, None, None, "drugamab vs placebo")]),
    ("Patients were randomly assigned to alpha-mab or beta-nib. The ORR was 41% versus 22%.",
     [("ORR", "rate", 41, None, None, "alpha-mab"), ("ORR", "rate", 22, None, None, "beta-nib")]),
    # three arms in prose: a randomisation list, then lists sharing one unit or one percent sign
    ("Patients were randomized to RT-5-FU, RT-GC or RT-GC+GC. The response rate was 19, 22, and 13% "
     "respectively, and median survival times were 9.6, 9.3, and 7.3 months.",
     [("ORR", "rate", 19, None, None, "RT-5-FU"), ("ORR", "rate", 22, None, None, "RT-GC"),
      ("ORR", "rate", 13, None, None, "RT-GC+GC"), ("OS", "median", 9.6, None, None, "RT-5-FU"),
      ("OS", "median", 9.3, None, None, "RT-GC"), ("OS", "median", 7.3, None, None, "RT-GC+GC")]),
    # lettered arms, and a sentence that ends with one ('for arm B. Median ...')
    ("Patients were randomized to arm A or arm B. The ORR was 46% (95% CI, 29.5-57.7%) for arm A and 34% "
     "(95% CI, 19.8-48.4%) for arm B. After a median follow-up of 20 months, no new signal emerged.",
     [("ORR", "rate", 46, None, None, "arm A"), ("ORR", "rate", 34, None, None, "arm B"),
      ("FOLLOW_UP", "median", 20, None, None, None)]),
    # 'X% vs Y%' in parentheses follows the document's arm order; the arm name stops at its dose
    ("Patients were randomized to four cycles of XEC or FEC. XEC gave a higher objective remission rate "
     "(87% vs 73%, P=0.048) and more 3/4 grade nausea/vomiting/diarrhea (30% vs 14%).",
     [("ORR", "rate", 87, None, None, "XEC"), ("ORR", "rate", 73, None, None, "FEC"),
      ("OTHER_AE:nausea/vomiting/diarrhea", "rate", 30, "3-4", None, "XEC"),
      ("OTHER_AE:nausea/vomiting/diarrhea", "rate", 14, "3-4", None, "FEC")]),
    ("Patients were randomly assigned to capecitabine 1250 mg twice daily on days 1-14 or S-1 40 mg twice daily. "
     "The ORR was 27.2% (95% CI, 14.1-40.4, 12 of 44 assessable patients) with capecitabine and 28.9% "
     "(95% CI, 15.6-42.1, 13 of 45) with S-1.",
     [("ORR", "rate", 27.2, None, None, "capecitabine"), ("ORR", "rate", 28.9, None, None, "S-1")]),
    # 'respectively' closes each list of values for the same coordinated endpoints
    ("Patients were randomized to drug A or drug B. Median PFS and OS were 4.7 and 9.5 months, respectively, "
     "with drug A and 4.2 and 8.2 months, respectively, with drug B.",
     [("PFS", "median", 4.7, None, None, "drug A"), ("OS", "median", 9.5, None, None, "drug A"),
      ("PFS", "median", 4.2, None, None, "drug B"), ("OS", "median", 8.2, None, None, "drug B")]),
    # 'the most common toxicity was hepatic' names the event; number words are no event names
    ("The most common toxicity was hepatic, with 29 patients (60%); it was grade 3-4 in four (8%).",
     [("OTHER_AE:hepatic toxicity", "rate", 60, "any", None, None),
      ("OTHER_AE:hepatic toxicity", "rate", 8, "3-4", None, None)]),
    # subgroups and dose cohorts are recorded with the group as the arm
    ("CR rates were 36% in patients with prior CAR T and 41% in CAR T-naive patients.",
     [("CR", "rate", 36, None, None, "patients with prior CAR T"), ("CR", "rate", 41, None, None, "CAR T-naive patients")]),
    ("Among the 48 patients previously exposed to BCMA-directed therapy, the ORR was 35%.",
     [("ORR", "rate", 35, None, None, "patients previously exposed to BCMA-directed therapy")]),
    ("At the recommended phase 2 dose, 45% (27/60) of patients achieved a response.",
     [("ORR", "rate", 45, None, None, "recommended phase 2 dose")]),
    # a count named right after its value; 'no responses' is no endpoint
    ("We observed 8 (14%) complete responses, 33 (57%) partial responses, and 17 (29%) no responses.",
     [("CR", "rate", 14, None, None, None), ("PR", "rate", 57, None, None, None)]),
    # an aside keeps its own endpoint: '64% (18% CR) and 69% (30% CR)'
    ("Patients were randomized to bolus or CI therapy. The overall response rate was 64% (18% complete "
     "response-CR) and 69% (30% CR) respectively.",
     [("ORR", "rate", 64, None, None, "bolus"), ("CR", "rate", 18, None, None, "bolus"),
      ("ORR", "rate", 69, None, None, "CI therapy"), ("CR", "rate", 30, None, None, "CI therapy")]),
    # the time point carries over to a second endpoint joined by 'and'
    ("The 5-year event free survival rates (70% vs 62%) and overall survival (82% vs 77%) were similar.",
     [("EFS", "landmark", 70, None, 60, None), ("EFS", "landmark", 62, None, 60, None),
      ("OS", "landmark", 82, None, 60, None), ("OS", "landmark", 77, None, 60, None)]),
    # label lists: full event names, laboratory abnormalities coded, thresholds are no values
    ("The most common (>= 20%) adverse reactions were CRS, fatigue (29%), and musculoskeletal pain (22%). "
     "The most common Grade 3 to 4 laboratory abnormalities (>= 10%) were decreased neutrophil count (28%) "
     "and decreased platelets (12%).",
     [("OTHER_AE:fatigue", "rate", 29, "any", None, None), ("OTHER_AE:musculoskeletal pain", "rate", 22, "any", None, None),
      ("NEUTROPENIA", "rate", 28, "3-4", None, None), ("THROMBOCYTOPENIA", "rate", 12, "3-4", None, None)]),
    ("A median follow-up for DOR of 26.7 months.", [("FOLLOW_UP", "median", 26.7, None, None, None)]),
    # two parentheticals after a randomised arm, and '(HR)' spelled out in parentheses
    ("Patients were randomly assigned to receive PPV with low dose CPA (100 mg/day for 7 days) (PPV/CPA, n = 24) "
     "or PPV alone (n = 25). The PPV/CPA arm showed better PFS (median time: 6.1 vs 2.9 months; hazard ratio "
     "(HR): 0.427; P = 0.008).",
     [("PFS", "median", 6.1, None, None, "PPV with low dose CPA"), ("PFS", "median", 2.9, None, None, "PPV alone"),
      ("PFS", "hr", 0.427, None, None, "PPV with low dose CPA vs PPV alone")]),
    # two values whose evidence starts at the same word stay two records; arms named by compared abbreviations
    ("An open-label randomised comparison of irinotecan plus 5-FU (ILF) with etoposide plus 5-FU (ELF). "
     "For ILF and ELF, respectively, median progression-free survival was 4.5 vs 2.3 months, and the main "
     "grade 3/4 toxicities being diarrhoea (18%, ILF) and neutropenia (57%, ELF).",
     [("PFS", "median", 4.5, None, None, "ILF"), ("PFS", "median", 2.3, None, None, "ELF"),
      ("OTHER_AE:diarrhoea", "rate", 18, "3-4", None, "ILF"), ("NEUTROPENIA", "rate", 57, "3-4", None, "ELF")]),
    # the schedule tells the arms apart
    ("Patients were randomised to receive twelve cycles of weekly docetaxel (33 mg/m2) or four cycles of "
     "3-weekly docetaxel (100 mg/m2). Overall response (93% vs. 90%) was similar.",
     [("ORR", "rate", 93, None, None, "weekly docetaxel"), ("ORR", "rate", 90, None, None, "3-weekly docetaxel")]),
    # 'respectively, for arm A' covers the whole list before it; '3-years' is a time point
    ("Patients were randomized to arm A or arm B. Median progression-free survival (PFS) and OS were 2.7 and "
     "5.3 months, respectively, for arm A, and 3.8 and 6.9 months, respectively, for arm B. The 3-years overall "
     "survival was 78% in arm A.",
     [("PFS", "median", 2.7, None, None, "arm A"), ("OS", "median", 5.3, None, None, "arm A"),
      ("PFS", "median", 3.8, None, None, "arm B"), ("OS", "median", 6.9, None, None, "arm B"),
      ("OS", "landmark", 78, None, 36, "arm A")]),
    # another measure's words or an unknown list item stand between: the value is not the endpoint's
    ("Patients were randomized to A-mab or B-nib. Pathological complete response (20% vs. 27%) and breast-conserving "
     "surgery (BCS) rates (49% vs. 42%) were similar.",
     [("CR", "rate", 20, None, None, "A-mab"), ("CR", "rate", 27, None, None, "B-nib")]),
    ("The 5-year overall survival was 67.4 ± 7.6%.", [("OS", "landmark", 67.4, None, 60, None)]),
    ("The most common adverse events were dysgeusia (71%), skin-related events (64%) and CRS (58%).",
     [("OTHER_AE:dysgeusia", "rate", 71, "any", None, None), ("CRS", "rate", 58, "any", None, None)]),
    # arms named after the value: '... cases after RT', 'for the concurrent regimen', 'TMZ-treated patients';
    # a p-value after the arm name does not hide it
    ("Patients were randomized to RT or CRT. The pathological complete response was found in 3 (4.4%) cases "
     "after RT and 8 (11.1%) after CRT.",
     [("CR", "rate", 4.4, None, None, "RT"), ("CR", "rate", 11.1, None, None, "CRT")]),
    ("Patients were randomised to idarubicin or mitoxantrone. Estimated 3-year progression-free survival was 35.9% "
     "(95% CI 25.9-45.9) in the idarubicin group versus 64.6% (54.2-73.2) in the mitoxantrone group (p=0.0004).",
     [("PFS", "landmark", 35.9, None, 36, "idarubicin"), ("PFS", "landmark", 64.6, None, 36, "mitoxantrone")]),
    ("Patients were randomized to TMZ or RT. Grade 3 infections occurred in 3% of TMZ-treated patients.",
     [("INFECTION", "rate", 3, "3", None, "TMZ")]),
    # a grade stated for a list of cytopenias applies to each; immune-mediated events are named as such
    ("Prolonged grade 3 or higher cytopenias at day 30 included neutropenia (18%) and thrombocytopenia (12%).",
     [("NEUTROPENIA", "rate", 18, ">=3", None, None), ("THROMBOCYTOPENIA", "rate", 12, ">=3", None, None)]),
    ("Immune-mediated pneumonitis occurred in 4.1% and immune-mediated adverse events of any grade in 41%.",
     [("OTHER_AE:immune-mediated pneumonitis", "rate", 4.1, "any", None, None),
      ("OTHER_AE:immune-mediated adverse events", "rate", 41, "any", None, None)]),
    # 'CRi' is not CR (nor a credible interval); 'for both' gives each arm the value; 'HR for OS'
    ("The overall response rate was 69% (complete remission (CR) 60% CRi 9%).",
     [("ORR", "rate", 69, None, None, None), ("CR", "rate", 60, None, None, None)]),
    ("Patients were randomized to UFT or observation. The median OS (14.2 months for both, P = 0.983) was similar; "
     "the hazard ratio (HR) for OS was 0.93 (95% CI 0.71-1.21).",
     [("OS", "median", 14.2, None, None, "UFT"), ("OS", "median", 14.2, None, None, "observation"),
      ("OS", "hr", 0.93, None, None, "UFT vs observation")]),
    # the randomisation names every arm; later names are its arms' other names ('the ADC', 'chemotherapy')
    ("Patients were randomly assigned to mirelutamab pexotecan 5.6 mg/kg every three weeks (n=270) or investigator's "
     "choice of paclitaxel, pegylated liposomal doxorubicin or topotecan (n=268). Median overall survival was 16.9 "
     "months with the ADC compared with 12.4 months with chemotherapy.",
     [("OS", "median", 16.9, None, None, "mirelutamab pexotecan"), ("OS", "median", 12.4, None, None, "investigator's choice")]),
    ("Patients received QUELTREZA 360 mg every 3 weeks with chemotherapy (n=402) or placebo with chemotherapy (n=398). "
     "Median PFS was 7.0 months in the QUELTREZA arm versus 6.1 months in the placebo arm.",
     [("PFS", "median", 7.0, None, None, "QUELTREZA with chemotherapy"), ("PFS", "median", 6.1, None, None, "placebo with chemotherapy")]),
    ("Patients were randomized to VARENTACEL (n=201) or standard therapy (n=198). Median DOR was 21.5 months in the "
     "VARENTACEL arm and 16.9 months in the standard therapy arm.",
     [("DOR", "median", 21.5, None, None, "VARENTACEL"), ("DOR", "median", 16.9, None, None, "standard therapy")]),
    # label wording: adverse reactions; a grade for a list of laboratory abnormalities
    ("Patients were randomized to QUELTREZA or placebo. Grade 3 or 4 adverse reactions were reported in 59% and 53% "
     "of patients, respectively. Grade 3 or 4 laboratory abnormalities in the QUELTREZA arm and the placebo arm included "
     "decreased neutrophils (21% and 19%).",
     [("TEAE", "rate", 59, "3-4", None, "QUELTREZA"), ("TEAE", "rate", 53, "3-4", None, "placebo"),
      ("NEUTROPENIA", "rate", 21, "3-4", None, "QUELTREZA"), ("NEUTROPENIA", "rate", 19, "3-4", None, "placebo")]),
    # a purpose clause is no randomisation; '(arm A)' after a regimen names it; 'RT-GC+GC' is not 'RT-GC';
    # a randomisation item that cannot be read ('the same followed by ...') leaves room for later arm names
    ("The purpose of this randomised trial was to determine which of two schemes, X-iri or X-ox, was better. "
     "Patients were randomised to receive raltitrexed 3 mg/m2 followed by oxaliplatin (arm A), or CPT-11 350 mg/m2 "
     "(arm B). The ORR was 46% for arm A and 34% for arm B.",
     [("ORR", "rate", 46, None, None, "raltitrexed"), ("ORR", "rate", 34, None, None, "CPT-11")]),
    ("Patients were randomised to concurrent 5-FU (RT-5-FU arm), gemcitabine (RT-GC arm), or the same followed by "
     "gemcitabine (RT-GC+GC arm). The 9-month OS rate was 58% in the RT-5-FU arm and 42% in the RT-GC+GC arm.",
     [("OS", "landmark", 58, None, 9, "RT-5-FU"), ("OS", "landmark", 42, None, 9, "RT-GC+GC")]),  # each arm by its label
    # an HR in a sentence naming no endpoint; 'the 5-year rates' are the same endpoint's; 'was NE' as stated
    ("Patients were randomized to group A or group B. The 2-year overall survival rates in groups A and B were 93.4 "
     "and 66.0 %, and the 5-year rates were 81.4 and 48.3 %, respectively. The hazard ratio (HR) was 0.229 (p = 0.0013).",
     [("OS", "landmark", 93.4, None, 24, "group A"), ("OS", "landmark", 66.0, None, 24, "group B"),
      ("OS", "landmark", 81.4, None, 60, "group A"), ("OS", "landmark", 48.3, None, 60, "group B"),
      ("OS", "hr", 0.229, None, None, "group A vs group B")]),
    ("At the interim analysis (median follow-up 17.4 months), median PFS was not reached (95% CI: 22.8, NE). "
     "Median DOR was NE (95% CI: 21.5, NE).",
     [("FOLLOW_UP", "median", 17.4, None, None, None), ("PFS", "median", None, None, None, None),
      ("DOR", "median", None, None, None, None)]),
    ("Patients were randomized to group A or group B. Fifty-five patients (38.5%) in group A and 57 (40.1%) in "
     "group B responded (p = 0.81).",
     [("ORR", "rate", 38.5, None, None, "group A"), ("ORR", "rate", 40.1, None, None, "group B")]),
    # three arms: '(Arm A, n=111)' names each; an HR compares the two arms its sentence names
    ("A total of 331 patients were randomized 1:1:1 to corvaparib 60 mg once daily plus abiraterone (Arm A, n=111), "
     "corvaparib 60 mg monotherapy (Arm B, n=109) or placebo plus abiraterone (Arm C, n=111). Arm B did not improve "
     "rPFS over Arm C (HR 1.29; 95% CI 0.94-1.77).",
     [("PFS", "hr", 1.29, None, None, "corvaparib vs placebo plus abiraterone")]),
    # 'Cl' and 'CL' (confidence limits) label a CI too
    ("The response rate was 41.7% (95% CL, from 29.1 to 55.1%).", [("ORR", "rate", 41.7, None, None, None)]),
    # no randomisation sentence, but the sentence names the arms in parallel
    ("Response rates were 58% for CMF and 29% for epirubicin.",
     [("ORR", "rate", 58, None, None, "CMF"), ("ORR", "rate", 29, None, None, "epirubicin")]),
    ("Median survival times were 16.2 and 18.7 months for radiotherapy alone and chemotherapy-surgery, respectively.",
     [("OS", "median", 16.2, None, None, "radiotherapy alone"), ("OS", "median", 18.7, None, None, "chemotherapy-surgery")]),
    ("IL-2-related toxicity was WHO grade 1 (24%), 2 (67%), and 3 (9%).",
     [("TEAE", "rate", 24, "1", None, None), ("TEAE", "rate", 67, "2", None, None), ("TEAE", "rate", 9, "3", None, None)]),
    # counts written as words, with the arm named inside the count
    ("Patients were randomized to rh-endostatin plus chemotherapy or chemotherapy. Five patients in the rh-endostatin "
     "plus chemotherapy arm achieved pathologic complete response.",
     [("CR", "count", 5, None, None, "rh-endostatin plus chemotherapy")]),
    ("Two patients had dose-limiting toxicities.", [("DLT", "count", 2, "any", None, None)]),
    # a subgroup named after an analysis, before a parenthetical, or set off later in the sentence
    ("In an exploratory analysis of patients with high c-Met overexpression (>= 50% of tumor cells), the ORR "
     "was 49% with drug A and 15% with drug B.",
     [("ORR", "rate", 49, None, None, "drug A (high c-Met overexpression)"),
      ("ORR", "rate", 15, None, None, "drug B (high c-Met overexpression)")]),
    ("Among women whose tumors had high FRα expression (≥ 75% of cells), median OS was 18.3 months with drug A "
     "and 12.1 months with drug B.",
     [("OS", "median", 18.3, None, None, "drug A (high FRα expression)"),
      ("OS", "median", 12.1, None, None, "drug B (high FRα expression)")]),
    ("Patients were randomized to drug A or drug B. Results were consistent in patients with POD24, with a median "
     "PFS of 24.1 months versus 8.7 months.",
     [("PFS", "median", 24.1, None, None, "drug A (POD24)"), ("PFS", "median", 8.7, None, None, "drug B (POD24)")]),
    # arms introduced by a comparison rather than a randomisation sentence
    ("The phase 3 trial compared arlo-cel with standard regimens (DPd or PVd) in 402 patients. Median PFS was not "
     "reached in the arlo-cel group versus 11.8 months in the standard-regimen group.",
     [("PFS", "median", None, None, None, "arlo-cel"), ("PFS", "median", 11.8, None, None, "standard regimens")]),
    ("The open-label trial randomized 280 patients 1:1 between cilta-cel and standard of care. The ORR was 85% "
     "with cilta-cel and 67% with standard of care.",
     [("ORR", "rate", 85, None, None, "cilta-cel"), ("ORR", "rate", 67, None, None, "standard of care")]),
    ("Overall, 451 patients were enrolled: 301 received belantamab and 150 received pomalidomide. The ORR was "
     "41% with belantamab and 36% with pomalidomide.",
     [("ORR", "rate", 41, None, None, "belantamab"), ("ORR", "rate", 36, None, None, "pomalidomide")]),
    # a dose and its schedule inside an arm's name; a grade aside belongs to the event before it
    ("Patients were randomized to pembrolizumab 200 mg every 3 weeks plus chemotherapy or placebo plus "
     "chemotherapy. Median OS was 22.0 vs 10.7 months.",
     [("OS", "median", 22.0, None, None, "pembrolizumab plus chemotherapy"),
      ("OS", "median", 10.7, None, None, "placebo plus chemotherapy")]),
    ("Thrombocytopenia occurred in 38% (Grade 3-4: 22%) and neutropenia in 15%.",
     [("THROMBOCYTOPENIA", "rate", 38, "any", None, None), ("THROMBOCYTOPENIA", "rate", 22, "3-4", None, None),
      ("NEUTROPENIA", "rate", 15, "any", None, None)]),
    # 'among responders' is who was measured, not a response rate
    ("Patients were randomized to drug A or drug B. Among responders, MRD negativity was reached in 78% and 44%, "
     "respectively.", [("MRD", "rate", 78, None, None, "drug A"), ("MRD", "rate", 44, None, None, "drug B")]),
    # a landmark stated as patients alive and progression-free, its time point leading the sentence
    ("At 18 months, 74.8% vs 46.3% of patients were alive and progression-free.",
     [("PFS", "landmark", 74.8, None, 18, None), ("PFS", "landmark", 46.3, None, 18, None)]),
    # responses that lasted a median of ...; duration of remission
    ("Responses lasted a median of 7.4 months.", [("DOR", "median", 7.4, None, None, None)]),
    ("Complete responses were durable, with a median duration of 20 months.", [("DOCR", "median", 20, None, None, None)]),
    ("The median duration of remission was 14.1 months (95% CI, 8.9-NE).", [("DOR", "median", 14.1, None, None, None)]),
    # an arm that labels the value after it, as in a list
    ("Patients were randomized to arm A, arm B or arm C. Median rPFS was Arm A 19.4 months (95% CI 16.6-24.0), "
     "Arm B 8.3 months (95% CI 6.9-11.1) and Arm C 13.7 months (95% CI 11.0-16.5).",
     [("PFS", "median", 19.4, None, None, "arm A"), ("PFS", "median", 8.3, None, None, "arm B"),
      ("PFS", "median", 13.7, None, None, "arm C")]),
    # follow-up as a possessive; a median follow-up is no OS value even after 'not reached at'
    ("Median PFS was 34 months, and median overall survival has not been reached at 40 months' median follow up.",
     [("PFS", "median", 34, None, None, None), ("OS", "median", None, None, None, None),
      ("FOLLOW_UP", "median", 40, None, None, None)]),
    # laboratory abnormalities list their own events; organ toxicities are named events
    ("Grade 3 or 4 laboratory abnormalities included decreased neutrophils 93% vs 64% and decreased lymphocytes "
     "91% vs 40%.",
     [("NEUTROPENIA", "rate", 93, "3-4", None, None), ("NEUTROPENIA", "rate", 64, "3-4", None, None),
      ("OTHER_AE:decreased lymphocytes", "rate", 91, "3-4", None, None),
      ("OTHER_AE:decreased lymphocytes", "rate", 40, "3-4", None, None)]),
    ("Severe hematological toxicity occurred in 14% of patients.",
     [("OTHER_AE:hematological toxicity", "rate", 14, ">=3", None, None)]),
    # CRS and ICANS in a CAR-T versus standard-therapy trial are the CAR-T arm's
    ("Patients were randomized to varentacel or standard therapy. CRS was Grade 1 or 2 in 80% and Grade 3 in 4%.",
     [("CRS", "rate", 80, "1-2", None, "varentacel"), ("CRS", "rate", 4, "3", None, "varentacel")]),
    # a document with several dose cohorts: the values after 'results for the X cohort' are that cohort's
    ("Patients were randomized 1:1 to receive drug 2.5 mg/kg or 3.4 mg/kg. Efficacy results for the 2.5 mg/kg "
     "cohort are shown below. The overall response rate was 31%. In the 3.4 mg/kg cohort, the ORR was 34%.",
     [("ORR", "rate", 31, None, None, "2.5 mg/kg"), ("ORR", "rate", 34, None, None, "3.4 mg/kg")]),
    ("Overall, patients were followed for a median of 24 months.", [("FOLLOW_UP", "median", 24, None, None, None)]),
    # the first item of a list after 'were' is an event too
    ("Adverse effects common with nabilone were drowsiness (57%), postural dizziness (35%) and lightheadedness (18%).",
     [("OTHER_AE:drowsiness", "rate", 57, "any", None, None), ("OTHER_AE:postural dizziness", "rate", 35, "any", None, None),
      ("OTHER_AE:lightheadedness", "rate", 18, "any", None, None)]),
    # two endpoints, two arms each, 'respectively'; the sentence's own 'A vs. B' sets the order
    ("Patients were randomly assigned to surgery alone (S) or surgery plus injection (SP). The 3 years PFS and OS "
     "for SP vs. S were 71.9% vs. 46.9%, and 88.4% vs. 67.0%, respectively.",
     [("PFS", "landmark", 71.9, None, 36, "surgery plus injection"), ("PFS", "landmark", 46.9, None, 36, "surgery alone"),
      ("OS", "landmark", 88.4, None, 36, "surgery plus injection"), ("OS", "landmark", 67.0, None, 36, "surgery alone")]),
    ("Patients were randomly assigned to surgery alone (S) or surgery plus injection (SP). The hazard ratio for PFS "
     "(SP vs. S) was 0.56 (95% CI, 0.35 to 0.91).",
     [("PFS", "hr", 0.56, None, None, "surgery plus injection vs surgery alone")]),
    # arms a randomisation divides patients into, with counts between them
    ("105 patients were randomly divided into trial group, 69 patients, and control group, 36 patients. The response "
     "rate was 18.8% in the trial group and 2.8% in the control group.",
     [("ORR", "rate", 18.8, None, None, "trial group"), ("ORR", "rate", 2.8, None, None, "control group")]),
    ("This study compared the efficacy of gemcitabine with that of fluorouracil. The median OS was 5.7 months with "
     "gemcitabine and 4.4 months with fluorouracil.",
     [("OS", "median", 5.7, None, None, "gemcitabine"), ("OS", "median", 4.4, None, None, "fluorouracil")]),
    # a value named right after as stable disease is no response; 'ORR ... and SD ...' keeps the ORR
    ("There were 2 (8%) partial responses (PR) and 18 (69%) patients with stable disease (SD). The ORR was 30% and "
     "SD was seen in 40%.", [("PR", "rate", 8, None, None, None), ("ORR", "rate", 30, None, None, None)]),
    # dose cohorts reported like arms, named as the document writes the dose
    ("The trial enrolled 112 patients across two dose levels: 10 mg (n=56) and 30 mg (n=56). At the 30 mg dose, the "
     "confirmed ORR was 40%, compared with 25% at 10 mg. Median OS was 14.0 months (10 mg) and 15.9 months (30 mg).",
     [("ORR", "rate", 40, None, None, "30 mg"), ("ORR", "rate", 25, None, None, "10 mg"),
      ("OS", "median", 14.0, None, None, "10 mg"), ("OS", "median", 15.9, None, None, "30 mg")]),
    ("Median duration of response was 9.1 months in the 30 mg cohort and 6.2 months in the 10 mg cohort.",
     [("DOR", "median", 9.1, None, None, "30 mg"), ("DOR", "median", 6.2, None, None, "10 mg")]),
    # 'investigator's choice of A, B or C' is one arm; a dose after 'at' is no part of the name
    ("Patients were randomized 1:1 to MZ-17 at 1.8 mg/kg every three weeks (n=240) or investigator's choice of "
     "topotecan, vinorelbine or pemetrexed (n=238). Median PFS was 5.7 months versus 2.9 months.",
     [("PFS", "median", 5.7, None, None, "MZ-17"), ("PFS", "median", 2.9, None, None, "investigator's choice")]),
    # a number inside a drug name ('MZ-17') is no value
    ("Patients were randomized to MZ-17 or chemotherapy. Grade 3 or higher adverse events occurred in 48.3% of "
     "patients treated with MZ-17 and 61.2% of those receiving chemotherapy.",
     [("TEAE", "rate", 48.3, ">=3", None, "MZ-17"), ("TEAE", "rate", 61.2, ">=3", None, "chemotherapy")]),
    # laboratory abnormality tables: every row is an event
    ("Laboratory Abnormality          All Grades (%)    Grades 3-4 (%)\n"
     "Increased phosphate                  91                14\n",
     [("OTHER_AE:increased phosphate", "rate", 91, "any", None, None),
      ("OTHER_AE:increased phosphate", "rate", 14, "3-4", None, None)]),
    # a grade stated after the value, or after the event; a leading grade covers its list
    ("Cytokine release syndrome occurred in 79% of patients, but only 4% had grade 3 or higher events.",
     [("CRS", "rate", 79, "any", None, None), ("CRS", "rate", 4, ">=3", None, None)]),
    ("69% of the patients suffered from skin toxicity of grade ≥ 2.",
     [("OTHER_AE:skin toxicity", "rate", 69, ">=2", None, None)]),
    ("Grade 3 or 4 neutropenia occurred in 64%, thrombocytopenia in 37% and anemia in 29%.",
     [("NEUTROPENIA", "rate", 64, "3-4", None, None), ("THROMBOCYTOPENIA", "rate", 37, "3-4", None, None),
      ("ANEMIA", "rate", 29, "3-4", None, None)]),
    ("Skin reactions of grade 3 or higher were reported in 12.4%, and immune-mediated pneumonitis in 4.1%.",
     [("OTHER_AE:skin reactions", "rate", 12.4, ">=3", None, None),
      ("OTHER_AE:immune-mediated pneumonitis", "rate", 4.1, "any", None, None)]),
    # responders still in response at a time point: a duration-of-response landmark
    ("An estimated 68% (95% CI, 56-78) of responders remained in response at 12 months.",
     [("DOR", "landmark", 68, None, 12, None)]),
    # an event the lexicon does not know, named as the subject of a safety sentence
    ("Safety: the most common adverse reactions were fatigue (30%). Retinal pigment epithelial detachment (RPED) "
     "occurred in 9% of patients.",
     [("OTHER_AE:fatigue", "rate", 30, "any", None, None),
      ("OTHER_AE:retinal pigment epithelial detachment", "rate", 9, "any", None, None)]),
    # the endpoint the patients achieved, named after their share
    ("The ORR was 61.0%, with 35.3% of patients achieving a complete response or better.",
     [("ORR", "rate", 61.0, None, None, None), ("CR", "rate", 35.3, None, None, None)]),
    # a grade before 'were' covers the list that follows
    ("The most common laboratory abnormalities of Grade 3 or 4 were lymphopenia (76%), neutropenia (48.7%) and "
     "anemia (37.4%).",
     [("OTHER_AE:lymphopenia", "rate", 76, "3-4", None, None), ("NEUTROPENIA", "rate", 48.7, "3-4", None, None),
      ("ANEMIA", "rate", 37.4, "3-4", None, None)]),
    # a hazard ratio in a sentence that names one arm: that arm against the other, or the other against a comparator
    ("Patients switched from the control arm to the osimertinib arm. A significant improvement in OS was observed "
     "for the osimertinib group (HR = 0.412, 95% CI 0.273-0.622).",
     [("OS", "hr", 0.412, None, None, "osimertinib vs control")]),
    ("Patients were randomized to drug X or placebo. Compared with placebo, drug X reduced the risk of death "
     "(HR 0.70; 95% CI 0.58-0.85).", [("OS", "hr", 0.70, None, None, "drug X vs placebo")]),
    # 'confidence limit (CL)': a CI, its bounds no values
    ("Patients were randomised to TEGAFIRI or TEGAFOX. Nineteen PR were recorded in the TEGAFIRI arm (OR: 41.7; 95% "
     "confidence limit (CL), 29.1-55.1%).", []),
    # an event's full name runs on to 'syndrome'; common events the lexicon knows
    ("Palmar-plantar erythrodysesthesia syndrome occurred in 21%.",
     [("OTHER_AE:palmar-plantar erythrodysesthesia syndrome", "rate", 21, "any", None, None)]),
    ("The most common adverse events were blurred vision in 39% and keratopathy in 28%.",
     [("OTHER_AE:blurred vision", "rate", 39, "any", None, None), ("OTHER_AE:keratopathy", "rate", 28, "any", None, None)]),
    # conference-abstract shorthand: mPFS, mOS, mDOR, 'Gr >=3 TRAEs: 71%', 'pts with ...' subgroups
    ("mDOR was NR (95% CI, 12.3-NE); mPFS 11.9 mo (95% CI 7.0-NR) and mOS NR.",
     [("DOR", "median", None, None, None, None), ("PFS", "median", 11.9, None, None, None),
      ("OS", "median", None, None, None, None)]),
    ("Gr ≥3 TRAEs: 71%, mostly cytopenias.", [("TEAE", "rate", 71, ">=3", None, None)]),
    ("In pts with prior bispecifics (n=18), ORR was 72%.", [("ORR", "rate", 72, None, None, "pts with prior bispecifics")]),
    # names listed after a pair of values, 'respectively', even where one of them is a known arm's
    ("Patients were randomized to receive radiotherapy alone or chemotherapy with cisplatin and vinblastine followed "
     "by surgery. Median survival times were 16.2 and 18.7 months for radiotherapy alone and chemotherapy-surgery "
     "respectively.",
     [("OS", "median", 16.2, None, None, "radiotherapy alone"), ("OS", "median", 18.7, None, None, "chemotherapy-surgery")]),
    ("Patients were randomized to arm A or arm B. The median overall survival was 22.7 and 15.1 months in arms A and "
     "B, respectively.",
     [("OS", "median", 22.7, None, None, "arm A"), ("OS", "median", 15.1, None, None, "arm B")]),
    # 'improved by 7.3% (from 28.1% to 35.4%)': the difference is no rate; from control to experimental
    ("Patients were randomly assigned to perioperative chemotherapy or surgery alone. Progression-free survival at "
     "3 years increased by 7.3% (from 28.1% [95% CI 21.3-35.5] to 35.4%).",
     [("PFS", "landmark", 28.1, None, 36, "surgery alone"), ("PFS", "landmark", 35.4, None, 36, "perioperative chemotherapy")]),
    # a pair after a 'from X in controls to Y' keeps that order; the time point carries to the next endpoint
    ("Patients were randomized to IFN-γ or control. Progression-free survival at 3 years was improved from 38% in "
     "controls to 51%, and overall survival was 58% and 74%.",
     [("PFS", "landmark", 38, None, 36, "control"), ("PFS", "landmark", 51, None, 36, "IFN-γ"),
      ("OS", "landmark", 58, None, 36, "control"), ("OS", "landmark", 74, None, 36, "IFN-γ")]),
    # a hazard ratio reads experimental against control when the sentence names neither
    ("Patients were randomized to chemotherapy alone or chemotherapy plus drug X. The hazard ratio for death was "
     "0.81 (95% CI 0.70-0.94).", [("OS", "hr", 0.81, None, None, "chemotherapy plus drug X vs chemotherapy alone")]),
    # 'higher in the PE arm than in the FEC arm (76.06% vs. 59.95%)': the pair follows the sentence's order
    ("Patients were randomized to the FEC (n = 151) and PE (n = 142) arms. The response rate was higher in the PE "
     "arm than in the FEC arm (76.06% vs. 59.95%, P = 0.001).",
     [("ORR", "rate", 76.06, None, None, "PE"), ("ORR", "rate", 59.95, None, None, "FEC")]),
    # the grade a count's own clause states after it wins; 'grade 2, 4 (12.9%)' is no grade range
    ("Of 31 patients, 6 (19.4%) patients developed grade 1 and 12 (38.7%) patients developed grade 2 mucositis.",
     [("OTHER_AE:mucositis", "rate", 19.4, "1", None, None), ("OTHER_AE:mucositis", "rate", 38.7, "2", None, None)]),
    # a long population between 'randomized' and 'to'; major pathological response has no code
    ("PELICAN-4 randomized 1,174 patients with resectable stage II-IIIB non-small cell lung cancer to perioperative "
     "tevimab plus chemotherapy or placebo plus chemotherapy. 24-month EFS rates were 64.8% and 48.6%, respectively. "
     "Major pathological response rates were 48.5% vs 12.9%.",
     [("EFS", "landmark", 64.8, None, 24, "perioperative tevimab plus chemotherapy"),
      ("EFS", "landmark", 48.6, None, 24, "placebo plus chemotherapy")]),
    # news style: 'percent' and 'per cent' written out
    ("The overall response rate was 62 percent, and 40 percent of patients had a complete response.",
     [("ORR", "rate", 62, None, None, None), ("CR", "rate", 40, None, None, None)]),
    ("Two-year progression-free survival was 55 per cent.", [("PFS", "landmark", 55, None, 24, None)]),
    # lay wording of news write-ups
    ("The drug shrank tumors in 45% of patients.", [("ORR", "rate", 45, None, None, None)]),
    ("Patients on the drug lived a median of 14.2 months.", [("OS", "median", 14.2, None, None, None)]),
    ("Six months after treatment, 71% of patients were still alive without their cancer worsening.",
     [("PFS", "landmark", 71, None, 6, None)]),
    # a follow-up time is no value of the endpoint after it; 'N months of median follow-up' is the follow-up
    ("With 18 months of follow-up, the median DoR was 11.1 months (95% CI: 8.3, NE).",
     [("DOR", "median", 11.1, None, None, None)]),
    ("After 25.1 months of median follow-up, the ORR was 40%.",
     [("FOLLOW_UP", "median", 25.1, None, None, None), ("ORR", "rate", 40, None, None, None)]),
    # the treated population is no subgroup; '51 (53%) a complete response' names its endpoint after it
    ("Among the 120 patients who received the drug, 80 (67%) responded, including 45 (38%) with complete responses.",
     [("ORR", "rate", 67, None, None, None), ("CR", "rate", 38, None, None, None)]),
    ("Of the 97 patients evaluable for efficacy, 71 (73%) had an objective response and 51 (53%) a complete response.",
     [("ORR", "rate", 73, None, None, None), ("CR", "rate", 53, None, None, None)]),
    # a list of time points repeats over the values, per arm
    ("Patients were randomized to FOLFOX4 or FOLFOX7-FOLFIRI. The 2, 3, and 5-year OS rates were 86.5%, 80.5%, and "
     "69.5% with FOLFOX4, and 91.5%, 81.4%, and 66.6% with FOLFOX7-FOLFIRI.",
     [("OS", "landmark", 86.5, None, 24, "FOLFOX4"), ("OS", "landmark", 80.5, None, 36, "FOLFOX4"),
      ("OS", "landmark", 69.5, None, 60, "FOLFOX4"), ("OS", "landmark", 91.5, None, 24, "FOLFOX7-FOLFIRI"),
      ("OS", "landmark", 81.4, None, 36, "FOLFOX7-FOLFIRI"), ("OS", "landmark", 66.6, None, 60, "FOLFOX7-FOLFIRI")]),
    # a CI for each of two arms is no value; mean survival is no median
    ("The median survival time was 12 months with a 95% confidence interval of 8 to 14 and 7 to 17 months.",
     [("OS", "median", 12, None, None, None)]),
    # a pair named by the endpoint after it ('23.53% vs 11.76% for ORR'); a 'study group' is an arm
    ("Patients were randomized to the study group or the chemotherapy group. The study group did better (23.53% vs "
     "11.76% for ORR, P = 0.04; and 58.82% vs 35.29% for DCR, P = 0.03).",
     [("ORR", "rate", 23.53, None, None, "study group"), ("ORR", "rate", 11.76, None, None, "chemotherapy"),
      ("DCR", "rate", 58.82, None, None, "study group"), ("DCR", "rate", 35.29, None, None, "chemotherapy")]),
    # 'X followed by Y (a and b, respectively)'
    ("The most common adverse events were hiccups followed by constipation (10.6% and 6.8%, respectively).",
     [("OTHER_AE:hiccups", "rate", 10.6, "any", None, None), ("OTHER_AE:constipation", "rate", 6.8, "any", None, None)]),
    # the composite 'CR/CRi' is reported as complete remission; CRi alone has no code
    ("The CR/CRi rate was 81%. CRi alone was seen in 10%.", [("CR", "rate", 81, None, None, None)]),
    # patients who did not develop an event are no rate of it
    ("Of 31 patients, 7 (22.6%) patients did not develop any mucositis, and 6 (19.4%) patients developed grade 1 "
     "mucositis.", [("OTHER_AE:mucositis", "rate", 19.4, "1", None, None)]),
    # 'Compared with X, Y improved ... (a vs b)': the subject's value comes first, and the ratio is Y vs X
    ("Patients were randomised to radiotherapy alone (RT) or chemoradiotherapy (CRT). Compared with RT, CRT improved "
     "the 3-year OS rate (45% vs 31%; HR 0.66; 95% CI, 0.49-0.88).",
     [("OS", "landmark", 45, None, 36, "chemoradiotherapy"), ("OS", "landmark", 31, None, 36, "radiotherapy alone"),
      ("OS", "hr", 0.66, None, None, "chemoradiotherapy vs radiotherapy alone")]),
    # two patient groups compared with each other: the pair is theirs, not the treatment arms'
    ("Patients were randomized to erlotinib or placebo. Women with EGFR mutations had significantly longer PFS than "
     "those without EGFR mutations (11.5 versus 4.4 months; HR 0.52).",
     [("PFS", "median", 11.5, None, None, "EGFR mutations"), ("PFS", "median", 4.4, None, None, "without EGFR mutations"),
      ("PFS", "hr", 0.52, None, None, "EGFR mutations vs without EGFR mutations")]),
    # labelled subgroups in one list: each label's values are the arms within that subgroup
    ("Patients were randomly assigned to everolimus or placebo. Everolimus improved median PFS regardless of prior "
     "chemotherapy use (prior chemotherapy: 11.0 vs 3.2 months; HR 0.34; chemonaive: 11.4 vs 5.4 months; HR 0.42).",
     [("PFS", "median", 11.0, None, None, "everolimus (prior chemotherapy)"),
      ("PFS", "median", 3.2, None, None, "placebo (prior chemotherapy)"),
      ("PFS", "hr", 0.34, None, None, "everolimus vs placebo (prior chemotherapy)"),
      ("PFS", "median", 11.4, None, None, "everolimus (chemonaive)"), ("PFS", "median", 5.4, None, None, "placebo (chemonaive)"),
      ("PFS", "hr", 0.42, None, None, "everolimus vs placebo (chemonaive)")]),
    # numbered cohorts are the arms where nothing else names them, and 'cohort 1 and 65.6%' is no list of values
    ("Patients received step-up dosing to 30 mg (cohort 1) or 45 mg (cohort 2). ORR was 58.8% in cohort 1 and "
     "65.6% in cohort 2; CR rates were 36.8% and 43.8%, respectively.",
     [("ORR", "rate", 58.8, None, None, "cohort 1"), ("ORR", "rate", 65.6, None, None, "cohort 2"),
      ("CR", "rate", 36.8, None, None, "cohort 1"), ("CR", "rate", 43.8, None, None, "cohort 2")]),
    # a clause for an event the lexicon does not know keeps its values from the event before it
    ("Patients were randomized to DX-7 or docetaxel. Stomatitis was reported in 50.1% and 13.1%, and ocular surface "
     "events in 40.1% and 7.7%, respectively.",
     [("OTHER_AE:stomatitis", "rate", 50.1, "any", None, "DX-7"), ("OTHER_AE:stomatitis", "rate", 13.1, "any", None, "docetaxel")]),
    # a leading follow-up clause is the trial's, not the arm the main clause is about
    ("Patients were randomized to DX-7 or docetaxel. At a median follow-up of 13.5 months, DX-7 improved PFS "
     "(median 6.9 vs 4.9 months).",
     [("FOLLOW_UP", "median", 13.5, None, None, None), ("PFS", "median", 6.9, None, None, "DX-7"),
      ("PFS", "median", 4.9, None, None, "docetaxel")]),
    # a press release's 'study of X, a ..., compared with A, B and C (ABC)' names the two arms
    ("The Phase 3 LUMEN-3 study of TARVELI (elrantamab), a bispecific antibody, compared with pomalidomide, bortezomib "
     "and dexamethasone (PVd) met its primary endpoint. The 18-month PFS rate was 71.4% with TARVELI versus 38.9% with PVd.",
     [("PFS", "landmark", 71.4, None, 18, "TARVELI"), ("PFS", "landmark", 38.9, None, 18, "pomalidomide, bortezomib and dexamethasone")]),
    # a subgroup whose name holds a decimal point ('CLDN18.2')
    ("Patients were randomized to VELMORA or placebo. In patients whose tumors expressed CLDN18.2 at 75% or higher, "
     "median OS was 18.9 months with VELMORA versus 12.5 months with placebo.",
     [("OS", "median", 18.9, None, None, "VELMORA (CLDN18.2 at 75% or higher)"),
      ("OS", "median", 12.5, None, None, "placebo (CLDN18.2 at 75% or higher)")]),
    # news wording: an arm introduced by its description ('the cell therapy, called X (x-cel)'), a lower-case
    # short name, a landmark whose time point leads the sentence and carries over 'versus', 'rated grade 3 or
    # worse', 'roughly 1 in 4 patients on standard care (24%)', neurologic side effects in a CAR T trial
    ("In the phase 3 trial, 212 adults were randomly assigned to receive either the cell therapy, called "
     "pelvacabtagene (pelva-cel), or standard immunochemotherapy. Two years after treatment, 74 percent of pelva-cel "
     "recipients were alive without their lymphoma progressing, versus 41 percent in the control group. About two-thirds "
     "of pelva-cel patients (66%) developed cytokine release syndrome. Neurologic side effects were seen in 11%, with 3% "
     "rated grade 3 or worse. Roughly 1 in 4 patients on standard immunochemotherapy (24%) had an infection, compared "
     "with 15% on pelva-cel.",
     [("PFS", "landmark", 74, None, 24, "pelvacabtagene"), ("PFS", "landmark", 41, None, 24, "standard immunochemotherapy"),
      ("CRS", "rate", 66, "any", None, "pelvacabtagene"), ("ICANS", "rate", 11, "any", None, "pelvacabtagene"),
      ("ICANS", "rate", 3, ">=3", None, "pelvacabtagene"), ("INFECTION", "rate", 24, "any", None, "standard immunochemotherapy"),
      ("INFECTION", "rate", 15, "any", None, "pelvacabtagene")]),
    # 'were alive at 2 years' is a landmark; 'N yr from biopsy' is no time point of a landmark
    ("Patients were randomised to CHART or conventional radiotherapy. At 2 years, 30% of the CHART patients were "
     "alive. After a median follow-up of 7.8 yr from randomisation, 120 patients had died.",
     [("OS", "landmark", 30, None, 24, "CHART"), ("FOLLOW_UP", "median", 7.8, None, None, None)]),
    # the ratio's endpoint named before it; ratios listed for two coordinated endpoints; a bare ratio with its CI
    ("Patients were randomized to sunitinib or placebo. The HRs for PFS and OS were 0.62 (95% CI 0.5-0.8) and 0.71 "
     "(95% CI 0.6-0.9), respectively. The hazard ratio for death of the sunitinib group against the placebo group in "
     "the second year was not significant (0.90; 95% confidence interval, 0.61-1.35).",
     [("PFS", "hr", 0.62, None, None, "sunitinib vs placebo"), ("OS", "hr", 0.71, None, None, "sunitinib vs placebo"),
      ("OS", "hr", 0.90, None, None, "sunitinib vs placebo")]),
    # a leading grade covers list items whose parentheses hold a pair; an item's own pair is never another item's
    ("Patients were randomized to nab-paclitaxel plus gemcitabine or gemcitabine alone. The most common adverse events "
     "of grade 3 or higher were neutropenia (38% and 27%), fatigue (17% and 7%), and neuropathy (17% and 1%).",
     [("NEUTROPENIA", "rate", 38, ">=3", None, "nab-paclitaxel plus gemcitabine"), ("NEUTROPENIA", "rate", 27, ">=3", None, "gemcitabine alone"),
      ("OTHER_AE:fatigue", "rate", 17, ">=3", None, "nab-paclitaxel plus gemcitabine"), ("OTHER_AE:fatigue", "rate", 7, ">=3", None, "gemcitabine alone"),
      ("OTHER_AE:neuropathy", "rate", 17, ">=3", None, "nab-paclitaxel plus gemcitabine"),
      ("OTHER_AE:neuropathy", "rate", 1, ">=3", None, "gemcitabine alone")]),
    # DLTs counted as events, their grade from the parenthesis, the dose level they occurred at as the arm
    ("One dose-limiting toxicity (grade 3 subdural hematoma) occurred at 600 mg; the maximum tolerated dose was not "
     "reached. In the dose-finding portion (n=18), one DLT (grade 3 hyperglycemia) occurred at 1.5 mg/kg.",
     [("DLT", "count", 1, "3", None, "600 mg"), ("DLT", "count", 1, "3", None, "1.5 mg/kg")]),
    # a bare dose right after a value is its cohort; 'not yet estimable' is a median still to come
    ("Among 40 patients, the response rate was 52% at 400 mg and 37% at 200 mg, and the median duration of response "
     "was not yet estimable.",
     [("ORR", "rate", 52, None, None, "400 mg"), ("ORR", "rate", 37, None, None, "200 mg"),
      ("DOR", "median", None, None, None, None)]),
    # a symptom's body site is part of its name
    ("The incidence of right shoulder pain was 4.7%.", [("OTHER_AE:right shoulder pain", "rate", 4.7, "any", None, None)]),
    # three arms: a pair follows the two arms its sentence names; a lone value after 'versus Y' is the subject's;
    # 'the combination' and 'monotherapy' name arms; 'not reached in any arm' is every arm's
    ("Patients were randomized 1:1:1 to ZELVORIN plus pembrolizumab, ZELVORIN monotherapy, or sunitinib. ZELVORIN plus "
     "pembrolizumab reduced the risk of progression versus sunitinib, with median PFS of 23.9 months versus 9.2 months. "
     "ZELVORIN monotherapy also improved PFS versus sunitinib (median 14.7 months). Median overall survival was not "
     "reached in any arm; the 24-month OS rate was 79.2% with the combination and 70.4% with sunitinib.",
     [("PFS", "median", 23.9, None, None, "ZELVORIN plus pembrolizumab"), ("PFS", "median", 9.2, None, None, "sunitinib"),
      ("PFS", "median", 14.7, None, None, "ZELVORIN"), ("OS", "median", None, None, None, "ZELVORIN plus pembrolizumab"),
      ("OS", "median", None, None, None, "ZELVORIN"), ("OS", "median", None, None, None, "sunitinib"),
      ("OS", "landmark", 79.2, None, 24, "ZELVORIN plus pembrolizumab"), ("OS", "landmark", 70.4, None, 24, "sunitinib")]),
    # conference shorthand: a leading grade covers a 'name N%' list
    ("Gr ≥3 neutropenia 38%, anemia 12%, thrombocytopenia 10%.",
     [("NEUTROPENIA", "rate", 38, ">=3", None, None), ("ANEMIA", "rate", 12, ">=3", None, None),
      ("THROMBOCYTOPENIA", "rate", 10, ">=3", None, None)]),
    # pairs of values per arm, in the endpoints' order, each pair labelled by its arm
    ("Patients were randomized to telvotamab-lenalidomide or R2. Best overall response and complete response rates were "
     "89% and 69% in the telvotamab arm and 78% and 44% in the R2 arm.",
     [("ORR", "rate", 89, None, None, "telvotamab-lenalidomide"), ("CR", "rate", 69, None, None, "telvotamab-lenalidomide"),
      ("ORR", "rate", 78, None, None, "R2"), ("CR", "rate", 44, None, None, "R2")]),
    # a heading line that names the endpoint over a line of labelled values; 'no detectable minimal residual disease'
    ("Patients were randomized to corvaparib (Arm A) or placebo (Arm B).\n"
     "Radiographic progression-free survival (rPFS), the primary endpoint:\n"
     "Arm A 19.4 months (95% CI 16.6-24.0) | Arm B 8.3 months (95% CI 6.9-11.1)\n\n"
     "Among patients in remission, 92% in Arm A and 86% in Arm B had no detectable minimal residual disease.",
     [("PFS", "median", 19.4, None, None, "corvaparib"), ("PFS", "median", 8.3, None, None, "placebo"),
      ("MRD", "rate", 92, None, None, "corvaparib"), ("MRD", "rate", 86, None, None, "placebo")]),
    # a count of patients in a named arm who had the endpoint
    ("Patients were randomized to T-VEC or GM-CSF. In total, 27 patients in the T-VEC arm had a complete response.",
     [("CR", "count", 27, None, None, "T-VEC")]),
    # news wording: 'went a median of X months before their cancer progressed', 'men taking X', an unknown event's
    # clause ('falls occurred in 11 percent versus 6 percent') keeps its values
    ("Men were randomly assigned to ravolutamide or placebo. Men in the ravolutamide group went a median of 22.1 months "
     "before their cancer progressed, versus 11.3 months for those in the placebo group. After three years, 68 percent "
     "of men taking ravolutamide were still alive. Rash affected 27 percent of men on ravolutamide, versus 9 percent on "
     "placebo, and falls occurred in 11 percent versus 6 percent.",
     [("PFS", "median", 22.1, None, None, "ravolutamide"), ("PFS", "median", 11.3, None, None, "placebo"),
      ("OS", "landmark", 68, None, 36, "ravolutamide"), ("OTHER_AE:rash", "rate", 27, "any", None, "ravolutamide"),
      ("OTHER_AE:rash", "rate", 9, "any", None, "placebo")]),
    # groups named by a generic word and by what each received are the arms
    ("Sixty patients were randomly divided into two groups: the experimental group (n=30) received thymalfasin plus "
     "docetaxel, and the control group (n=30) received docetaxel alone. The objective response rate was 43.3% in the "
     "experimental group and 26.7% in the control group. The median survival time was 11.2 months versus 8.9 months.",
     [("ORR", "rate", 43.3, None, None, "experimental group"), ("ORR", "rate", 26.7, None, None, "control"),
      ("OS", "median", 11.2, None, None, "experimental group"), ("OS", "median", 8.9, None, None, "control")]),
    # a grade right before a list of items with their pairs covers every item
    ("Patients were randomised to XELOX or FOLFOX-4. XELOX was associated with more grade 3/4 diarrhoea (20% vs 11%) "
     "and hand-foot syndrome (6% vs 1%).",
     [("OTHER_AE:diarrhoea", "rate", 20, "3-4", None, "XELOX"), ("OTHER_AE:diarrhoea", "rate", 11, "3-4", None, "FOLFOX-4"),
      ("OTHER_AE:hand-foot syndrome", "rate", 6, "3-4", None, "XELOX"),
      ("OTHER_AE:hand-foot syndrome", "rate", 1, "3-4", None, "FOLFOX-4")]),
    # composite remission written without spaces ('CR+CRi'); 'CRc' is left out: matched case-blind it is 'CRC', colorectal cancer
    ("Among patients with IDH1/2 mutations, the CR+CRi rate was 75.4%. The composite complete remission rate was 66.0%.",
     [("CR", "rate", 75.4, None, None, "patients with IDH1/2 mutations"), ("CR", "rate", 66.0, None, None, None)]),
    # a write-up's names for the arms: 'the new drug', 'standard care', 'the control group'
    ("Patients were randomized to zentumab or placebo. Median overall survival was 14.1 months for patients who got "
     "the new drug versus 10.2 months with standard care. The response rate was 40% in the control group.",
     [("OS", "median", 14.1, None, None, "zentumab"), ("OS", "median", 10.2, None, None, "placebo"),
      ("ORR", "rate", 40, None, None, "placebo")]),
    # a value's aside keeps its grade to itself; an endpoint's own qualifier in parentheses still grades it
    ("Patients were randomized to POLVEX + R-CHP or R-CHOP. Peripheral neuropathy was reported in 53% of patients in the "
     "POLVEX + R-CHP arm (Grade 3: 1.6%) and 54% in the R-CHOP arm. Prolonged cytopenias (Grade 3 or higher, not "
     "resolved by Day 30) occurred in 34% of patients in the POLVEX + R-CHP arm.",
     [("OTHER_AE:peripheral neuropathy", "rate", 53, "any", None, "POLVEX + R-CHP"),
      ("OTHER_AE:peripheral neuropathy", "rate", 1.6, "3", None, "POLVEX + R-CHP"),
      ("OTHER_AE:peripheral neuropathy", "rate", 54, "any", None, "R-CHOP"),
      ("OTHER_AE:prolonged cytopenias", "rate", 34, ">=3", None, "POLVEX + R-CHP")]),
    # 'the treatment group' is an arm by that name; time points listed as '1-, 2- and 3-year'; myelosuppression
    ("Patients in the treatment group had a longer median PFS than those in the control group (9.1 vs 6.2 months). The "
     "1-, 2- and 3-year survival rates were 80.0%, 56.7% and 40.0% in the treatment group and 66.7%, 40.1% and 23.3% in "
     "the control group, respectively. Grade III-IV myelosuppression occurred in 23.3% of the treatment group.",
     [("PFS", "median", 9.1, None, None, "treatment group"), ("PFS", "median", 6.2, None, None, "control"),
      ("OS", "landmark", 80.0, None, 12, "treatment group"), ("OS", "landmark", 56.7, None, 24, "treatment group"),
      ("OS", "landmark", 40.0, None, 36, "treatment group"), ("OS", "landmark", 66.7, None, 12, "control"),
      ("OS", "landmark", 40.1, None, 24, "control"), ("OS", "landmark", 23.3, None, 36, "control"),
      ("OTHER_AE:myelosuppression", "rate", 23.3, "3-4", None, "treatment group")]),
    # a response rate defined by its parts: 'the effective rate (CR+PR)'
    ("Patients were divided into an observation group and a control group. The effective rate (CR+PR) of the "
     "observation group was 83.3%, higher than 63.3% of the control group (P<0.05).",
     [("ORR", "rate", 83.3, None, None, "observation group"), ("ORR", "rate", 63.3, None, None, "control group")]),
    # the minimum follow-up's value is not the median's
    ("All patients had a minimum follow-up of 12 months; median follow-up was 30 months.",
     [("FOLLOW_UP", "median", 30, None, None, None)]),
    # a share of responders still in response is a DOR landmark, not a share of events
    ("Of the 85 responders, 68% remained in response at 12 months.", [("DOR", "landmark", 68, None, 12, None)]),
    # a describing parenthesis inside an arm's name; one arm dosed by body weight; radioligand doses in GBq and
    # 'x 6' cycles; 'a change of ARPI'
    ("Patients were randomized 1:1:1 to receive ravelimab (a PD-L1 inhibitor) plus ketunitinib (R+K group), ravelimab "
     "monotherapy (ravelimab group), or lenvatinib (lenvatinib group). Median progression-free survival was 7.1, 3.7, "
     "and 5.6 months, respectively.",
     [("PFS", "median", 7.1, None, None, "ravelimab plus ketunitinib"), ("PFS", "median", 3.7, None, None, "ravelimab"),
      ("PFS", "median", 5.6, None, None, "lenvatinib")]),
    ("Patients were randomized 2:1 to corvelitamab 1800 mg (≥70 kg) or 1400 mg (<70 kg) Q3W plus CAPOX, or to "
     "trastuzumab plus CAPOX (control). Median PFS, 13.8 vs 9.2 mo.",
     [("PFS", "median", 13.8, None, None, "corvelitamab plus CAPOX"), ("PFS", "median", 9.2, None, None, "trastuzumab plus CAPOX")]),
    ("Patients were randomized 1:1 to Lu-VPT 7.4 GBq q6w × 6 or to a change of ARPI. Median rPFS was 11.6 vs 5.4 months.",
     [("PFS", "median", 11.6, None, None, "Lu-VPT"), ("PFS", "median", 5.4, None, None, "ARPI")]),
    # a semicolon list of regimens, each with the short name the write-up goes on to use
    ("The trial randomly assigned 396 patients to one of three regimens: the drug, dorafitinib, plus venetoclax and "
     "azacitidine (the triplet; n=133); venetoclax plus azacitidine (the doublet; n=131); or azacitidine alone (n=132). "
     "Patients on the triplet lived a median of 14.6 months, compared with 11.9 months on the doublet.",
     [("OS", "median", 14.6, None, None, "dorafitinib plus venetoclax and azacitidine"),
      ("OS", "median", 11.9, None, None, "venetoclax plus azacitidine")]),
    # a grade carried into 'the most common were', across a semicolon list, and written after a pair
    ("Patients were randomized to A-drug or placebo. Adverse events of grade 3 or 4 occurred in 41.8% of patients in "
     "the A-drug group and in 61.0% of the placebo group; the most common were rash (9.1% vs. 0%) and neutropenia "
     "(3.0% vs. 28.7%).",
     [("TEAE", "rate", 41.8, "3-4", None, "A-drug"), ("TEAE", "rate", 61.0, "3-4", None, "placebo"),
      ("OTHER_AE:rash", "rate", 9.1, "3-4", None, "A-drug"), ("OTHER_AE:rash", "rate", 0, "3-4", None, "placebo"),
      ("NEUTROPENIA", "rate", 3.0, "3-4", None, "A-drug"), ("NEUTROPENIA", "rate", 28.7, "3-4", None, "placebo")]),
    ("Patients were randomized to A-drug, B-drug or C-drug. Gr 3–4 neutropenia 8%, 6% and 34%; anemia 5%, 3% and 27%.",
     [("NEUTROPENIA", "rate", 8, "3-4", None, "A-drug"), ("NEUTROPENIA", "rate", 6, "3-4", None, "B-drug"),
      ("NEUTROPENIA", "rate", 34, "3-4", None, "C-drug"), ("ANEMIA", "rate", 5, "3-4", None, "A-drug"),
      ("ANEMIA", "rate", 3, "3-4", None, "B-drug"), ("ANEMIA", "rate", 27, "3-4", None, "C-drug")]),
    ("Patients were randomized to A-drug or B-drug. Thrombocytopenia 2% vs 1% (Gr 3/4). Neutropenia occurred in 40% "
     "(grade 3 in 10%).",
     [("THROMBOCYTOPENIA", "rate", 2, "3-4", None, "A-drug"), ("THROMBOCYTOPENIA", "rate", 1, "3-4", None, "B-drug"),
      ("NEUTROPENIA", "rate", 40, "any", None, None), ("NEUTROPENIA", "rate", 10, "3", None, None)]),
    # a dose in parentheses and 'for up to six cycles' inside the first arm's phrase
    ("Patients were randomized 1:1 to PROSTALUX 7.4 GBq (200 mCi) every 6 weeks for up to six cycles (n=234) or a "
     "switch to abiraterone or enzalutamide (n=234). Median OS was 24.5 months with PROSTALUX versus 23.1 months with "
     "abiraterone or enzalutamide.",
     [("OS", "median", 24.5, None, None, "PROSTALUX"), ("OS", "median", 23.1, None, None, "abiraterone or enzalutamide")]),
    # hazard-ratio wordings: an event-free ratio named by its events, a named comparison before the value,
    # 'HR, X vs Y:' after the medians
    ("Patients were randomized to DRUGA or placebo. The hazard ratio for disease recurrence, progression or death was "
     "0.61 (95% CI, 0.49 to 0.75). DRUGA showed a hazard ratio for radiographic progression or death of 0.41.",
     [("EFS", "hr", 0.61, None, None, "DRUGA vs placebo"), ("PFS", "hr", 0.41, None, None, "DRUGA vs placebo")]),
    ("Patients were randomized to the triplet, the doublet or azacitidine alone. The hazard ratio for death for the "
     "triplet versus the doublet was 0.84.", [("OS", "hr", 0.84, None, None, "triplet vs doublet")]),
    ("Patients were randomized to DRUGA or placebo. Median PFS was 9.1 vs 5.0 months. HR, DRUGA vs placebo: 0.40 "
     "(95% CI 0.30-0.53).",
     [("PFS", "median", 9.1, None, None, "DRUGA"), ("PFS", "median", 5.0, None, None, "placebo"),
      ("PFS", "hr", 0.40, None, None, "DRUGA vs placebo")]),
    # news wording for adverse events: 'side effects of grade 3 or worse affected', 'taste changes affected'
    ("Patients were randomized to DRUGA or placebo. Side effects of grade 3 or worse affected 45 percent of patients on "
     "DRUGA and 38 percent of those on placebo. Taste changes affected 55 percent of patients on DRUGA.",
     [("TEAE", "rate", 45, ">=3", None, "DRUGA"), ("TEAE", "rate", 38, ">=3", None, "placebo"),
      ("OTHER_AE:taste changes", "rate", 55, "any", None, "DRUGA")]),
    # 'patients in CR' are who was measured; dose levels with decimals; 'f/u'
    ("The CR rate was 45%; 68% of patients in CR were MRD-negative. mPFS: 5.3 mo for DL4.8; 7.1 mo for DL6.0. "
     "Median f/u was 14.2 mo.",
     [("CR", "rate", 45, None, None, None), ("MRD", "rate", 68, None, None, None),
      ("PFS", "median", 5.3, None, None, "DL4.8"), ("PFS", "median", 7.1, None, None, "DL6.0"),
      ("FOLLOW_UP", "median", 14.2, None, None, None)]),
    # 'any-grade X' is X at any grade; 'X was the most frequent AE (...)' gives X the values; slash pairs per arm,
    # and an item after a semicolon is another event
    ("Patients were randomized to A-drug or placebo. Any-grade proteinuria 14% vs 3%. Diarrhea was the most frequent AE "
     "(any grade 61% vs 35%; Gr ≥3 12% vs 4%). The most common TRAEs were dysgeusia 71%/76%; nail disorders 58%/54%.",
     [("OTHER_AE:proteinuria", "rate", 14, "any", None, "A-drug"), ("OTHER_AE:proteinuria", "rate", 3, "any", None, "placebo"),
      ("OTHER_AE:diarrhea", "rate", 61, "any", None, "A-drug"), ("OTHER_AE:diarrhea", "rate", 35, "any", None, "placebo"),
      ("OTHER_AE:diarrhea", "rate", 12, ">=3", None, "A-drug"), ("OTHER_AE:diarrhea", "rate", 4, ">=3", None, "placebo"),
      ("OTHER_AE:dysgeusia", "rate", 71, "any", None, "A-drug"), ("OTHER_AE:dysgeusia", "rate", 76, "any", None, "placebo"),
      ("OTHER_AE:nail disorders", "rate", 58, "any", None, "A-drug"), ("OTHER_AE:nail disorders", "rate", 54, "any", None, "placebo")]),
    # long describing parentheses inside a three-arm list
    ("Patients were randomly assigned in a 1:1:1 ratio to receive ravelimab (a PD-L1 inhibitor, 1500 mg every 4 weeks) "
     "plus ketunitinib (a multikinase inhibitor, 8 mg daily) (R+K group), ravelimab monotherapy (ravelimab group), or "
     "lenvatinib (lenvatinib group). Median progression-free survival was 7.1, 3.7, and 5.6 months, respectively.",
     [("PFS", "median", 7.1, None, None, "ravelimab plus ketunitinib"), ("PFS", "median", 3.7, None, None, "ravelimab"),
      ("PFS", "median", 5.6, None, None, "lenvatinib")]),
    # a description between commas inside an arm's name
    ("Patients were randomly assigned in a 1:1 ratio to receive ondrelitamab, a CD20xCD3 bispecific antibody, plus "
     "lenalidomide (OL group) or rituximab plus lenalidomide (R2 group). The complete response rates were 65.2% and "
     "49.8% in the OL group and the R2 group, respectively.",
     [("CR", "rate", 65.2, None, None, "ondrelitamab plus lenalidomide"), ("CR", "rate", 49.8, None, None, "rituximab plus lenalidomide")]),
    # cohorts named with their sizes are the arms where nothing else names them
    ("Overall, 104 pts were treated (KMT2Ar, n=67; NPM1m, n=37). The CR+CRh rate was 26% (KMT2Ar) and 24% (NPM1m).",
     [("CR", "rate", 26, None, None, "KMT2Ar"), ("CR", "rate", 24, None, None, "NPM1m")]),
    # 'did not reach statistical significance' is no median not reached; event-free and progression-free landmarks
    # in news wording; a leading dose cohort
    ("Patients were randomized to DRUGA or placebo. Patients on placebo lived a median of 24.9 months, a difference "
     "that did not reach statistical significance. At two years, 41 percent of patients on DRUGA were alive without an "
     "event, against 16 percent in the placebo group. The probability of remaining progression-free at two years was "
     "42% with DRUGA and 9% with placebo.",
     [("OS", "median", 24.9, None, None, "placebo"), ("EFS", "landmark", 41, None, 24, "DRUGA"),
      ("EFS", "landmark", 16, None, 24, "placebo"), ("PFS", "landmark", 42, None, 24, "DRUGA"),
      ("PFS", "landmark", 9, None, 24, "placebo")]),
    ("Two doses were chosen. At 800 µg/kg every week (n = 52), the overall response rate was 77 percent. At 1,600 "
     "µg/kg every other week (n = 49), 73 percent responded.",
     [("ORR", "rate", 77, None, None, "800 µg/kg"), ("ORR", "rate", 73, None, None, "1,600 µg/kg")]),
    # a press release that names its arms only in 'X (the combination) reduced ... versus Y (the comparator arm)'
    ("TAVENZA in combination with diralimab (the combination) reduced the risk of death versus platinum-based "
     "chemotherapy (the comparator arm). Median overall survival: 31.2 months with the combination vs. 16.0 months in "
     "the comparator arm (HR=0.53; 95% CI: 0.44–0.64).",
     [("OS", "median", 31.2, None, None, "TAVENZA in combination with diralimab"),
      ("OS", "median", 16.0, None, None, "platinum-based chemotherapy"),
      ("OS", "hr", 0.53, None, None, "TAVENZA in combination with diralimab vs platinum-based chemotherapy")]),
    # an aside opened after a value list names its own values; 'these included' carries the grade
    ("Patients were randomly assigned to receive R+K, ravelimab, or lenvatinib. An objective response occurred in "
     "30.2%, 15.1%, and 21.4% of the patients (complete response, 4.4%, 2.1%, and 0.9%).",
     [("ORR", "rate", 30.2, None, None, "R+K"), ("ORR", "rate", 15.1, None, None, "ravelimab"),
      ("ORR", "rate", 21.4, None, None, "lenvatinib"), ("CR", "rate", 4.4, None, None, "R+K"),
      ("CR", "rate", 2.1, None, None, "ravelimab"), ("CR", "rate", 0.9, None, None, "lenvatinib")]),
    ("Patients were randomly assigned to sertolimab or placebo. Adverse events of grade 3 or higher occurred in 62% and "
     "58%; these included neutropenia (18% vs 16%).",
     [("TEAE", "rate", 62, ">=3", None, "sertolimab"), ("TEAE", "rate", 58, ">=3", None, "placebo"),
      ("NEUTROPENIA", "rate", 18, ">=3", None, "sertolimab"), ("NEUTROPENIA", "rate", 16, ">=3", None, "placebo")]),
    # randomized doses with their short labels are the arms
    ("Two candidate doses were randomized 1:1: 4.8 mg/kg (DL4.8) and 6.0 mg/kg (DL6.0). mPFS: 5.3 mo for DL4.8; "
     "7.1 mo for DL6.0.",
     [("PFS", "median", 5.3, None, None, "4.8 mg/kg"), ("PFS", "median", 7.1, None, None, "6.0 mg/kg")]),
    # 'k/n pts had DLTs' and 'k of n patients had' count k, not n
    ("At 600 mg, 2/7 pts had DLTs. In escalation, 3 of 24 patients had DLTs.",
     [("DLT", "count", 2, "any", None, "600 mg"), ("DLT", "count", 3, "any", None, None)]),
    # news randomisation sentences: 'or to standard care, which meant ...'; 'given at ... , or to chemotherapy: A, B or C'
    ("In the trial, 322 adults were randomly assigned to the cell therapy, called rovacabtagene autoleucel (rova-cel), or "
     "to standard care, which meant salvage chemotherapy. The median event-free survival was 10.9 months with rova-cel "
     "and 2.3 months with standard care.",
     [("EFS", "median", 10.9, None, None, "rovacabtagene autoleucel"), ("EFS", "median", 2.3, None, None, "standard care")]),
    ("They were assigned 2:1 to the drug, called velantuzumab dexaquitecan (V-Dx), given at 5.4 mg/kg every three weeks, "
     "or to chemotherapy: capecitabine, eribulin or paclitaxel. The response rate was 50 percent with V-Dx versus 16 "
     "percent with chemotherapy.",
     [("ORR", "rate", 50, None, None, "velantuzumab dexaquitecan"), ("ORR", "rate", 16, None, None, "chemotherapy")]),
    # a press release's subject after 'met its primary endpoint:'
    ("The study met its primary endpoint: fixed-duration CALDRENA plus venetoclax significantly prolonged progression-free "
     "survival compared with chemoimmunotherapy (FCR or BR). The estimated PFS rate at 3 years was 90.1% for the "
     "combination versus 64.7% for chemoimmunotherapy.",
     [("PFS", "landmark", 90.1, None, 36, "CALDRENA plus venetoclax"), ("PFS", "landmark", 64.7, None, 36, "chemoimmunotherapy")]),
    # a named population or subgroup opening the sentence qualifies each arm; an arm's own group does not
    ("Patients were randomized to V-Dx or chemotherapy. In the triple-negative group (n = 63), median progression-free "
     "survival was 8.5 months with V-Dx and 2.9 months with chemotherapy. In the V-Dx group, median OS was 18.2 months.",
     [("PFS", "median", 8.5, None, None, "V-Dx (triple-negative)"), ("PFS", "median", 2.9, None, None, "chemotherapy (triple-negative)"),
      ("OS", "median", 18.2, None, None, "V-Dx")]),
    ("Patients were randomized to LONVESTRA or placebo. In the subgroup of patients previously treated with regorafenib "
     "(n=139), median OS was 6.6 months with LONVESTRA and 4.4 months with placebo.",
     [("OS", "median", 6.6, None, None, "LONVESTRA (previously treated with regorafenib)"),
      ("OS", "median", 4.4, None, None, "placebo (previously treated with regorafenib)")]),
    # ', while those on standard care ...' starts the other arm's clause; 'responded to the cell therapy'
    ("In the trial, 322 adults were randomly assigned to rova-cel or to standard care. Patients given rova-cel lived a "
     "median of 31.4 months, while those on standard care lived a median of 24.9 months. Overall, 83 percent of "
     "patients responded to the cell therapy.",
     [("OS", "median", 31.4, None, None, "rova-cel"), ("OS", "median", 24.9, None, None, "standard care"),
      ("ORR", "rate", 83, None, None, "rova-cel")]),
    # 'the figures were A and B' restates the endpoints of the clause before, in order
    ("Patients were randomized to rova-cel or to standard care (the control arm). Overall, 83 percent of patients "
     "responded to rova-cel and 65 percent had a complete response; in the control arm the figures were 50 percent and "
     "32 percent.",
     [("ORR", "rate", 83, None, None, "rova-cel"), ("CR", "rate", 65, None, None, "rova-cel"),
      ("ORR", "rate", 50, None, None, "standard care"), ("CR", "rate", 32, None, None, "standard care")]),
    # the unit given once in the label: 'Median PFS (mo): 7.4 (...) and 5.5 (...)'
    ("Patients were enrolled in cohort 1 (n=71) and cohort 2 (n=52). Median PFS (mo): 7.4 (95% CI 5.6–9.1) and 5.5 "
     "(4.1–6.9).",
     [("PFS", "median", 7.4, None, None, "cohort 1"), ("PFS", "median", 5.5, None, None, "cohort 2")]),
    # lettered arms compared in hazard ratios: 'HR for PFS, A vs C: 0.46 (...); B vs C: 0.79 (...)', 'HR A vs C 0.58'
    ("Patients were randomized to OV + taslimab (arm A), OV alone (arm B) or gemcitabine-carboplatin (arm C). HR for "
     "PFS, A vs C: 0.46 (0.30–0.71); B vs C: 0.79 (0.53–1.17). Median OS was 17.4 and 13.8 mo in arms B and C (HR A "
     "vs C 0.58, 95% CI 0.35–0.96).",
     [("PFS", "hr", 0.46, None, None, "OV + taslimab vs gemcitabine-carboplatin"),
      ("PFS", "hr", 0.79, None, None, "OV alone vs gemcitabine-carboplatin"),
      ("OS", "median", 17.4, None, None, "OV alone"), ("OS", "median", 13.8, None, None, "gemcitabine-carboplatin"),
      ("OS", "hr", 0.58, None, None, "OV + taslimab vs gemcitabine-carboplatin")]),
    # a disease cohort named by its acronym and size opening the sentence
    ("Patients received LANT-1 at 200 mg or 400 mg. In CLL/SLL (n=78 evaluable), ORR was 82% and CR 4%.",
     [("ORR", "rate", 82, None, None, "CLL/SLL"), ("CR", "rate", 4, None, None, "CLL/SLL")]),
    # 'alive without their cancer coming back' is event-free; the time point carries over a longer 'compared with'
    ("Patients were randomized to torvalimab or placebo. Two years after the start of treatment, 68 percent of patients "
     "who got torvalimab were alive without their cancer coming back, compared with 52 percent of those who got placebo.",
     [("EFS", "landmark", 68, None, 24, "torvalimab"), ("EFS", "landmark", 52, None, 24, "placebo")]),
    # a regimen named with numbers ('7+3') is an arm name, not a dose
    ("Pts were randomized 1:1 to ziftomenib + 7+3 (n=120) or placebo + 7+3 (n=118). CR rates were 71% vs 55% (p=0.01).",
     [("CR", "rate", 71, None, None, "ziftomenib + 7+3"), ("CR", "rate", 55, None, None, "placebo + 7+3")]),
    # an arm's partner drugs after its dose stay in its name ('with pemetrexed and platinum chemotherapy')
    ("Patients were randomized (2:1) to receive KEYTRUDA 200 mg with pemetrexed and platinum chemotherapy or placebo "
     "with pemetrexed and platinum chemotherapy. The ORR was 48% in the KEYTRUDA arm and 19% in the placebo arm.",
     [("ORR", "rate", 48, None, None, "KEYTRUDA with pemetrexed and platinum chemotherapy"),
      ("ORR", "rate", 19, None, None, "placebo with pemetrexed and platinum chemotherapy")]),
    # each arm's value in its own parenthesis, the second after 'than with' (no unknown list item)
    ("Patients were randomly assigned to zorvitinib or chemotherapy. Grade 3 or higher adverse events were more "
     "frequent with chemotherapy (64%) than with zorvitinib (43%).",
     [("TEAE", "rate", 64, ">=3", None, "chemotherapy"), ("TEAE", "rate", 43, ">=3", None, "zorvitinib")]),
    # a count of its group with no percentage: 'in 11/12 patients', 'in 4 of 30 patients'
    ("Flushing occurred in 11/12 patients.", [("OTHER_AE:flushing", "count", 11, "any", None, None)]),
    # the dose level of DLTs written after them with its schedule or as a level, or leading the sentence
    ("DLTs occurred in 2 of 8 pts at 400 mg QD. Dose-limiting toxicities occurred in 3 of 12 patients at the "
     "highest level. At 25 mg, 1/6 pts had DLTs.",
     [("DLT", "count", 2, "any", None, "400 mg QD"), ("DLT", "count", 3, "any", None, "highest level"),
      ("DLT", "count", 1, "any", None, "25 mg")]),
    # 'ORR was 23% for 52 X-treated patients': the group's size stands between the value and its arm
    ("Patients were randomly assigned to zanidatamab or trastuzumab. ORR was 23% for 52 trastuzumab-treated "
     "patients. Median PFS was 4.0 months in 47 patients treated with zanidatamab.",
     [("ORR", "rate", 23, None, None, "trastuzumab"), ("PFS", "median", 4.0, None, None, "zanidatamab")]),
    # 'randomised to X or Y after biopsy': the second arm ends before 'after'; 'complete clinical regression' is a CR
    ("Forty women were randomised to receive letrozole or chemotherapy after core biopsy. Six of 20 (30%) patients "
     "who received letrozole showed complete clinical regression.",
     [("CR", "rate", 30, None, None, "letrozole")]),
    # an adverse-event list item the lexicon does not know, with an abbreviation inside its name
    ("The most common adverse events were dysgeusia (71%) and elevated ALT level (27%).",
     [("OTHER_AE:dysgeusia", "rate", 71, "any", None, None), ("OTHER_AE:elevated alt level", "rate", 27, "any", None, None)]),
    # 'with no difference between DA (71%) and DClo (66%)': arms in their own parentheses, not unknown list items
    ("The overall response rate was 69% (complete remission (CR) 60%), with no difference between DA (71%) and "
     "DClo (66%).",
     [("ORR", "rate", 69, None, None, None), ("CR", "rate", 60, None, None, None),
      ("ORR", "rate", 71, None, None, None), ("ORR", "rate", 66, None, None, None)]),
    # each arm named before its own value, the later ones without a verb: the arm after a value is the next one's
    ("Patients were randomised to FOLFOX, FOLFIRI or CAPOX. Median OS for patients randomised to FOLFOX was 14.1 "
     "months, for patients randomised to FOLFIRI 12.9 months and for patients randomised to CAPOX 13.3 months.",
     [("OS", "median", 14.1, None, None, "FOLFOX"), ("OS", "median", 12.9, None, None, "FOLFIRI"),
      ("OS", "median", 13.3, None, None, "CAPOX")]),
    # 'At T, a% of A and b% of B remained progression free': the leading time point reaches past the first arm
    ("Patients were randomised to lunaparib or placebo. At 24 months, 41% of lunaparib-treated patients and 9% of "
     "placebo recipients remained progression free.",
     [("PFS", "landmark", 41, None, 24, "lunaparib"), ("PFS", "landmark", 9, None, 24, "placebo")]),
    # '1-y OS': the one-letter year unit before an endpoint
    ("1-y OS 58% vs 40%.", [("OS", "landmark", 58, None, 12, None), ("OS", "landmark", 40, None, 12, None)]),
    # three arms whose names start with a digit ('5-FU/LV'), listed with commas
    ("Patients were randomised to 5-FU/LV, CI 5-FU or observation. Median survival time was 54 weeks with 5-FU/LV, "
     "49 weeks with CI 5-FU and 41 weeks in the observation arm.",
     [("OS", "median", 54, None, None, "5-FU/LV"), ("OS", "median", 49, None, None, "CI 5-FU"),
      ("OS", "median", 41, None, None, "observation")]),
    # lettered arms with short names in the same parenthesis ('(Arm B; Rav-P)'); an NR in a 'for X' list keeps
    # its own arm; 'HR for A vs B, x (...) and for C vs D, y (...)' labels each ratio
    ("Pts were randomized 1:1:1 to tovetamab monotherapy (Arm A), tovetamab + pomalidomide (Arm B; Tov-P) or "
     "pomalidomide + dexamethasone (Arm C; Pd). mPFS was 15.1 mo for Arm A, NR for Tov-P and 6.2 mo for Pd; HR for "
     "Tov-P vs Pd, 0.31 (95% CI 0.21–0.45) and for Arm A vs Arm C, 0.52 (0.38–0.71).",
     [("PFS", "median", 15.1, None, None, "tovetamab"), ("PFS", "median", None, None, None, "tovetamab + pomalidomide"),
      ("PFS", "median", 6.2, None, None, "pomalidomide + dexamethasone"),
      ("PFS", "hr", 0.31, None, None, "tovetamab + pomalidomide vs pomalidomide + dexamethasone"),
      ("PFS", "hr", 0.52, None, None, "tovetamab vs pomalidomide + dexamethasone")]),
    # 'fatal' is grade 5; irAEs are named adverse events
    ("Fatal infections occurred in 2%. Grade 3–4 irAEs occurred in 18.5%.",
     [("INFECTION", "rate", 2, "5", None, None), ("OTHER_AE:iraes", "rate", 18.5, "3-4", None, None)]),
    # a grade carried to the items after ', chiefly' / ', led by' / ', most often'
    ("Grade ≥3 TEAEs occurred in 47%, chiefly neutropenia (19%) and anaemia (10%).",
     [("TEAE", "rate", 47, ">=3", None, None), ("NEUTROPENIA", "rate", 19, ">=3", None, None),
      ("ANEMIA", "rate", 10, ">=3", None, None)]),
    # dose levels defined by their labels, then reported by them; DLTs in 'k of n DLT-evaluable pts' at a level
    ("Patients received one infusion at 3 dose levels (DL1, 50 × 10^6; DL2, 100 × 10^6; DL3, 200 × 10^6 CAR+ T cells). "
     "ORR was 40% (2/5), 71% (5/7) and 85% (17/20) at DL1, DL2 and DL3. At DL2, 1 of 6 DLT-evaluable pts had a DLT "
     "(grade 4 neutropenia).",
     [("ORR", "rate", 40, None, None, "DL1"), ("ORR", "rate", 71, None, None, "DL2"), ("ORR", "rate", 85, None, None, "DL3"),
      ("DLT", "count", 1, "4", None, "DL2")]),
    # a disease cohort defined by its abbreviation is no trial; 'In the LMS cohort (n=38),' names the value's arm
    ("Expansion cohorts were treated at the RP2D: leiomyosarcoma (LMS) and dedifferentiated liposarcoma (DDLPS). In "
     "the LMS cohort (n=38), ORR was 26% (10/38). In the expansion cohort, the DCR was 61%.",
     [("ORR", "rate", 26, None, None, "LMS"), ("DCR", "rate", 61, None, None, None)]),
    # 'primary' in a subgroup's description is no analysis population
    ("CR rates were 52% in patients with primary refractory disease and 64% in patients aged 70 years or older.",
     [("CR", "rate", 52, None, None, "patients with primary refractory disease"),
      ("CR", "rate", 64, None, None, "patients aged 70 years or older")]),
    # a unit abbreviation after a number ends its sentence before a capitalised word; 'of whom 4% developed X'
    ("Median time to response: 1.2 vs 2.6 mo. At a median follow-up of 18.1 mo, grade 3-4 neutropenia was confined to "
     "chemotherapy recipients (27%), of whom 5% developed febrile neutropenia.",
     [("TTR", "median", 1.2, None, None, None), ("TTR", "median", 2.6, None, None, None),
      ("FOLLOW_UP", "median", 18.1, None, None, None), ("NEUTROPENIA", "rate", 27, "3-4", None, None),
      ("OTHER_AE:febrile neutropenia", "rate", 5, "any", None, None)]),
    # 'Pts ... received A (the combination) or B alone' in a randomised report names its arms
    ("GALLINULE-2 is a randomized phase 2 trial. Pts with resectable melanoma received 2 neoadjuvant doses of "
     "torelimab plus fianlimab (the combination) or torelimab alone, then surgery. 24-mo OS: 91% vs 86%.",
     [("OS", "landmark", 91, None, 24, "torelimab plus fianlimab"), ("OS", "landmark", 86, None, 24, "torelimab alone")]),
    # 'assigned to A (...) alone or with B': arms 'A alone' and 'A with B', later called 'B with A' and 'the A group';
    # items after semicolons of a two-arm comparison share the first item's grade
    ("Patients were randomly assigned to whole-brain radiotherapy (30 Gy) alone or with concurrent veltozolamide. "
     "Survival was longer among patients who received veltozolamide with radiotherapy than among those who received "
     "radiotherapy alone (median, 8.1 months vs. 6.2 months). Grade 3 or 4 lymphopenia occurred in 25.1% of the "
     "patients in the combination group, as compared with 9.4% in the radiotherapy group; thrombocytopenia in 10.3% "
     "and 0.6%.",
     [("OS", "median", 8.1, None, None, "whole-brain radiotherapy with veltozolamide"),
      ("OS", "median", 6.2, None, None, "whole-brain radiotherapy alone"),
      ("OTHER_AE:lymphopenia", "rate", 25.1, "3-4", None, "whole-brain radiotherapy with veltozolamide"),
      ("OTHER_AE:lymphopenia", "rate", 9.4, "3-4", None, "whole-brain radiotherapy alone"),
      ("THROMBOCYTOPENIA", "rate", 10.3, "3-4", None, "whole-brain radiotherapy with veltozolamide"),
      ("THROMBOCYTOPENIA", "rate", 0.6, "3-4", None, "whole-brain radiotherapy alone")]),
    # 'HR for rPFS was 0.63 for Arm A versus Arm C (95% CI ...)': rPFS is PFS, and the label after the ratio keeps its CI
    ("Patients were randomized to talaparib plus enzalutamide (Arm A), talaparib alone (Arm B) or placebo plus "
     "enzalutamide (Arm C). The HR for rPFS was 0.61 for Arm A versus Arm C (95% CI 0.44-0.85; p=0.004).",
     [("PFS", "hr", 0.61, None, None, "talaparib plus enzalutamide vs placebo plus enzalutamide")]),
    # an event the lexicon does not know, named as the subject, outside a safety section when its name says it is an event
    ("RESULTS: Acute kidney injury occurred in 11 (18.3%) patients. Postoperative recovery occurred in 12%.",
     [("OTHER_AE:acute kidney injury", "rate", 18.3, "any", None, None)]),
    # 'nausea and vomiting' with one list of values is one event; with 'respectively' it is two
    ("Grade 3-4 nausea and vomiting occurred in 8% and 15%. Nausea and vomiting were reported in 22% and 11%, respectively.",
     [("OTHER_AE:nausea and vomiting", "rate", 8, "3-4", None, None), ("OTHER_AE:nausea and vomiting", "rate", 15, "3-4", None, None),
      ("OTHER_AE:nausea", "rate", 22, "any", None, None), ("OTHER_AE:vomiting", "rate", 11, "any", None, None)]),
    # the second value of a 'vs' pair stays with the pair's endpoint, not the one named after the pair
    ("Gr ≥3 TRAEs: 52.1% vs 45.3%, most often anemia (15.0% vs 13.1%).",
     [("TEAE", "rate", 52.1, ">=3", None, None), ("TEAE", "rate", 45.3, ">=3", None, None),
      ("ANEMIA", "rate", 15.0, ">=3", None, None), ("ANEMIA", "rate", 13.1, ">=3", None, None)]),
    # ', as was 30-day mortality (5.9% and 5.4%)': an unknown measure's own parenthesis keeps its values
    ("Postoperative complications were similar in the two groups (42% and 40%), as was 30-day mortality (5.1% and 4.9%).",
     [("OTHER_AE:postoperative complications", "rate", 42, "any", None, None),
      ("OTHER_AE:postoperative complications", "rate", 40, "any", None, None)]),
    # the one arm named before a pair, as the clause's subject, comes first
    ("Patients were randomized to PCR or PCR-B. Patients treated with PCR-B had a trend for a higher complete "
     "remission (CR) rate (52.5% vs 33.3%; p = 0.08).",
     [("CR", "rate", 52.5, None, None, "PCR-B"), ("CR", "rate", 33.3, None, None, "PCR")]),
    # 'The CR rate was higher in arm B (90%) than in arm A (70%)': no unknown item between the endpoint and its values
    ("Patients were randomized to arm A or arm B. The complete response (CR) rate was higher in arm B (88%) than in arm A (71%).",
     [("CR", "rate", 88, None, None, "arm B"), ("CR", "rate", 71, None, None, "arm A")]),
    # a leading 'Among cisplatin-ineligible patients,' qualifies each arm's value with the subgroup
    ("The trial compared ZB-301 plus torilimab with chemotherapy. Among cisplatin-ineligible patients, median OS was "
     "24.2 months with ZB-301 plus torilimab and 11.9 months with chemotherapy.",
     [("OS", "median", 24.2, None, None, "ZB-301 plus torilimab (cisplatin-ineligible)"),
      ("OS", "median", 11.9, None, None, "chemotherapy (cisplatin-ineligible)")]),
    # 'were alive and free of radiographic progression' is a PFS landmark
    ("At 24 months, 54.1% and 31.0% of patients, respectively, were alive and free of radiographic progression.",
     [("PFS", "landmark", 54.1, None, 24, None), ("PFS", "landmark", 31.0, None, 24, None)]),
    # role names in quotes or alone in an arm's parenthesis ('(the "triplet" arm)', '(control)'), used later as names
    ('Patients were randomized to velbolimab alone (the "doublet" arm), velbolimab plus RENARA (the "triplet" arm) or '
     'placebo (control). Median PFS was 14.8 months in the triplet arm, 10.6 months in the doublet arm and 9.1 months '
     'with control.',
     [("PFS", "median", 14.8, None, None, "velbolimab plus RENARA"), ("PFS", "median", 10.6, None, None, "velbolimab alone"),
      ("PFS", "median", 9.1, None, None, "placebo")]),
    # 'compared X (generic; short) with standard of care (SOC)': both are arms, 'the comparator arm' is SOC; a ratio
    # after 'versus ... with SOC' reads experimental vs control; 'Among patients who received <short name>,' is the arm
    ("The phase 3 trial compared MERIVCEL (merivacabtagene autoleucel; meri-cel) with standard of care (SOC). Median "
     "EFS was 13.2 months versus 3.1 months with SOC (HR 0.44). The overall response rate was 51% in the comparator "
     "arm. Among patients who received meri-cel, cytokine release syndrome occurred in 85%.",
     [("EFS", "median", 13.2, None, None, "MERIVCEL"), ("EFS", "median", 3.1, None, None, "standard of care"),
      ("EFS", "hr", 0.44, None, None, "MERIVCEL vs standard of care"), ("ORR", "rate", 51, None, None, "standard of care"),
      ("CRS", "rate", 85, "any", None, "MERIVCEL")]),
    # '; median 31.2 vs 16.0 months' after a ratio: 'median' opens no unknown item
    ("The trial compared ZB-410 plus torilimab with chemotherapy.\n• Overall survival: HR 0.55 (95% CI 0.44–0.68); "
     "median 29.8 vs 15.1 months",
     [("OS", "hr", 0.55, None, None, "ZB-410 plus torilimab vs chemotherapy"),
      ("OS", "median", 29.8, None, None, "ZB-410 plus torilimab"), ("OS", "median", 15.1, None, None, "chemotherapy")]),
    # a 'most common adverse reactions' list that names no arm goes on about the one arm the sentence before named
    ("MARLOW-2 randomized patients to TEVRISTA or solanolimab. Serious adverse reactions occurred in 34% of patients "
     "treated with TEVRISTA; fatal adverse reactions occurred in 2 patients. The most common (≥20%) adverse reactions "
     "were fatigue (37%) and rash (26%).",
     [("OTHER_AE:fatigue", "rate", 37, "any", None, "TEVRISTA"), ("OTHER_AE:rash", "rate", 26, "any", None, "TEVRISTA")]),
    # 'COVID-19 (18%)': the number of a name is no count before a percentage
    ("The most common adverse events were nausea (22%) and COVID-19 (18%).",
     [("OTHER_AE:nausea", "rate", 22, "any", None, None), ("OTHER_AE:covid-19", "rate", 18, "any", None, None)]),
    # 'not reached in either tarlumab arm': one value for each arm whose name holds that word
    ("Patients were randomized to tarlumab plus chemotherapy, tarlumab alone or placebo. Median PFS was not reached in "
     "either tarlumab arm and was 9.1 months with placebo.",
     [("PFS", "median", None, None, None, "tarlumab plus chemotherapy"), ("PFS", "median", None, None, None, "tarlumab alone"),
      ("PFS", "median", 9.1, None, None, "placebo")]),
    # disease cohorts listed with their abbreviations are the arms the text goes on to use
    ("Expansion cohorts were treated at the RP2D: leiomyosarcoma (LMS), osteosarcoma (OS-C) and synovial sarcoma (SS). "
     "Responses were less frequent in OS-C (3 of 30 pts, 10%), whereas the SS cohort had an ORR of 33% (7/21).",
     [("ORR", "rate", 10, None, None, "OS-C"), ("ORR", "rate", 33, None, None, "SS")]),
    # responses counted as events: '6 CRs were seen', 'including 1 CR'; 'CRs' (mixed case) is no CRS
    ("6 CRs were seen, all in the expansion cohort. The ORR was 35% (7/20), including 1 CR and 6 partial responses.",
     [("CR", "count", 6, None, None, None), ("ORR", "rate", 35, None, None, None), ("CR", "count", 1, None, None, None),
      ("PR", "count", 6, None, None, None)]),
    # arms set by counts: 'k were randomly assigned / allocated to X and m to Y', 'the k assigned to X and the m assigned to Y'
    ("Of 300 patients, 201 were randomly assigned to velmatinib and 99 to capecitabine. Median PFS was 8.2 months (velmatinib) "
     "and 4.0 months (capecitabine).",
     [("PFS", "median", 8.2, None, None, "velmatinib"), ("PFS", "median", 4.0, None, None, "capecitabine")]),
    ("Of 120 patients, 61 were allocated to chemoradiation alone and 59 to chemoradiation plus orvatinib. Median survival "
     "was 20.4 weeks with the combination, compared with 15.1 weeks after chemoradiation alone.",
     [("OS", "median", 20.4, None, None, "chemoradiation plus orvatinib"), ("OS", "median", 15.1, None, None, "chemoradiation alone")]),
    ("The 80 patients assigned to zelmo-cel and the 78 assigned to standard care were analysed. At 12 months, 40.0% of the "
     "patients in the former group and 21.5% in the latter were alive without an event.",
     [("EFS", "landmark", 40.0, None, 12.0, "zelmo-cel"), ("EFS", "landmark", 21.5, None, 12.0, "standard care")]),
    # a lone 'v' between two figures is 'vs'
    ("Patients were randomized to zorcabine or observation. The 2-y OS was 66% v 52%. Median EFS was 14.2 v 8.8 mo.",
     [("OS", "landmark", 66, None, 24.0, "zorcabine"), ("OS", "landmark", 52, None, 24.0, "observation"),
      ("EFS", "median", 14.2, None, None, "zorcabine"), ("EFS", "median", 8.8, None, None, "observation")]),
    # arms listed before the values of a 'respectively' sentence give the values their order
    ("Patients were randomized to varnetinib plus paclitaxel (VP) or placebo plus paclitaxel (PP). For PP and VP, "
     "respectively, median PFS was 4.1 and 6.6 months.",
     [("PFS", "median", 4.1, None, None, "placebo plus paclitaxel"), ("PFS", "median", 6.6, None, None, "varnetinib plus paclitaxel")]),
    # time points listed after the endpoint go over the values in order ('rates at 12 and 18 mo were a% and b%')
    ("Patients were randomized to dorlatinib or sunitinib. PFS rates at 6 and 12 mo were 58% and 31% with dorlatinib vs "
     "40% and 17% with sunitinib.",
     [("PFS", "landmark", 58, None, 6.0, "dorlatinib"), ("PFS", "landmark", 31, None, 12.0, "dorlatinib"),
      ("PFS", "landmark", 40, None, 6.0, "sunitinib"), ("PFS", "landmark", 17, None, 12.0, "sunitinib")]),
    ("The OS rates at 1 and 3 years were 81% and 49%, respectively.",
     [("OS", "landmark", 81, None, 12.0, None), ("OS", "landmark", 49, None, 36.0, None)]),
    # counts of patients: 'given X achieved ... and 17 more had', '(CR, 11 pts)', 'in 4 and 6 patients', 'achieved by 12 patients'
    ("Patients were randomized to dalcitinib or docetaxel. Three patients given dalcitinib achieved a complete response "
     "and 14 more had a partial response.",
     [("CR", "count", 3, None, None, "dalcitinib"), ("PR", "count", 14, None, None, "dalcitinib")]),
    ("The ORR was 31% (CR, 9 pts).", [("ORR", "rate", 31, None, None, None), ("CR", "count", 9, None, None, None)]),
    ("Patients were randomized to arm A (Rd), arm B (tevamab) or arm C (tevamab plus daratumumab). CRS was reported in "
     "5 and 8 patients in arms B and C, respectively.",
     [("CRS", "count", 5, "any", None, "arm B"), ("CRS", "count", 8, "any", None, "arm C")]),
    ("A complete remission was achieved by 11 patients.", [("CR", "count", 11, None, None, None)]),
    # a group size before a rate is not a count
    ("In the first-line setting, 47 patients treated with mFOLFIRI achieved an ORR of 51.2%.", [("ORR", "rate", 51.2, None, None, "mFOLFIRI")]),
    # a named event keeps its values when a generic 'toxicity' stands in apposition or as the predicate noun
    ("Patients were randomized to varlitinib or placebo. Diarrhoea, the typical toxicity of varlitinib, was reported by "
     "38% of the patients on varlitinib and 7% of those on placebo.",
     [("OTHER_AE:diarrhoea", "rate", 38, "any", None, "varlitinib"), ("OTHER_AE:diarrhoea", "rate", 7, "any", None, "placebo")]),
    ("Grade 3 or 4 hypokalaemia was the most frequent laboratory toxicity, affecting 30 (33.3%) versus 12 (13.0%).",
     [("OTHER_AE:hypokalaemia", "rate", 33.3, "3-4", None, None), ("OTHER_AE:hypokalaemia", "rate", 13.0, "3-4", None, None)]),
    # a clause that ends by naming the arm its single values belong to
    ("Patients were randomized to ravatinib or everolimus. Nausea (20%) was frequent, and mucositis (41%) and rash (12%) "
     "occurred mainly with everolimus.",
     [("OTHER_AE:nausea", "rate", 20, "any", None, None), ("OTHER_AE:mucositis", "rate", 41, "any", None, "everolimus"),
      ("OTHER_AE:rash", "rate", 12, "any", None, "everolimus")]),
    # with no arms defined, the treatment a counted group received is its arm ('N patients treated with X achieved ...')
    ("Patients were treated with XELOX until progression, then with irinotecan. In the first-line setting, 52 patients treated "
     "with XELOX achieved an ORR of 48.1% and median PFS of 9.9 months. Thirty patients went on to receive second-line "
     "therapy with irinotecan and achieved an ORR of 13.3%.",
     [("ORR", "rate", 48.1, None, None, "XELOX"), ("PFS", "median", 9.9, None, None, "XELOX"),
      ("ORR", "rate", 13.3, None, None, "irinotecan")]),
    # 'recurrence rates' are not an endpoint; the 'respectively' order of the clause before carries to the next
    ("Patients were assigned to regorafenib or placebo. The one-year recurrence rates were 41.0% and 72.5% in patients "
     "treated with regorafenib and placebo, respectively "
     "(P < 0.05), and the one-year survival rates were 90.1% and 52.3%, respectively.",
     [("OS", "landmark", 90.1, None, 12.0, "regorafenib"), ("OS", "landmark", 52.3, None, 12.0, "placebo")]),
    # one drug randomised at two doses: each dose is an arm, named as the text goes on to write it
    ("Patients were randomly assigned to receive velsatide at doses of 2 or 8 mg/kg or best supportive care. Median survival "
     "for 8 mg/kg velsatide was 14.2 months compared with 11.0 months for 2 mg/kg velsatide and 9.1 months for best supportive care.",
     [("OS", "median", 14.2, None, None, "8 mg/kg velsatide"), ("OS", "median", 11.0, None, None, "2 mg/kg velsatide"),
      ("OS", "median", 9.1, None, None, "best supportive care")]),
    # one value per endpoint, then 'were identical in the two arms': the value holds for each arm
    ("Patients were randomized to arm A or arm B. Event-free survival (median 9 months) and survival (median 20 months) "
     "were similar in both arms. Toxicity was almost absent in arm A and moderate in arm B.",
     [("EFS", "median", 9, None, None, "arm A"), ("EFS", "median", 9, None, None, "arm B"),
      ("OS", "median", 20, None, None, "arm A"), ("OS", "median", 20, None, None, "arm B")]),
    # a regimen too long to be a name goes by its abbreviation; 'chemotherapy' is then not the 'surgery alone' arm
    ("Patients were randomly assigned to four cycles of epirubicin, cisplatin and fluorouracil (ECF) plus surgery, or to "
     "surgery alone. Three-year survival was 41.0% in the chemotherapy group and 30.2% with surgery alone.",
     [("OS", "landmark", 41.0, None, 36.0, "ECF plus surgery"), ("OS", "landmark", 30.2, None, 36.0, "surgery alone")]),
    # '(the X group, n = 92)' gives the arm the names the text goes on to use
    ("Patients were randomised to irinotecan plus S-1 (the IRIS group, n = 60) or S-1 alone (the SO group, n = 61). "
     "The response rate was 21% in the SO group and 31% in the IRIS group.",
     [("ORR", "rate", 31, None, None, "irinotecan plus S-1"), ("ORR", "rate", 21, None, None, "S-1 alone")]),
    # a ratio right after a named group compares the arms within that group
    ("Patients were randomized to ordatinib or placebo. The survival benefit was largest in patients without bone metastases "
     "(HR 0.48; 95% CI, 0.31-0.74) and smaller in those with bone metastases (HR 0.81; 95% CI, 0.62-1.06).",
     [("OS", "hr", 0.48, None, None, "ordatinib vs placebo (patients without bone metastases)"),
      ("OS", "hr", 0.81, None, None, "ordatinib vs placebo (those with bone metastases)")]),
    # arms counted after a colon; the comparison written after a ratio orients it; dates are not arms
    ("Between March 2020 and June 2022, 400 patients were randomly assigned: 201 to zolbetinib plus docetaxel (ZD) and "
     "199 to docetaxel alone (D). The hazard ratio for death was 0.77 (95% CI 0.61-0.97; P = 0.02) for ZD v D.",
     [("OS", "hr", 0.77, None, None, "zolbetinib plus docetaxel vs docetaxel alone")]),
    # time points listed before the values go over them in order
    ("Patients were randomized to the triplet or the doublet. At 24 and 36 months, 88% and 80% of patients on the "
     "triplet were alive without progression, versus 79% and 66% on the doublet.",
     [("PFS", "landmark", 88, None, 24.0, "triplet"), ("PFS", "landmark", 80, None, 36.0, "triplet"),
      ("PFS", "landmark", 79, None, 24.0, "doublet"), ("PFS", "landmark", 66, None, 36.0, "doublet")]),
    # 'k received the triplet of A, B and C, and m received A plus C': the nickname is the arm, its partner the other's
    ("The trial randomly assigned 500 adults; 251 received the triplet of zanubrex, an oral BTK inhibitor, venetoclax and "
     "obinutuzumab, and 249 received venetoclax plus obinutuzumab. Complete responses were more frequent with the triplet "
     "(52% v 38%). Grade 3 or 4 neutropenia affected 45% of triplet and 33% of doublet patients.",
     [("CR", "rate", 52, None, None, "triplet"), ("CR", "rate", 38, None, None, "venetoclax plus obinutuzumab"),
      ("NEUTROPENIA", "rate", 45, "3-4", None, "triplet"), ("NEUTROPENIA", "rate", 33, "3-4", None, "venetoclax plus obinutuzumab")]),
    # the items in a bracket after a graded class of events carry its grade, and every pair in it the subject's order
    ("Patients were randomly allocated to FOLFOX or XELOX. Grade 3/4 haematological toxicity was less frequent with XELOX "
     "(neutropenia, 7% v 29%; thrombocytopenia, 3% v 9%).",
     [("NEUTROPENIA", "rate", 7, "3-4", None, "XELOX"), ("NEUTROPENIA", "rate", 29, "3-4", None, "FOLFOX"),
      ("THROMBOCYTOPENIA", "rate", 3, "3-4", None, "XELOX"), ("THROMBOCYTOPENIA", "rate", 9, "3-4", None, "FOLFOX")]),
    # a run of values joined by 'and' that an arm closes is that arm's; coordinated endpoints repeat per run
    ("Patients were randomized to belotamab or placebo. ORR and CR rates were 58% and 31% with belotamab and 22% and 9% "
     "with placebo.",
     [("ORR", "rate", 58, None, None, "belotamab"), ("CR", "rate", 31, None, None, "belotamab"),
      ("ORR", "rate", 22, None, None, "placebo"), ("CR", "rate", 9, None, None, "placebo")]),
    ("The study enrolled cohort 1 (n=50), cohort 2 (n=31) and cohort 3 (n=40). OS rates at 12 and 24 months were 71% and "
     "52% in cohort 1 and 83% and 66% in cohort 2.",
     [("OS", "landmark", 71, None, 12.0, "cohort 1"), ("OS", "landmark", 52, None, 24.0, "cohort 1"),
      ("OS", "landmark", 83, None, 12.0, "cohort 2"), ("OS", "landmark", 66, None, 24.0, "cohort 2")]),
    # counts listed in a bracket, one per arm
    ("Patients were randomized to arm A, arm B or arm C. Complete responses were rare (2, 4 and 7 patients).",
     [("CR", "count", 2, None, None, "arm A"), ("CR", "count", 4, None, None, "arm B"), ("CR", "count", 7, None, None, "arm C")]),
    # each dose a drug was given at is an arm, and the dose declared the RP2D goes by that name
    ("Patients received zelacitamab at 10 or 20 mg/kg. 10 mg/kg was declared the RP2D. Among patients treated at the "
     "RP2D, the ORR was 38.5% (10/26). CRS occurred in 40.0% v 62.5% of those given 10 v 20 mg/kg.",
     [("ORR", "rate", 38.5, None, None, "10 mg/kg"), ("CRS", "rate", 40.0, "any", None, "10 mg/kg"),
      ("CRS", "rate", 62.5, "any", None, "20 mg/kg")]),
    ("Patients received tarlomab in four dose levels (3, 10, 30 and 60 mg/kg). 30 mg/kg was declared the RP2D. Among "
     "patients treated at the RP2D, the ORR was 33.3% (8/24).",
     [("ORR", "rate", 33.3, None, None, "30 mg/kg")]),
    # 'Their ...' takes the group the sentence before opened with; 'the corresponding figures were' restates its values
    ("Patients were randomised to capecitabine plus zorvatinib or capecitabine plus placebo. Patients in the zorvatinib "
     "group did better. Their median overall survival was 15.1 months, and 61.0% of them were alive at 12 months. For the "
     "placebo group the corresponding figures were 12.3 months and 50.2%.",
     [("OS", "median", 15.1, None, None, "capecitabine plus zorvatinib"), ("OS", "landmark", 61.0, None, 12.0, "capecitabine plus zorvatinib"),
      ("OS", "median", 12.3, None, None, "capecitabine plus placebo"), ("OS", "landmark", 50.2, None, 12.0, "capecitabine plus placebo")]),
    # 'X is an ... (ABBR) product': the abbreviation names that arm too
    ("Lirvacel is an autologous tumour-infiltrating lymphocyte (TIL) product. Patients were randomised to lirvacel or "
     "ipilimumab. PFS was longer for TIL than for ipilimumab: median 7.2 vs 3.1 months.",
     [("PFS", "median", 7.2, None, None, "lirvacel"), ("PFS", "median", 3.1, None, None, "ipilimumab")]),
    # a class of events before a bracket that gives its items values is their heading
    ("Grade 3 or 4 events were mainly chemotherapy-induced cytopenias (neutropenia 88%, thrombocytopenia 64%).",
     [("NEUTROPENIA", "rate", 88, "3-4", None, None), ("THROMBOCYTOPENIA", "rate", 64, "3-4", None, None)]),
    # the bracket's nickname names an arm described at length
    ("Men were randomised to stop treatment until progression (intermittent therapy, n = 400) or to continue it "
     "(continuous therapy, n = 398). Median overall survival was 8.9 years with intermittent therapy and 9.1 years with "
     "continuous therapy.",
     [("OS", "median", 8.9, None, None, "intermittent therapy"), ("OS", "median", 9.1, None, None, "continuous therapy")]),
    # an earlier analysis quoted in the last clause: the clauses before it are this report's
    ("Patients were randomized to velumab or placebo. Median overall survival was 14.0 months with velumab and 11.8 months "
     "with placebo; in an earlier analysis the hazard ratio had been 0.79.",
     [("OS", "median", 14.0, None, None, "velumab"), ("OS", "median", 11.8, None, None, "placebo")]),
    # arms named twice, the second time with their backbone, are one arm each; 'A or A plus B' stays two arms
    ("Patients were randomly assigned (1:1) to velumab 1200 mg or placebo every 3 weeks, each with carboplatin. Overall, "
     "600 patients were randomly assigned to velumab plus carboplatin (n=301) or placebo plus carboplatin (n=299). "
     "Median progression-free survival was 6.9 months vs 5.5 months.",
     [("PFS", "median", 6.9, None, None, "velumab"), ("PFS", "median", 5.5, None, None, "placebo")]),
    ("Patients were randomized to docetaxel or docetaxel plus ramucirumab. Median PFS was 3.0 vs 4.5 months.",
     [("PFS", "median", 3.0, None, None, "docetaxel"), ("PFS", "median", 4.5, None, None, "docetaxel plus ramucirumab")]),
    # an adjective opening the sentence is part of the event's name, a severity or relatedness is not
    ("Confluent mucositis (grade 3 or worse) was seen in 58% of patients.",
     [("OTHER_AE:confluent mucositis", "rate", 58, ">=3", None, None)]),
    ("Drug-related diarrhoea occurred in 14% of patients.", [("OTHER_AE:diarrhoea", "rate", 14, "any", None, None)]),
    # arms closed by a letter label, where a description holds 'or': the letters name them, 'in arms A and B' reads them
    ("Patients were randomised to gemcitabine or S-1 plus radiotherapy (A), or gemcitabine or S-1 plus nimotuzumab plus "
     "radiotherapy (B). Median OS was 14.1 months and 19.3 months in arms A and B respectively.",
     [("OS", "median", 14.1, None, None, "arm A"), ("OS", "median", 19.3, None, None, "arm B")]),
    ("Patients were randomly assigned to docetaxel (arm A), docetaxel plus velimab (arm B) or velimab alone (arm C). "
     "ORR was 21%, 34% and 12% in arms A, B and C, respectively.",
     [("ORR", "rate", 21, None, None, "docetaxel"), ("ORR", "rate", 34, None, None, "docetaxel plus velimab"),
      ("ORR", "rate", 12, None, None, "velimab alone")]),
    # a drug named before its dose and group size; a unit or schedule before '(n = 30)' is no arm
    ("Sixty women were randomised to receive epirubicin, 75 mg m-2 (n = 30) every 3 weeks or exemestane, 25 mg od (n = 30). "
     "Eight patients (27%) showed objective response to epirubicin compared to three (10%) receiving exemestane.",
     [("ORR", "rate", 27, None, None, "epirubicin"), ("ORR", "rate", 10, None, None, "exemestane")]),
    # pairs between two compared patient groups, the second named after the values
    ("Patients with high serum LDH had worse PFS (4.1 vs. 9.8 months; p=0.01) and OS (7.2 vs 16.5 months; p=0.04) "
     "compared to patients with normal LDH.",
     [("PFS", "median", 4.1, None, None, "high serum LDH"), ("PFS", "median", 9.8, None, None, "normal LDH"),
      ("OS", "median", 7.2, None, None, "high serum LDH"), ("OS", "median", 16.5, None, None, "normal LDH")]),
    # a list of counted outcomes that an arm closes is that arm's; counts before a singular 'complete remission'
    ("Twenty patients received FOLFOX and 21 received FOLFOX + B. We observed three partial responses (PR), eight stable "
     "disease (SD), six progressive disease (PD), and one not evaluable (NE) in the FOLFOX arm.",
     [("PR", "count", 3, None, None, "FOLFOX")]),
    ("Patients were randomised to XELIRI or XELOX. Four complete remission (CR) and 15 partial remission (PR) were "
     "recorded in the XELIRI arm.",
     [("CR", "count", 4, None, None, "XELIRI"), ("PR", "count", 15, None, None, "XELIRI")]),
    ("Nine partial remissions were recorded.", [("PR", "count", 9, None, None, None)]),
    # complications of surgery are adverse events, named with their kind
    ("Overall complications and major complications occurred in 61% and 18% of the cases.",
     [("OTHER_AE:complications", "rate", 61, "any", None, None), ("OTHER_AE:major complications", "rate", 18, "any", None, None)]),
    ("Pulmonary complications developed in 14% of patients.", [("OTHER_AE:pulmonary complications", "rate", 14, "any", None, None)]),
    # grades abbreviated 'G≥3', 'G3', 'G3/4' as conference abstracts write them
    ("G≥3 thrombocytopenia: 22% vs 9%.", [("THROMBOCYTOPENIA", "rate", 22, ">=3", None, None),
                                          ("THROMBOCYTOPENIA", "rate", 9, ">=3", None, None)]),
    ("Proteinuria (any grade 41% vs 20%; G3 11% vs 4%) was frequent.",
     [("OTHER_AE:proteinuria", "rate", 41, "any", None, None), ("OTHER_AE:proteinuria", "rate", 20, "any", None, None),
      ("OTHER_AE:proteinuria", "rate", 11, "3", None, None), ("OTHER_AE:proteinuria", "rate", 4, "3", None, None)]),
    ("G3/4 mucositis occurred in 7% of pts.", [("OTHER_AE:mucositis", "rate", 7, "3-4", None, None)]),
    # event names the lexicon gives whole
    ("Arrhythmia was rare, but sinus bradycardia was seen in 7% of patients.",
     [("OTHER_AE:sinus bradycardia", "rate", 7, "any", None, None)]),
    ("Laboratory TLS was seen in 2 pts (3%).", [("OTHER_AE:laboratory tls", "rate", 3, "any", None, None)]),
    # three arms closed by their roles, one holding an 'or': each item up to its role is an arm
    ("Pts were randomized to ravatamab plus pembrolizumab (the combination), ravatamab alone (monotherapy), or docetaxel or "
     "pemetrexed per investigator (the control arm). Median OS was 15.2, 11.8 and 9.0 mo, respectively.",
     [("OS", "median", 15.2, None, None, "ravatamab plus pembrolizumab"), ("OS", "median", 11.8, None, None, "ravatamab alone"),
      ("OS", "median", 9.0, None, None, "docetaxel or pemetrexed per investigator")]),
    # two roles set against each other in a lead sentence name the arms of the bullets below
    ("The trial of ZELTRAMAB, an oral inhibitor, given with rituximab (the combination), met its primary endpoint versus "
     "bendamustine and rituximab (BR; the control arm).\n- Overall response rate: 81% vs. 62%",
     [("ORR", "rate", 81, None, None, "the combination"), ("ORR", "rate", 62, None, None, "the control arm")]),
    # one drug randomised at two doses: the doses tell the arms apart
    ("Pts received nivolumab 240 mg Q2W with cabotinib 40 mg QD or cabotinib 20 mg QD (1:1). "
     "ORR was 41% with cabotinib 40 mg and 37% with cabotinib 20 mg.",
     [("ORR", "rate", 41, None, None, "cabotinib 40 mg"), ("ORR", "rate", 37, None, None, "cabotinib 20 mg")]),
    # an abbreviation after a colon names the arm; 'to stay on Y' is arm Y
    ("Pts were randomized to ZX-9 or physician's choice of chemotherapy (PCC: docetaxel or gemcitabine). "
     "Median PFS was 6.1 mo with ZX-9 vs 3.9 mo with PCC.",
     [("PFS", "median", 6.1, None, None, "ZX-9"), ("PFS", "median", 3.9, None, None, "physician's choice")]),
    ("212 men were randomly assigned to switch to orteronide (106) or to stay on enzalutamide (106). "
     "Median rPFS: 11.0 months vs 7.4 months.",
     [("PFS", "median", 11.0, None, None, "orteronide"), ("PFS", "median", 7.4, None, None, "enzalutamide")]),
    # ratios listed per arm against a named reference
    ("Pts were randomized to A-101 plus nivolumab (the combination), A-101 alone (monotherapy), or docetaxel (the "
     "control arm). Median OS was 13.0, 11.2 and 8.4 mo, respectively; HRs vs the control arm were 0.61 (95% CI "
     "0.45-0.83) for the combination and 0.75 (0.55-1.02) for monotherapy.",
     [("OS", "median", 13.0, None, None, "A-101 plus nivolumab"), ("OS", "median", 11.2, None, None, "A-101 alone"),
      ("OS", "median", 8.4, None, None, "docetaxel"), ("OS", "hr", 0.61, None, None, "A-101 plus nivolumab vs docetaxel"),
      ("OS", "hr", 0.75, None, None, "A-101 alone vs docetaxel")]),
    # the arm of cytotoxic drugs is the text's 'chemotherapy'
    ("Patients were randomised to toripalimab plus axitinib or to carboplatin-paclitaxel. Grade 3 or higher "
     "neutropenia was more frequent with chemotherapy (22% vs 4%).",
     [("NEUTROPENIA", "rate", 22, ">=3", None, "carboplatin-paclitaxel"),
      ("NEUTROPENIA", "rate", 4, ">=3", None, "toripalimab plus axitinib")]),
    # CAR T doses written as cell numbers are the arms; 'the lower dose' names one
    ("Pts received a single infusion of velcel at 50 × 10^6 or 100 × 10^6 CAR+ T cells. ORR was 78% in pts "
     "receiving the lower dose and 91% in those receiving the higher dose.",
     [("ORR", "rate", 78, None, None, "50 × 10^6"), ("ORR", "rate", 91, None, None, "100 × 10^6")]),
    # two grades joined by a slash before slash pairs of values
    ("Any-grade/G≥3 TEAEs occurred in 97%/52% of pts.",
     [("TEAE", "rate", 97, "any", None, None), ("TEAE", "rate", 52, ">=3", None, None)]),
    # a list of durations is no time point; a population after the endpoint name is no reason to drop it
    ("mDOR was NR (95% CI 8.1-NE), 10.2 mo and 5.5 mo.", [("DOR", "median", None, None, None, None),
                                                           ("DOR", "median", 10.2, None, None, None),
                                                           ("DOR", "median", 5.5, None, None, None)]),
    ("- Objective response in patients with measurable disease: 41% vs 28%",
     [("ORR", "rate", 41, None, None, None), ("ORR", "rate", 28, None, None, None)]),
    ("- Overall survival: immature, HR 0.91 (95% CI 0.66-1.25)", [("OS", "hr", 0.91, None, None, None)]),
    ("In CLL, uMRD4 in peripheral blood was reached by 18/60 pts (30%).", [("MRD", "rate", 30, None, None, None)]),
    # a pair whose first value carries its CI before the 'vs' is still a pair
    ("Pts received tislimab 200 mg Q3W with lenvaxib 20 mg QD or lenvaxib 14 mg QD (1:1). Median PFS was 7.1 mo "
     "(95% CI 5.2-9.0) vs 6.8 mo (95% CI 5.0-8.8); HR for 14 mg vs 20 mg, 1.02 (0.70-1.49).",
     [("PFS", "median", 7.1, None, None, "lenvaxib 20 mg"), ("PFS", "median", 6.8, None, None, "lenvaxib 14 mg"),
      ("PFS", "hr", 1.02, None, None, "lenvaxib 14 mg vs lenvaxib 20 mg")]),
    # red-team 9 phrasings
    ("Across all doses, ≥G3 TRAEs occurred in 44.2%.", [("TEAE", "rate", 44.2, ">=3", None, None)]),
    ("Pts were randomized 1:1 to a single infusion of zevor-cel (target dose 2 × 10^8 CAR+ T cells) after optional "
     "bridging, or to standard triplets (ST). ORR was 84.1% vs 61.0%.",
     [("ORR", "rate", 84.1, None, None, "zevor-cel"), ("ORR", "rate", 61.0, None, None, "standard triplets")]),
    ("Pts were randomized 1:1:1 to tiragolumab 600 mg + toripalimab 240 mg + cisplatin-etoposide (the triplet), "
     "toripalimab + cisplatin-etoposide (the doublet), or cisplatin-etoposide alone (chemo). ORR: 61.0%, 52.2% and 40.3%.",
     [("ORR", "rate", 61.0, None, None, "tiragolumab + toripalimab + cisplatin-etoposide"),
      ("ORR", "rate", 52.2, None, None, "toripalimab + cisplatin-etoposide"),
      ("ORR", "rate", 40.3, None, None, "cisplatin-etoposide alone")]),
    ("The trial enrolled 300 patients; 150 were assigned to the fixed-duration combination and 150 to continuous "
     "monotherapy.\n- Overall response rate: 81.3% vs. 70.7%",
     [("ORR", "rate", 81.3, None, None, "the combination"), ("ORR", "rate", 70.7, None, None, "monotherapy")]),
    ("Patients were randomized (1:1:1) to BRAVIDA 80 mg once daily in combination with pemetrexed and cisplatin (n=201), "
     "BRAVIDA 80 mg once daily as a single agent (n=199), or afatinib 40 mg or dacomitinib 45 mg once daily (n=200). "
     "Rash occurred in 31%, 28% and 45% of patients, respectively.",
     [("OTHER_AE:rash", "rate", 31, "any", None, "BRAVIDA in combination with pemetrexed and cisplatin"),
      ("OTHER_AE:rash", "rate", 28, "any", None, "BRAVIDA alone"),
      ("OTHER_AE:rash", "rate", 45, "any", None, "afatinib or dacomitinib")]),
    ("Infusion-related reactions (all G1-2) were seen in 9.5% of patients.",
     [("OTHER_AE:infusion-related reactions", "rate", 9.5, "any", None, None)]),
    ("ILD was reported in 3 pts (2.2%).", [("OTHER_AE:ild", "rate", 2.2, "any", None, None)]),
    ("PFS HR A vs B 0.71 (95% CI 0.52-0.97; p=0.03), A vs C 0.55 (0.40-0.75).",
     [("PFS", "hr", 0.71, None, None, None), ("PFS", "hr", 0.55, None, None, None)]),
    ("Median age was 66 y and 38% had prior CAR T. CRS rates were 58.0%.", [("CRS", "rate", 58.0, "any", None, None)]),
    ("DLTs occurred in 0/5 pts at DL1, 0/6 at DL2, 1/8 at DL3 (G4 neutropenia) and 2/7 at DL4 (G3 mucositis in both).",
     [("DLT", "count", 0, "any", None, "DL1"), ("DLT", "count", 0, "any", None, "DL2"), ("DLT", "count", 1, "any", None, "DL3"),
      ("DLT", "count", 2, "any", None, "DL4")]),
    ("Patients were randomized to belzutan or cabozantinib. ORR was 51.0% in the belzutan group, including complete "
     "responses in 9.8% of patients, compared with 30.2% and 2.1%, respectively, in the cabozantinib group.",
     [("ORR", "rate", 51.0, None, None, "belzutan"), ("CR", "rate", 9.8, None, None, "belzutan"),
      ("ORR", "rate", 30.2, None, None, "cabozantinib"), ("CR", "rate", 2.1, None, None, "cabozantinib")]),
    ("Half were randomly assigned to six cycles of brentuximab vedotin, nivolumab and dacarbazine, a combination the "
     "investigators call BN-D; the other half received six cycles of ABVD (ABVD), the standard in North America. "
     "Febrile neutropenia occurred in 7% and 19%, respectively, and transfusions were needed by 5% and 22%.",
     [("OTHER_AE:febrile neutropenia", "rate", 7, "any", None, "BN-D"),
      ("OTHER_AE:febrile neutropenia", "rate", 19, "any", None, "ABVD")]),
    # red-team 10 phrasings
    ("Patients were randomly assigned to one infusion of ZELCEL at a target dose of 1 x 10^6 CAR-positive T cells/kg "
     "after bridging therapy, or to the physician's pick of one of two standard triplets, KRd or PVd, given until "
     "progression.\n- Overall response: 88% vs 69%",
     [("ORR", "rate", 88, None, None, "ZELCEL"), ("ORR", "rate", 69, None, None, "standard triplet")]),
    ("The ZORVA regimen (ZORVA 4 mg/kg plus nivolumab 240 mg, every two weeks) was compared with nivolumab monotherapy at "
     "the same dose.\n* Median OS: 28.1 vs. 22.0 months",
     [("OS", "median", 28.1, None, None, "ZORVA"), ("OS", "median", 22.0, None, None, "nivolumab")]),
    ("Half were randomised to blinatumomab; the others received the same chemotherapy with no antibody. "
     "Event-free survival at 3 years was 80% with blinatumomab and 64% with chemotherapy only.",
     [("EFS", "landmark", 80, None, 36, "blinatumomab"), ("EFS", "landmark", 64, None, 36, "chemotherapy only")]),
    ("Expansion enrolled three cohorts: HR+/HER2- breast cancer (BC), ovarian cancer (OC) and endometrial cancer (EC). "
     "Median DOR: 7.2 mo (BC), 5.9 mo (OC), NR (EC).",
     [("DOR", "median", 7.2, None, None, "BC"), ("DOR", "median", 5.9, None, None, "OC"), ("DOR", "median", None, None, None, "EC")]),
    ("Mucositis, the most common adverse event with ZORVA, occurred in 52% (grade 3 or higher, 6%).",
     [("OTHER_AE:mucositis", "rate", 52, "any", None, None), ("OTHER_AE:mucositis", "rate", 6, ">=3", None, None)]),
    ("In addition, major hemorrhage occurred in 2.1% of patients.", [("OTHER_AE:major hemorrhage", "rate", 2.1, "any", None, None)]),
    # fresh9 phrasings
    ("Grade 3-4 nausea and diarrhoea were more frequent in the irinotecan arm compared with the placebo arm (9% vs 2% and "
     "12% vs 4%, respectively).",
     [("OTHER_AE:nausea", "rate", 9, "3-4", None, "irinotecan"), ("OTHER_AE:nausea", "rate", 2, "3-4", None, "placebo"),
      ("OTHER_AE:diarrhoea", "rate", 12, "3-4", None, "irinotecan"), ("OTHER_AE:diarrhoea", "rate", 4, "3-4", None, "placebo")]),
    ("Patients were randomized to the ZX-12 arm (N = 60; intravenous [IV] ZX-12, 4 mg/kg, weekly; IV bevacizumab, 15 mg/kg, "
     "once each 3-week cycle [Q3W]; IV carboplatin, AUC 6, Q3W; and IV paclitaxel, 200 mg/m2, Q3W) or Control arm "
     "(N = 30; bevacizumab/carboplatin/paclitaxel as above). Grade 3/4 AEs occurred in the ZX-12 vs Control arm (90.0% vs 63.3%).",
     [("TEAE", "rate", 90.0, "3-4", None, "ZX-12"), ("TEAE", "rate", 63.3, "3-4", None, "Control arm")]),
    ("The incidence of thrombotic events was 6% in the epoetin arm.", [("OTHER_AE:thrombotic events", "rate", 6, "any", None, "epoetin")]),
    # red-team 11 phrasings
    ("Adults with R/R mantle cell lymphoma (cohort M) or R/R follicular lymphoma (cohort F) received tevlo-cel. "
     "In cohort M, ORR was 86.0%; in cohort F, ORR was 92.1%.",
     [("ORR", "rate", 86.0, None, None, "cohort M"), ("ORR", "rate", 92.1, None, None, "cohort F")]),
    ("The trial of DRUGQ plus pelrolimab (the investigational regimen) versus carboplatin plus paclitaxel (the platinum "
     "doublet) met its primary endpoint.\n- Confirmed objective response rate: 71.2% vs. 55.0%",
     [("ORR", "rate", 71.2, None, None, "the investigational regimen"), ("ORR", "rate", 55.0, None, None, "the platinum doublet")]),
    ("WYNDHAM-9 at a glance:\n• Experimental arm: zolbatamab, a bispecific antibody, with gemcitabine and oxaliplatin "
     "(Zol-GemOx; n=180)\n• Comparator: rituximab with gemcitabine and oxaliplatin (R-GemOx; n=90)\n"
     "• Progression-free survival: median 12.9 vs. 4.1 months",
     [("PFS", "median", 12.9, None, None, "Zol-GemOx"), ("PFS", "median", 4.1, None, None, "R-GemOx")]),
    ("Patients were randomized to nivolumab (N), nivolumab plus ipilimumab (N+I) or nivolumab plus relatlimab (N+R). "
     "Median DOR was NR in all three arms.",
     [("DOR", "median", None, None, None, "nivolumab"), ("DOR", "median", None, None, None, "nivolumab plus ipilimumab"),
      ("DOR", "median", None, None, None, "nivolumab plus relatlimab")]),
    ("ICANS occurred in 5.8%, and three patients (2%) developed movement disorders.",
     [("ICANS", "rate", 5.8, "any", None, None), ("OTHER_AE:movement disorders", "rate", 2, "any", None, None)]),
])
def test_phrase_gives_records(text, expected):
    got = sorted((_key(r) for r in records_of(text)), key=repr)  # repr: a 'not reached' value is None
    assert got == sorted(expected, key=repr)


def test_not_reached_median_has_no_value():
    (r,) = records_of("Median overall survival was not reached.")
    assert (r["endpoint"], r["stat"], r["not_reached"], r["value"]) == ("OS", "median", True, None)


def test_hazard_ratio_carries_ci_and_p():
    (hr,) = [r for r in records_of("Median PFS improved (HR 0.58; 95% CI, 0.46-0.73; P<.001).") if r["stat"] == "hr"]
    assert (hr["value"], hr["ci_low"], hr["ci_high"], hr["p_value"]) == (0.58, 0.46, 0.73, "<.001")


def test_two_arm_slide_row():
    text = "Response, n (%)  Axi (n=180)  SoC (n=179)  p\nORR  150 (83)  90 (50)  <0.0001\n"
    rows = sorted((r["arm"], r["value"], r["count"], r["n"], r["p_value"]) for r in records_of(text))
    assert rows == [("Axi", 83, 150, 180, "<0.0001"), ("SoC", 50, 90, 179, "<0.0001")]


def test_three_arm_slide_row_with_two_endpoints_per_cell():
    text = "A (101)  B (115)  C (257)\nORR (CR), %  83 (58)  53 (39)  73 (53)\n"
    got = sorted((r["arm"], r["endpoint"], r["value"]) for r in records_of(text))
    assert got == [("A", "CR", 58), ("A", "ORR", 83), ("B", "CR", 39), ("B", "ORR", 53), ("C", "CR", 53), ("C", "ORR", 73)]


def test_values_split_over_lines():
    text = ("In this cohort the median overall survival was\n14.2 months (95% CI, 11.0-\n17.5), and the\n"
            "objective response rate was 45%.")
    got = {(r["endpoint"], r["value"], r["ci_low"], r["ci_high"]) for r in records_of(text)}
    assert got == {("OS", 14.2, 11.0, 17.5), ("ORR", 45, None, None)}


def test_trial_name_is_attributed():
    (r,) = records_of("In the phase 3 KESTREL-4 trial, the ORR was 45%.")
    assert r["trial"] == "KESTREL-4"


@pytest.mark.parametrize("text", [
    "Patients received 200 mg every 3 weeks for 4 cycles.",
    "A total of 312 patients were randomized; 298 were evaluable.",
    "The median age was 64 years and 58% were male.",
    "All patients had an ECOG performance status of 0-1 and an IPI score ≥ 3.",
    "Results were presented in 2024 [12].",
    "The 95% CI excluded 1.",
    "Benefit was consistent regardless of PD-L1 expression (interaction p = 0.41).",
    "With a median follow-up of nearly 5 years, the results held.",
    "Eleven percent discontinued treatment; 11% discontinued because of adverse events.",
    "Gr 2-4 CRS GR 2-4 ICANS\n\n74%\n\n49%\n\n23%",
    "Quality of life was assessed at the 6-month follow-up in 80% of patients.",
    "Six patients (75%) were seizure free at one year.",
    "In total, 131 patients had radiological evaluation of response.",
    "Four of 25 patients (16%) had PD as best response.",
    # outcomes outside the schema keep their values to themselves
    "The 3-year disease-free survival was 71% and median time to progression was 5.6 months.",
    "Median TTP was 4.1 months and the clinical benefit rate was 62%.",
    "Of the CRS events, 92% occurred in cycle 1.",
    "Overall survival at 2 and 3 years did not differ.",
    "In an earlier analysis reported in 2025, the CR rate had been 59% at a median follow-up of 11 months.",
    "Recurrent CRS occurred in 16% of patients.",
    "Complete response (no emesis and no rescue medication) was achieved by 72% in the acute phase.",
    "Overall agreement for ER/ESR1 and PR/PGR (91.2 and 92.9%) was high; 60% of tumours were PR-positive.",
    "The ACR20 response at week 14 was 56.2% with golimumab.",
    "The survey response rate was 64%.",
    "Serious adverse reactions occurred in 40% of patients and fatal adverse reactions in 3.8%.",
    "T cell responses developed in 20%/60%/100% of patients in arms A/B/C.",
    "Attendance was more frequent when non-responders were followed-up by telephone (84/480, 17.5%) than by mail.",
    "RFS was better in patients with positive CTL responses (85.7 and 33.3%, respectively).",
    "Dichotomized by median PFS (less vs greater than 4 months), miR-659-3p expression was different.",
    "Readmissions were 25.6 and 34.1 % respectively; p = 0.245, relative risk (RR) 0.750 [95 % CI 0.471-1.195].",
    "Patients were randomized to T-VEC or GM-CSF. 120 patients in the T-VEC arm had received prior therapy.",
    "The minimum follow-up was 12 months and the mean follow-up 30 months.",
    # responses of symptoms and blood counts are no tumour responses, and their values no adverse-event rates
    "Among cancer patients with chemotherapy-induced nausea, complete response (no emesis) was 72%.",
    "The overall response rate of hot flashes was 62% with venlafaxine in women with breast cancer.",
    "Patients with anemia due to chemotherapy: hemoglobin response was achieved in 58% with epoetin alfa.",
    # a response to earlier treatment is history, not a result
    "Patients were 59 years old on average, and 44 percent had disease that had never responded to first-line treatment.",
    "All patients had responded to their most recent platinum-based chemotherapy (complete response in 48%).",
    "CRC screening uptake was 38% with mailed FOBT kits.",
    # a baseline table line: comorbidities at entry are no adverse events
    "Sex (n) Male 9(45%) 6(30%) Female 11(55%) 14(70%) Hypertension 6(30%) 4(20%) ASA category (n) ASA l 11(55%) 12(60%)",
    "Patients characteristics (TAM/follow-up) included: median age 55/55 years, median time from surgery 25/25 months.",
    # a composite endpoint's rate is not the rate of the last event it names
    "The primary composite endpoint - mortality, cardiovascular complications, septic shock or reoperation at 30 days - "
    "occurred in 19.6% of the patients.",
    "The reoperation rate was similar in both groups: 12.8 versus 9.4 %; p = 0.628; RR 1.359; (95 % CI 0.575-3.212).",
    "For patients surviving 5 years from randomisation, subsequent survival favoured placebo.",
    "In patients whose tumors expressed B7-H4 on 50% or more of tumor cells, the benefit was larger.",
    "Safety was assessed in all patients. Synchronous metastatic disease was observed in 48 patients (51%).",
    "Safety was assessed in all patients. Progression occurred in 40% of patients.",
    "These data build on our earlier Phase 1 data, in which the ORR was 64% at the recommended dose.",
    "In the earlier Phase 2 KINGLET-1 study, MZ-17 had produced an ORR of 24%.",
    "Baseline sVEGFR2 was prognostic for OS (HR=0.77, 95% CI=0.61-0.96, p=0.020).",
    "Higher insulin (HR = 0.81 [0.67, 0.98] p = 0.03) levels were associated with a longer PFS.",
    "Compared to TAU, OLP participants reported a 29% improvement in fatigue severity.",
    "The mean survival times were 31.06 and 21.07 months.",
    "TIMP-1 immunoreactivity was not significantly associated with PFS or OS (HR = 0.69, 95% CI 0.4-1.1).",
    "Tumour-specific survival in the IL-2 group and the control group was 98 vs 81% after 1 year.",
    "Complete response rate on day 1 was 45 and 90% with granisetron; acute emesis and delayed emesis differed.",
    "In Crohn's disease, clinical response at week 6 was 36.8% with ustekinumab; anti-tumor necrosis factor therapy had failed.",
    "The questionnaire response rate was 64.2% for the Internet group.",
    "Patients applied 5-FU 0.5%/salicylic acid 10% solution to the lesions; toxicity was assessed weekly.",
    "Toxicity was more common with 5-FU 0.5%/salicylic acid 10% than with vehicle.",
    "Higher absolute CEC numbers after 4 weeks (hazard ratio (HR) 0.41, 95% CI 0.18-0.91) were associated with "
    "improved overall survival (OS).",
    "Serious AE rates were 7.1% versus 2.9% versus 0.0%.",
    "Folate-receptor ADC extends survival in platinum-resistant ovarian cancer: TANAGER-3",
    "Patients had a very good partial response or better in 38%.",
    # values from earlier reports named as such
    "Previously reported results from the dose-escalation cohorts showed an ORR of 79%.",
    "Eight cardiac patients and 6 CR clinicians took part in the interviews.",
    # symptom-free survival and PSA50 responses are no SCHEMA endpoints
    "Median symptom-free survival was 38, 37 and 22 weeks.",
    "PSA50 responses occurred in 44% and 50% of pts in the two cohorts, respectively.",
    # cycles completed before stopping for toxicity are treatment exposure, not toxicity rates
    "However, 4 patients (6.6%) completed only 1 cycle while 9 patients (14.8%) completed 2 cycles before suspending "
    "treatment (for excessive neurological toxicity).",
    # evaluable counts are not response counts
    "Response was assessed in 40 patients.",
    # survival free of something no rule knows is not overall survival
    "Colostomy-free survival at 5 years was 72% v 70%.",
    # sample-size figures, survey returns and other studies' values cited by a superscript reference
    "A sample of 120 patients provided 90% power to detect a 20% difference in mucositis.",
    "Of 611 invited, 595 participated, for a response rate of 97.4%.",
    "Lymphoedema has been reported in 5% to 39% of patients after axillary clearance.6-8 Our trial used sentinel nodes.",
    # the size of a change is no rate of the event named beside it
    "Prehabilitation lowered complications, with a reduction of 25 % in the postoperative albumin levels.",
    # a design assumption and earlier results are no results of this report
    "Primary endpoint: PFS; the study had 90% power to detect an HR of 0.65.",
    "A prior phase 1 cohort had reported a median PFS of 8.2 mo.",
    "In the earlier KESTREL pilot study, switching had given a median PFS of 10.4 months.",
    "In the expansion (median 2 prior lines; 64% post-EV), responses were durable.",
    "In earlier trials the regimen already achieved two-year PFS near 90%.",
    "Roughly one patient in six achieved a complete response.",
    "Among pts with high expression, 120 pts gave 80% power to detect an ORR of 35% vs 15%.",
])
def test_traps_give_no_record(text):
    assert records_of(text) == []


@pytest.mark.parametrize("text,trial", [
    ("In the phase 3 KESTREL-4 trial, the ORR was 45%.", "KESTREL-4"),
    ("DALY II US TRIAL\nORR: 72.9%", "DALY II"),
    ("Patients received the XELIRI regimen; the ORR was 49%.", None),
    ("The ORR was higher with BTH1677 (49%).", None),
    ("In large B-cell lymphoma (LBCL), the ORR was 49%.", None),
    ("Patients were randomised to FOLFOX4 or XELOX. The ORR was 49%.", None),
    ("Patients received irinotecan plus infusional fluorouracil (FOLFIRI). The ORR was 49%.", None),
    ("EFS: Drug-cel vs SOC (MERIDIAN)\nORR = 49%", "MERIDIAN"),
    ("EFS: Axicel vs SOC (ZUMA-7)\nORR = 49%", "ZUMA-7"),
    # reporting guidelines, agencies and proteins are no trials; a cooperative group's numbered trial is one
    ("The trial followed CONSORT-2010 and the VCAM-1 level fell; the ORR was 49%.", None),
    ("In the RTOG 0617 trial, the ORR was 49%.", "RTOG 0617"),
])
def test_trial_names_and_look_alikes(text, trial):
    (r,) = records_of(text)
    assert r["trial"] == trial


def test_randomised_arms_with_long_parentheticals():
    text = ("Patients were randomised to either the XELIRI (irinotecan 250 mg/m2 on day one and capecitabine "
            "1000 mg/m2 twice daily from day 2 to 15, every 21 days) or the FOLFIRI arm (irinotecan 180 mg/m2). "
            "The median PFS was 10.3 months in the XELIRI and 9.3 months in the FOLFIRI arm.")
    got = sorted((r["value"], r["arm"]) for r in records_of(text))
    assert got == [(9.3, "FOLFIRI"), (10.3, "XELIRI")]


def test_arm_aliases_carry_the_other_names_of_an_arm():
    text = ("Patients were randomised to concurrent 5-FU (RT-5-FU arm) or gemcitabine (RT-GC arm). "
            "The 9-month OS rate was 58% in the RT-5-FU arm.")
    (r,) = records_of(text)
    assert r["arm"] == "concurrent 5-FU" and "RT-5-FU" in r["arm_aliases"]


def test_background_and_discussion_values_are_other_studies():
    text = ("ABSTRACT.BACKGROUND:\nIn earlier trials the ORR with docetaxel was about 10%.\n\n"
            "ABSTRACT.RESULTS:\nThe ORR was 45%.\n\n"
            "BODY.DISCUSSION:\nAnother trial reported an ORR of 20%.\n")
    assert [r["value"] for r in records_of(text)] == [45]


def test_a_sentence_citing_a_reference_reports_its_values():
    text = ("Other reports stated a delayed bleeding incidence of approximately 1.4 % [3]. Earlier trials gave an ORR "
            "of 30% [4, 5]. In this trial, the ORR was 45%.")
    assert [r["value"] for r in records_of(text)] == [45]


def test_inline_headings_bound_the_background():
    text = ("SUMMARY.BACKGROUND: Phase II trials gave a median OS of 9 months. SUMMARY.METHODS: Patients were "
            "treated. SUMMARY.FINDINGS: Median overall survival was 14.2 months.")
    assert [r["value"] for r in records_of(text)] == [14.2]


def test_a_lone_background_heading_does_not_hide_the_results():
    assert [r["value"] for r in records_of("Background\nThe ORR was 45% in this study.")] == [45]


def test_a_subgroup_arm_keeps_the_arms_other_names():
    text = ("Patients were randomized to fiaxolimab plus pembrolizumab or pembrolizumab plus placebo. In patients with "
            "PD-L1 expression <1%, median PFS was 9.6 months in the combination arm and 4.3 months with placebo.")
    first = next(r for r in records_of(text) if r["value"] == 9.6)
    assert first["arm"] == "fiaxolimab plus pembrolizumab (PD-L1 expression <1%)"
    assert "combination arm (PD-L1 expression <1%)" in first["arm_aliases"]


def test_arm_names_are_given_as_the_document_spells_them():
    text = "In patients with CPS ≥ 5 (n=486), median OS was 16.3 months with QUELTREZA and 11.6 months with placebo."
    assert sorted(r["arm"] for r in records_of(text)) == ["QUELTREZA (CPS ≥ 5)", "placebo (CPS ≥ 5)"]


def test_treatment_of_physicians_choice_is_an_arm():
    text = ("Patients were randomly allocated 1:1 to sacituzumab govitecan or treatment of physician's choice (TPC). "
            "The ORR was 35% with sacituzumab govitecan and 5% with TPC.")
    got = sorted((r["value"], r["arm"]) for r in records_of(text))
    assert got == [(5, "treatment of physician's choice"), (35, "sacituzumab govitecan")]


def test_a_trial_that_tested_doses_in_a_population_names_no_arms():
    text = ("CALGB 9342 tested three doses of paclitaxel in women with advanced disease. Women with p53 over-expression "
            "had shorter OS than those without (11.5 versus 14.4 months).")
    assert "advanced disease" not in {r["arm"] for r in records_of(text)}


def test_an_antiemetic_complete_response_is_no_response_anywhere_in_its_document():
    text = ("The primary endpoint was complete response (CR; no emesis, no rescue therapy) during the acute phase. "
            "Patients received palonosetron before moderately emetogenic chemotherapy on day one of each cycle.\n\n"
            "Acute CR rates were 73.5 and 70.4 % for oral and IV palonosetron, respectively.")
    assert records_of(text) == []


def test_three_arm_trial_with_parenthesised_names_and_ratios_against_control():
    text = ("Women were randomly assigned in a 1:1:1 ratio to concurrent chemoradiotherapy (CRT) plus pelorimab, CRT "
            "followed by pelorimab maintenance, or CRT plus placebo. 24-month PFS reached 68.1% in the concurrent arm, "
            "63.4% in the maintenance arm, and 57.2% with placebo. Compared with placebo, the hazard ratio for "
            "progression or death was 0.70 (95% CI 0.55-0.89) for concurrent pelorimab and 0.84 (95% CI 0.67-1.06) "
            "for maintenance.")
    got = {(r["stat"], r["value"]): r["arm"] for r in records_of(text)}
    assert got[("landmark", 68.1)] == "concurrent chemoradiotherapy plus pelorimab"
    assert got[("landmark", 57.2)] == "CRT plus placebo"
    assert got[("hr", 0.70)] == "concurrent chemoradiotherapy plus pelorimab vs CRT plus placebo"
    assert got[("hr", 0.84)] == "CRT followed by pelorimab maintenance vs CRT plus placebo"


def test_an_endpoint_heading_inside_a_table_is_no_header():
    text = ("Table 9: Efficacy Results\n"
            "                                   VORANTIS          Docetaxel\n"
            "                                   N=305             N=299\n"
            "Objective Response Rate\n"
            "  ORR (95% CI)                     21% (17, 26)      12% (9, 16)\n")
    assert sorted((r["value"], r["arm"]) for r in records_of(text)) == [(12, "Docetaxel"), (21, "VORANTIS")]


def test_flattened_table_rows_whose_label_carries_the_unit():
    text = ("A total of 568 patients were randomized to TORIVELTA (n=287) or docetaxel (n=281).\n"
            "Overall Survival: Median, months (95% CI): TORIVELTA 13.9 (12.1, 15.8) vs docetaxel 10.4 (9.2, 11.7); "
            "Hazard ratio (95% CI) 0.72 (0.59, 0.88); p-value 0.0012\n"
            "Objective Response Rate, % (95% CI): 38 (32, 44) vs 14 (10, 19)\n"
            "Complete Response, %: 2.1 vs 0\n")
    got = sorted(((r["endpoint"], r["stat"], r["value"], r["arm"]) for r in records_of(text)), key=repr)
    assert got == sorted([("OS", "median", 13.9, "TORIVELTA"), ("OS", "median", 10.4, "docetaxel"),
                          ("OS", "hr", 0.72, "TORIVELTA vs docetaxel"), ("ORR", "rate", 38, "TORIVELTA"),
                          ("ORR", "rate", 14, "docetaxel"), ("CR", "rate", 2.1, "TORIVELTA"),
                          ("CR", "rate", 0.0, "docetaxel")], key=repr)


def test_percent_written_out_keeps_verbatim_evidence():
    text = "Overall, 40 percent of patients had a complete response."
    (r,) = records_of(text)
    assert r["evidence"] == "40 percent of patients had a complete response" and r["evidence"] in text


@pytest.mark.parametrize("text,trials", [
    ("Patients received NKTR-118 25 mg daily. The ORR was 20%.", []),
    ("TIMP-1 immunoreactivity was high. The ORR was 20%.", []),
    ("The safety of TAVIZTRA was evaluated in FERN-1, in which 112 adults received it. The ORR was 20%.", ["FERN-1"]),
    ("KEYNOTE-189 enrolled 616 patients. The ORR was 48%.", ["KEYNOTE-189"]),
])
def test_a_numbered_name_is_a_trial_where_the_text_speaks_of_a_trial(text, trials):
    assert [r["trial"] for r in records_of(text) if r["trial"]] == trials


def test_one_dose_is_no_cohort_scope():
    text = "The data described below reflect exposure to drug at 2.5 mg/kg in 95 patients. The ORR was 31%."
    assert [r["arm"] for r in records_of(text)] == [None]


def test_an_arm_goes_by_its_name_with_arm_after_it():
    text = ("Patients were randomized to QUELTREZA with chemotherapy or placebo with chemotherapy. Median PFS was "
            "7.0 months in the QUELTREZA arm versus 6.1 months in the placebo arm.")
    first = next(r for r in records_of(text) if r["value"] == 7.0)
    assert "QUELTREZA arm" in first["arm_aliases"]


def test_a_table_column_carries_the_other_names_of_its_arm():
    text = ("Patients were randomized to axicabtagene ciloleucel (Axi-cel) or standard care (SoC).\n\n\n"
            "Response, n (%)  Axi-cel (n=180)  SoC (n=179)\nORR  150 (83)  90 (50)\n")
    row = next(r for r in records_of(text) if r["value"] == 83)
    assert row["arm"] == "Axi-cel" and row["rule"].startswith("row")
    assert "axicabtagene ciloleucel" in row["arm_aliases"]
    other = next(r for r in records_of(text) if r["value"] == 50)
    assert other["arm"] == "SoC" and "standard care" in other["arm_aliases"]


def test_an_arm_goes_by_its_name_with_the_backbone_written_after_it():
    text = ("Patients were randomized to VELMORA or placebo. Median OS was 16.4 months for VELMORA plus chemotherapy and "
            "12.1 months for placebo plus chemotherapy.")
    got = {r["arm"]: set(r["arm_aliases"]) for r in records_of(text) if r["stat"] == "median"}
    assert "VELMORA plus chemotherapy" in got["VELMORA"] and "placebo plus chemotherapy" in got["placebo"]


def test_a_one_arm_table_reads_its_sub_rows_and_names_no_arm():
    text = ("Table 5: Efficacy Results\n"
            "Endpoint                                   TALVORA (N=143)\n"
            "Complete response (CR), n (%)              12 (8.4)\n"
            "Duration of response (DOR)\n"
            "  Median, months (95% CI)                  NR (13.0, NE)\n"
            "  Rate at 12 months, % (95% CI)            79.3 (70.1, 85.9)\n")
    got = {(r["endpoint"], r["stat"], r["value"], r["count"], r["timepoint_months"], r["arm"]) for r in records_of(text)}
    assert got == {("CR", "rate", 8.4, 12, None, None), ("DOR", "median", None, None, None, None),
                   ("DOR", "landmark", 79.3, None, 12, None)}


def test_a_brand_name_arm_goes_by_its_generic_name_too():
    (r,) = records_of("Patients were randomized to VELMORA (zentumab) or placebo. The ORR was 45% with VELMORA.")
    assert r["arm"] == "VELMORA" and "zentumab" in r["arm_aliases"]


def test_groups_named_only_by_what_they_received_are_arms():
    text = "Group A received gemcitabine and cisplatin (GP), and group B received gemcitabine and oxaliplatin (GEMOX). " \
           "Response rates were 38% in group A and 36% in group B."
    got = {(r["value"], r["arm"], frozenset(r["arm_aliases"])) for r in records_of(text)}
    assert {(v, a) for v, a, _ in got} == {(38, "group A"), (36, "group B")}
    assert all("GP" in al or "GEMOX" in al for _, _, al in got)


def test_adverse_reaction_table_with_arm_sizes_grade_headers_and_a_units_line():
    text = ("Table 5: Adverse Reactions in CINDERHILL-2\n"
            "                         EXORANT                     Pemetrexed + Platinum\n"
            "                         N=175                       N=171\n"
            "Adverse Reaction    All Grades   Grade 3 or 4    All Grades   Grade 3 or 4\n"
            "                       (%)           (%)            (%)           (%)\n"
            "Diarrhea                78            12             14            1\n")
    got = {(r["value"], r["grade"], r["arm"]) for r in records_of(text)}
    assert got == {(78, "any", "EXORANT"), (12, "3-4", "EXORANT"), (14, "any", "Pemetrexed + Platinum"),
                   (1, "3-4", "Pemetrexed + Platinum")}


def test_count_rows_in_an_efficacy_table_are_no_medians():
    text = ("                     DRUGA        Placebo\n"
            "                     N=273        N=275\n"
            "Overall Survival\n"
            "  Number (%) of patients with event    118 (43)     154 (56)\n"
            "  Median in months (95% CI)     NR (19.8, NR)     16.3 (14.5, 19.4)\n")
    got = {(r["endpoint"], r["stat"], r["value"], r["arm"]) for r in records_of(text)}
    assert got == {("OS", "median", None, "DRUGA"), ("OS", "median", 16.3, "Placebo")}


def test_lab_rows_named_with_decreased_after_the_cell_type():
    text = ("Laboratory Abnormality      Grade 3 or 4 (%)\n"
            "Neutrophils decreased       95\n"
            "Platelets decreased         61\n")
    got = {(r["endpoint"], r["value"], r["grade"]) for r in records_of(text)}
    assert got == {("NEUTROPENIA", 95, "3-4"), ("THROMBOCYTOPENIA", 61, "3-4")}


def test_arm_names_without_sizes_over_a_single_spaced_grade_line():
    text = ("Table 6: Select Laboratory Abnormalities That Worsened from Baseline\n"
            "                         EXORANT                     Pemetrexed + Platinum\n"
            "Laboratory Abnormality All Grades   Grade 3 or 4    All Grades   Grade 3 or 4\n"
            "Decreased hemoglobin        43             4             81           18\n"
            "Asthenia/fatigue            52             7             35            9\n")
    got = {(r["endpoint"], r["value"], r["grade"], r["arm"]) for r in records_of(text)}
    assert got == {("ANEMIA", 43, "any", "EXORANT"), ("ANEMIA", 4, "3-4", "EXORANT"),
                   ("ANEMIA", 81, "any", "Pemetrexed + Platinum"), ("ANEMIA", 18, "3-4", "Pemetrexed + Platinum"),
                   ("OTHER_AE:asthenia/fatigue", 52, "any", "EXORANT"), ("OTHER_AE:asthenia/fatigue", 7, "3-4", "EXORANT"),
                   ("OTHER_AE:asthenia/fatigue", 35, "any", "Pemetrexed + Platinum"),
                   ("OTHER_AE:asthenia/fatigue", 9, "3-4", "Pemetrexed + Platinum")}


def test_a_schedule_on_days_stops_at_its_numbers():
    from extract.arms import SCHEDULE
    assert SCHEDULE.sub("|", "X on days 1 and 8 and diralimab on day 1") == "X | and diralimab |"


def test_treatment_history_names_no_arms():
    """'patients who had previously received X or Y' describes who enrolled, not what they were randomised to."""
    from extract.arms import find_arms
    assert find_arms("This randomized trial enrolled patients who had previously received chemotherapy or radiotherapy.") == []
    names = [a.name for a in find_arms("A randomized trial. Pts received norvalimab plus sivarelimab (the combination) "
                                       "or norvalimab alone.")]
    assert names == ["norvalimab plus sivarelimab", "norvalimab alone"]


def test_a_comparison_label_after_a_ratio_keeps_its_ci():
    """'The HR for rPFS was 0.61 for Arm A versus Arm C (95% CI 0.44-0.85; p=0.004)': the label belongs to the ratio."""
    text = ("Patients were randomized to talaparib plus enzalutamide (Arm A), talaparib alone (Arm B) or placebo plus "
            "enzalutamide (Arm C). The HR for rPFS was 0.61 for Arm A versus Arm C (95% CI 0.44-0.85; p=0.004).")
    assert [(r["ci_low"], r["ci_high"], r["p_value"]) for r in records_of(text)] == [(0.44, 0.85, "0.004")]


def test_a_pipe_table_section_row_keeps_the_arm_columns():
    """'| Overall Survival | | |' between rows is a section heading, not a header with two arms."""
    text = ("Patients were randomized 2:1 to VELQUARA or sorafenib.\n\n"
            "| Endpoint | VELQUARA (N=408) | Sorafenib (N=203) |\n"
            "| Overall Survival | | |\n"
            "| Median OS in months (95% CI) | 15.9 (14.2, 17.6) | 12.1 (10.4, 14.0) |\n"
            "| Objective Response Rate | | |\n"
            "| ORR, % (95% CI) | 22 (18, 26) | 6 (3, 10) |\n")
    got = sorted((r["endpoint"], r["value"], r["arm"]) for r in records_of(text))
    assert got == [("ORR", 6.0, "Sorafenib"), ("ORR", 22.0, "VELQUARA"), ("OS", 12.1, "Sorafenib"), ("OS", 15.9, "VELQUARA")]


def test_dose_columns_and_one_grade_column_per_arm_keep_their_arms():
    """'200 mg QD (N=64)' heads an arm column; an arms line over one 'Grade 3-4 (%)' column per arm keeps the arms."""
    doses = ("Patients were randomized to SOVRELIA 200 mg once daily or 300 mg once daily.\n\n"
             "Adverse Reaction          200 mg QD (N=64)            300 mg QD (N=61)\n"
             "                          Any Grade   Grade ≥3         Any Grade   Grade ≥3\n"
             "Hyperglycemia             53%         16%              70%         31%\n")
    assert sorted((r["value"], r["grade"], r["arm"]) for r in records_of(doses)) == [
        (16.0, ">=3", "200 mg QD"), (31.0, ">=3", "300 mg QD"), (53.0, "any", "200 mg QD"), (70.0, "any", "300 mg QD")]
    labs = ("Patients were randomized to ARVELTO + XELOX or placebo + XELOX.\n\n"
            "  Laboratory Test               ARVELTO + XELOX    Placebo + XELOX\n"
            "                                Grade 3–4 (%)      Grade 3–4 (%)\n"
            "  Neutrophils decreased         21                 17\n")
    assert sorted((r["value"], r["grade"], r["arm"]) for r in records_of(labs)) == [
        (17.0, "3-4", "Placebo + XELOX"), (21.0, "3-4", "ARVELTO + XELOX")]


def test_ae_table_header_variants():
    """A bare 'All' beside 'Gr 3-4' cells is all grades; a grade header written over two lines is read cell over cell."""
    three = ("Patients were randomized to Arm A, Arm B or Arm C.\n\n"
             "                     Arm A (N=161)        Arm B (N=160)        Arm C (N=158)\n"
             "                     All    Gr 3–4        All    Gr 3–4        All    Gr 3–4\n"
             "Neutropenia          68     55            31     18            49     38\n")
    assert sorted((r["value"], r["grade"], r["arm"]) for r in records_of(three)) == [
        (18.0, "3-4", "Arm B"), (31.0, "any", "Arm B"), (38.0, "3-4", "Arm C"), (49.0, "any", "Arm C"),
        (55.0, "3-4", "Arm A"), (68.0, "any", "Arm A")]
    two_lines = ("Patients were randomized to ZENTRIVA plus fulvestrant or placebo plus fulvestrant.\n\n"
                 "                          ZENTRIVA + Fulvestrant      Placebo + Fulvestrant\n"
                 "                          (N=340)                     (N=168)\n"
                 "                          All        Grades           All        Grades\n"
                 "                          Grades     3 or 4           Grades     3 or 4\n"
                 "                          %          %                %          %\n"
                 "Stomatitis                  28         0.6                13         0\n")
    assert sorted((r["value"], r["grade"], r["arm"]) for r in records_of(two_lines)) == [
        (0.0, "3-4", "Placebo + Fulvestrant"), (0.6, "3-4", "ZENTRIVA + Fulvestrant"),
        (13.0, "any", "Placebo + Fulvestrant"), (28.0, "any", "ZENTRIVA + Fulvestrant")]


def test_an_arm_written_with_plus_and_with_a_plus_sign_lists_both_spellings():
    text = ("Patients were randomized to VELTRIX plus chemotherapy or placebo plus chemotherapy. Median PFS was 10.3 months "
            "with VELTRIX + chemotherapy versus 5.9 months with placebo + chemotherapy.")
    found = {r["value"]: (r["arm"], r["arm_aliases"]) for r in records_of(text)}
    assert found[10.3][0] == "VELTRIX plus chemotherapy" and "VELTRIX + chemotherapy" in found[10.3][1]
    assert "placebo + chemotherapy" in found[5.9][1]


def test_arm_names_over_a_sizes_line_that_opens_with_a_row_heading():
    text = ("Table 15: Efficacy Results in MERIDIAN-3\n\n"
            "                                          ZOLTRA + Rituximab      Placebo + Rituximab\n"
            "Outcome                                   N=120                   N=118\n"
            "Overall Response Rate, % (95% CI)         66 (57, 74)             41 (32, 50)\n")
    rows = sorted((r["arm"], r["value"], r["n"]) for r in records_of(text))
    assert rows == [("Placebo + Rituximab", 41, 118), ("ZOLTRA + Rituximab", 66, 120)]


def test_grade_and_unit_header_lines_that_open_with_row_headings():
    text = ("Table 5: Adverse Reactions (>=15%) in Patients in MERIDIAN-3\n\n"
            "                                  ZOLTRA + Rituximab          Placebo + Rituximab\n"
            "Body System                     All Grades   Grade 3 or 4    All Grades   Grade 3 or 4\n"
            "Adverse Reaction                    (%)          (%)             (%)          (%)\n"
            "Infections\n"
            "  Pneumonia                         14           7               6            2.5\n")
    rows = sorted((r["arm"], r["grade"], r["value"]) for r in records_of(text))
    assert rows == [("Placebo + Rituximab", "3-4", 2.5), ("Placebo + Rituximab", "any", 6),
                    ("ZOLTRA + Rituximab", "3-4", 7), ("ZOLTRA + Rituximab", "any", 14)]


def test_a_second_sizes_row_inside_a_table_counts_the_same_arms_anew():
    text = ("Table 9: Efficacy Results in KESTREL-2\n\n"
            "                                                 ZOLTRA + Fulvestrant     Placebo + Fulvestrant\n"
            "                                                        N = 250                  N = 252\n"
            "Overall Survival\n"
            "  Median, months (95% CI)                          29.1 (27.0, 31.5)        27.4 (25.0, 30.2)\n"
            "Patients with measurable disease                    N = 201                  N = 205\n"
            "  Overall Response Rate, % (95% CI)                40 (33, 47)              17 (12, 23)\n")
    rows = sorted((r["endpoint"], r["arm"], r["value"], r["n"]) for r in records_of(text))
    assert rows == [("ORR", "Placebo + Fulvestrant", 17, 205), ("ORR", "ZOLTRA + Fulvestrant", 40, 201),
                    ("OS", "Placebo + Fulvestrant", 27.4, 252), ("OS", "ZOLTRA + Fulvestrant", 29.1, 250)]


def test_a_trial_cited_once_in_a_full_text_lends_no_name_to_its_values():
    filler = "Patients were followed every three months with imaging and laboratory tests. " * 160
    text = ("Everolimus after sunitinib in renal cancer\n\n" + filler +
            "The phase 3 KESTON-2 trial enrolled 400 patients. In KESTON-2, median PFS was 7.9 months. " + filler +
            "Similar benefits were seen in RECORD-1 and other trials.")
    (r,) = [r for r in records_of(text) if r["endpoint"] == "PFS"]
    assert r["trial"] == "KESTON-2"
    cited = ("Everolimus after sunitinib in renal cancer\n\n" + filler + "Median PFS was 7.9 months. " + filler +
             "This agrees with the RECORD-1 trial.")
    (r,) = [r for r in records_of(cited) if r["endpoint"] == "PFS"]
    assert r.get("trial") is None


@pytest.mark.parametrize("text", [
    "In patients with FGFR2 fusions enrolled in the study, the ORR was 35%.",
    "Patients with stage IIIB-IV disease were enrolled; the ORR was 35% in the trial.",
])
def test_a_gene_or_a_stage_range_is_not_a_trial_name(text):
    assert all(r.get("trial") is None for r in records_of(text))


def test_an_event_name_wrapped_over_two_lines_of_a_safety_table_is_read_whole():
    text = ("Table 4: Adverse Reactions in TOLLIVER-1\n"
            "                         NEXAVIR + Obinutuzumab      Obinutuzumab\n"
            "                         N=140                       N=142\n"
            "Adverse Reaction    All Grades   Grade 3 or 4    All Grades   Grade 3 or 4\n"
            "                       (%)           (%)            (%)           (%)\n"
            "Infections\n"
            "  Lower respiratory tract\n"
            "  infection             18            6              9             3\n"
            "  Pneumonia             12            7              5             2\n")
    got = {(r["endpoint"], r["value"], r["arm"]) for r in records_of(text) if r["grade"] == "any"}
    assert got == {("OTHER_AE:lower respiratory tract infection", 18, "NEXAVIR + Obinutuzumab"),
                   ("OTHER_AE:lower respiratory tract infection", 9, "Obinutuzumab"),
                   ("OTHER_AE:pneumonia", 12, "NEXAVIR + Obinutuzumab"), ("OTHER_AE:pneumonia", 5, "Obinutuzumab")}


def test_a_footnote_letter_glued_to_a_table_label_is_no_part_of_its_name():
    text = ("Table 3: Adverse Reactions in HOLLOWAY-1\n"
            "                         DRUGX N=120\n"
            "Adverse Reaction    All Grades   Grade 3 or 4\n"
            "                       (%)           (%)\n"
            "Infections(a)           44            12\n"
            "Nail disorder(b)        21            0\n")
    got = {(r["endpoint"], r["value"], r["grade"]) for r in records_of(text)}
    assert got == {("INFECTION", 44, "any"), ("INFECTION", 12, "3-4"), ("OTHER_AE:nail disorder", 21, "any"),
                   ("OTHER_AE:nail disorder", 0, "3-4")}


def test_step_up_doses_are_no_dose_cohorts():
    text = ("Patients received DRUGY at the recommended dosage (step-up doses of 0.2 mg/kg and 1.0 mg/kg, then 3.0 mg/kg every "
            "2 weeks). The efficacy was evaluated in two cohorts (Cohort A and Cohort B). Median PFS was 14.1 months in "
            "Cohort A and 5.8 months in Cohort B.")
    got = {(r["value"], r["arm"]) for r in records_of(text)}
    assert got == {(14.1, "cohort A"), (5.8, "cohort B")}


def test_footnote_symbols_glued_to_table_labels_are_no_part_of_their_names():
    text = ("Table 3: Adverse Reactions in HOLLOWAY-2\n"
            "                         DRUGX N=120\n"
            "Adverse Reaction    All Grades   Grade 3 or 4\n"
            "                       (%)           (%)\n"
            "Neutropenia†            41            33\n"
            "Hemorrhage§             24            1.9\n")
    got = {(r["endpoint"], r["value"], r["grade"]) for r in records_of(text)}
    assert got == {("NEUTROPENIA", 41, "any"), ("NEUTROPENIA", 33, "3-4"), ("OTHER_AE:hemorrhage", 24, "any"),
                   ("OTHER_AE:hemorrhage", 1.9, "3-4")}


def test_a_grade_header_over_two_lines_opening_with_a_row_heading_and_a_body_system_heading():
    text = ("Table 3: Adverse Reactions in HOLBORN-2\n\n"
            "                                   DRUGZ              TPC\n"
            "                                   (N=300)            (N=298)\n"
            "Adverse Reaction                   All      Grade     All      Grade\n"
            "                                   Grades   3 or 4    Grades   3 or 4\n"
            "                                   (%)      (%)       (%)      (%)\n"
            "General Disorders and Administration Site Conditions\n"
            "  Fatigue                          40       3.3       31       2.0\n")
    got = {(r["value"], r["grade"], r["arm"]) for r in records_of(text)}
    assert got == {(40, "any", "DRUGZ"), (3.3, "3-4", "DRUGZ"), (31, "any", "TPC"), (2.0, "3-4", "TPC")}



def test_were_given_either_x_or_the_current_standard_names_both_arms():
    text = ("The 310 men in the study were given either six cycles of the antibody-drug conjugate tavolimab vedotin, "
            "or the current standard: docetaxel with prednisone. Grade 3 or higher neutropenia occurred in 9% in the ADC "
            "group and 31% with docetaxel.")
    got = {(r["endpoint"], r["value"], r["arm"]) for r in records_of(text)}
    assert got == {("NEUTROPENIA", 9, "tavolimab vedotin"), ("NEUTROPENIA", 31, "current standard")}


def test_received_x_or_y_without_either_or_randomisation_names_no_arms():
    text = "Patients received docetaxel or cabazitaxel. The objective response rate was 24%."
    assert [(r["value"], r["arm"]) for r in records_of(text)] == [(24, None)]


def test_a_ci_after_a_difference_is_the_differences_not_the_rates():
    text = ("Patients were randomly assigned to zelrotinib or placebo. The ORR was 41.5% with zelrotinib and 30.2% with "
            "placebo (difference 11.3 points; 95% CI 2.0 to 20.6).")
    got = {(r["value"], r["ci_low"], r["arm"]) for r in records_of(text)}
    assert got == {(41.5, None, "zelrotinib"), (30.2, None, "placebo")}


def test_a_bullet_headed_by_a_described_group_is_a_subgroup_of_both_arms():
    text = ("Patients were randomly assigned to zelrotinib or placebo.\n"
            "* Node-positive men: 2-year EFS of 71.2% and 60.4%\n")
    got = {(r["value"], r["arm"]) for r in records_of(text)}
    assert got == {(71.2, "zelrotinib (Node-positive)"), (60.4, "placebo (Node-positive)")}


def test_among_older_women_opens_a_subgroup():
    text = ("Patients were randomly assigned to zelrotinib or placebo. Among older women, the ORR was 38% with zelrotinib "
            "and 21% with placebo.")
    got = {(r["value"], r["arm"]) for r in records_of(text)}
    assert got == {(38, "zelrotinib (older)"), (21, "placebo (older)")}


def test_a_randomisation_bracket_of_sized_arms_names_every_arm():
    text = ("The study evaluated velmotinib with fulvestrant (the \"combination\" arm) or velmotinib alone (the \"single-agent\" "
            "arm), versus fulvestrant with placebo (reference). Median PFS was 11.2 months in the combination arm, 8.1 months "
            "in the single-agent arm and 5.4 months in the reference arm. The study randomized 600 patients 1:1:1 "
            "(combination n=200, single-agent n=199, reference n=201).")
    got = {(r["value"], r["arm"]) for r in records_of(text)}
    assert got == {(11.2, "combination"), (8.1, "single-agent"), (5.4, "reference")}


def test_a_subgroup_named_with_its_abbreviation_takes_the_abbreviation():
    text = ("Patients were randomly assigned to zelrotinib or placebo. In the microsatellite instability-high (MSI-H) subgroup, "
            "median PFS was 19.4 months with zelrotinib and 6.2 months with placebo.")
    got = {(r["value"], r["arm"]) for r in records_of(text)}
    assert got == {(19.4, "zelrotinib (MSI-H)"), (6.2, "placebo (MSI-H)")}


def test_tab_separated_columns_are_columns():
    text = ("Table 4: Laboratory Abnormalities in KESWICK-2\n"
            "Laboratory Abnormality\tAll Grades (%)\tGrade 3 or 4 (%)\n"
            "Platelet count decreased\t41\t17\n")
    got = {(r["endpoint"], r["value"], r["grade"]) for r in records_of(text)}
    assert got == {("THROMBOCYTOPENIA", 41, "any"), ("THROMBOCYTOPENIA", 17, "3-4")}


def test_numbered_cohort_columns_with_their_descriptions_are_arm_columns():
    text = ("Table 6: Efficacy Results in KESWICK-3\n"
            "Efficacy Parameter    Cohort 1 (BTKi-naive)    Cohort 2 (Prior BTKi)\n"
            "                      N=88                     N=41\n"
            "Overall response rate, n (%)    70 (80)    25 (61)\n")
    got = {(r["value"], r["arm"]) for r in records_of(text)}
    assert got == {(80, "Cohort 1 (BTKi-naive)"), (61, "Cohort 2 (Prior BTKi)")}


def test_a_median_cell_ne_with_an_open_ci_is_not_reached():
    text = ("Table 6: Efficacy Results in KESWICK-4\n"
            "                              DRUGQ            Placebo\n"
            "                              N=150            N=149\n"
            "Progression-Free Survival\n"
            "  Median, months (95% CI)     NE (18.3, NE)    9.1 (7.4, 11.0)\n")
    got = {(r["value"], r["not_reached"], r["arm"]) for r in records_of(text)}
    assert got == {(None, True, "DRUGQ"), (9.1, False, "Placebo")}


def test_a_median_ne_with_an_open_ci_in_prose_is_not_reached():
    text = "Median duration of response NE (95% CI: 14.2, NE) among the 40 responders."
    got = [(r["endpoint"], r["value"], r["not_reached"]) for r in records_of(text)]
    assert got == [("DOR", None, True)]


def test_arms_as_courses_of_a_plus_b_or_of_c_plus_b_and_the_former_and_the_latter():
    text = ("Patients were randomly assigned to four courses of etoposide 100 mg/m2 plus ifosfamide 1.5 g/m2 or of "
            "topotecan 1.5 mg/m2 plus ifosfamide 1.5 g/m2. Febrile neutropenia was commoner with the latter (21% v 8%).")
    got = {(r["value"], r["arm"]) for r in records_of(text)}
    assert got == {(21, "topotecan plus ifosfamide"), (8, "etoposide plus ifosfamide")}


def test_a_hazard_ratio_for_death_with_one_arm_sets_that_arm_first():
    text = ("Patients were randomly assigned to cisplatin or oxaliplatin. Median survival was 14.2 months with cisplatin "
            "and 13.8 months with oxaliplatin (hazard ratio for death with oxaliplatin 1.06; 95% CI 0.88-1.27).")
    got = {(r["stat"], r["value"], r["arm"]) for r in records_of(text) if r["stat"] == "hr"}
    assert got == {("hr", 1.06, "oxaliplatin vs cisplatin")}


def test_a_drug_named_with_its_class_is_the_class_later():
    text = ("Patients were randomly assigned to the TROP2-directed antibody-drug conjugate velutatug ravtansine or to "
            "docetaxel. Overall survival was longer with the conjugate than with docetaxel (median, 11.9 vs. 9.4 months).")
    got = {(r["value"], r["arm"]) for r in records_of(text)}
    assert got == {(11.9, "velutatug ravtansine"), (9.4, "docetaxel")}


def test_a_pair_after_whereas_follows_the_arm_named_in_its_own_clause():
    text = ("Patients were randomly assigned to velutatug or docetaxel. Rash occurred in 31% with velutatug, whereas "
            "neutropenia was commoner with docetaxel (35% vs. 6%).")
    got = {(r["endpoint"], r["value"], r["arm"]) for r in records_of(text)}
    assert ("NEUTROPENIA", 35, "docetaxel") in got and ("NEUTROPENIA", 6, "velutatug") in got


def test_the_commonest_events_take_the_grade_of_the_lead_clause():
    text = ("Patients were randomly assigned to zorafenib or placebo. Adverse events of grade 3 or higher occurred in "
            "41% and 12%; the commonest were hypertension (14% vs 1%) and diarrhoea (7% vs 2%).")
    assert {r["grade"] for r in records_of(text)} == {">=3"}


def test_three_arms_with_a_dosing_bracket_chemotherapy_alone_and_a_list_with_one_new_name():
    text = ("Patients were randomly assigned to the anti-PD-1 antibody belzolimab plus four cycles of carboplatin and "
            "pemetrexed, to belzolimab plus the anti-LAG-3 antibody ravolimab (3 mg/kg every 3 weeks), or to "
            "carboplatin and pemetrexed alone. Median overall survival was 10.9 months with chemotherapy alone and "
            "16.2 months with belzolimab plus chemotherapy. Median progression-free survival was 7.1, 5.2 and 4.8 "
            "months in the belzolimab-chemotherapy, dual-antibody and chemotherapy groups.")
    got = {(r["endpoint"], r["value"], r["arm"]) for r in records_of(text)}
    assert got == {("OS", 10.9, "carboplatin and pemetrexed alone"), ("OS", 16.2, "belzolimab plus carboplatin and pemetrexed"),
                   ("PFS", 7.1, "belzolimab plus carboplatin and pemetrexed"), ("PFS", 5.2, "belzolimab plus ravolimab"),
                   ("PFS", 4.8, "carboplatin and pemetrexed alone")}


def test_cohorts_counted_then_listed_after_a_colon_with_their_acronyms():
    text = ("Patients were enrolled into three disease cohorts: diffuse large B-cell lymphoma (DLBCL; n=70), "
            "marginal zone lymphoma (n=35) and Burkitt lymphoma (n=12). ORR was 74% (CR 52%) for DLBCL and 83% (CR 61%) "
            "for MZL. 12-mo PFS was 49%, 88% and 40% in the DLBCL, MZL and BL cohorts, respectively.")
    got = {(r["endpoint"], r["value"], r["arm"]) for r in records_of(text)}
    assert got == {("ORR", 74, "DLBCL"), ("CR", 52, "DLBCL"), ("ORR", 83, "MZL"), ("CR", 61, "MZL"),
                   ("PFS", 49, "DLBCL"), ("PFS", 88, "MZL"), ("PFS", 40, "BL")}


def test_groups_counted_then_listed_as_one_received_another_received():
    text = ("Patients were divided into three groups: one received gemcitabine, another received capecitabine and the "
            "third received irinotecan. The response rates were 22%, 18% and 15%, respectively.")
    got = {(r["value"], r["arm"]) for r in records_of(text)}
    assert got == {(22, "gemcitabine"), (18, "capecitabine"), (15, "irinotecan")}


def test_numbered_cohorts_and_study_parts_are_arms_and_lines_of_therapy_are_not():
    text = ("Cohort 1 enrolled patients with untreated disease (n=60); Cohort 2 enrolled patients after three or more "
            "lines (n=95). Neutropenia occurred in 31% of patients in Cohort 1 and 47% in Cohort 2.")
    assert {(r["value"], r["arm"]) for r in records_of(text)} == {(31, "cohort 1"), (47, "cohort 2")}
    text = "Part 1 tested velotinib alone and Part 2 tested velotinib with panitumumab. ORR was 9% in Part 1 and 28% in Part 2."
    assert {(r["value"], r["arm"]) for r in records_of(text)} == {(9, "part 1"), (28, "part 2")}


def test_half_were_assigned_x_the_rest_got_y_names_both_arms():
    text = ("The trial enrolled 400 men. Half were assigned the drug, pelvotinib (PV), at 200 mg daily; the rest got "
            "their doctor's pick of enzalutamide or abiraterone. Those given PV lived a median of 21.4 months, against "
            "17.9 months for the comparator group.")
    got = {(r["value"], r["arm"]) for r in records_of(text) if r["stat"] == "median"}
    assert (21.4, "pelvotinib") in got and (17.9, "enzalutamide or abiraterone") in got


def test_the_most_frequent_events_of_the_next_sentence_keep_the_lead_grade():
    text = ("Patients were randomly assigned to tivorafenib or placebo. Grade 3 or higher treatment-related adverse "
            "events occurred in 44% and 12%. The most frequent were hypertension (15% vs 3%) and fatigue (6% vs 2%).")
    assert {r["grade"] for r in records_of(text)} == {">=3"}


def test_a_grade_before_a_list_of_events_is_each_events_grade():
    text = "Grade 3 or higher anemia, neutropenia and thrombocytopenia were reported in 21%, 33% and 12%, respectively."
    got = {(r["endpoint"], r["value"], r["grade"]) for r in records_of(text)}
    assert got == {("ANEMIA", 21, ">=3"), ("NEUTROPENIA", 33, ">=3"), ("THROMBOCYTOPENIA", 12, ">=3")}


def test_given_either_with_y_or_alone_names_both_arms_and_their_role_labels():
    text = ("Women were randomly assigned to paclitaxel 80 mg/m2 weekly, given either with zalvotuzumab (8 mg/kg, then "
            "6 mg/kg every 3 weeks; experimental group) or alone (control group). The response rate was 58% in the "
            "experimental group and 31% in the control group.")
    got = {(r["value"], r["arm"]) for r in records_of(text)}
    assert got == {(58, "paclitaxel with zalvotuzumab"), (31, "paclitaxel alone")}


def test_a_count_in_words_in_two_patients():
    text = "Symptomatic heart failure developed in three patients."
    assert [(r["stat"], r["value"]) for r in records_of(text)] == [("count", 3)]


def test_a_grade_of_one_event_stays_with_it_when_the_next_clause_names_another():
    text = ("Grade 4 neutropenia was frequent in both groups (30% and 21%), and febrile neutropenia occurred in 19% v 12%.")
    got = {(r["endpoint"], r["grade"]) for r in records_of(text)}
    assert got == {("NEUTROPENIA", "4"), ("OTHER_AE:febrile neutropenia", "any")}


def test_a_label_with_a_bracket_before_its_colon_keeps_its_values():
    text = "• ORR (RECIST 1.1): 41.2% vs 18.0%, including complete responses in 6.3% vs 1.1%"
    got = {(r["endpoint"], r["value"]) for r in records_of(text)}
    assert got == {("ORR", 41.2), ("ORR", 18.0), ("CR", 6.3), ("CR", 1.1)}


def test_hazard_ratios_of_two_arms_against_the_third_respectively():
    text = ("Patients were randomly assigned to talrolimab plus chemotherapy, talrolimab plus verbelimab, or chemotherapy "
            "alone. The hazard ratios for death as compared with chemotherapy were 0.71 (95% CI, 0.58 to 0.86) and 0.88 "
            "(95% CI, 0.73 to 1.06), respectively.")
    got = {(r["value"], r["arm"]) for r in records_of(text)}
    assert got == {(0.71, "talrolimab plus chemotherapy vs chemotherapy alone"),
                   (0.88, "talrolimab plus verbelimab vs chemotherapy alone")}


def test_line_of_therapy_columns_named_in_the_legend_and_event_rows_by_grade():
    text = ("Table 3: Cytokine Release Syndrome and Neurologic Toxicities in KESTON-1\n\n"
            "                                       2L TE            3L+\n"
            "                                       (N=60)           (N=112)\n"
            "Cytokine release syndrome\n"
            "  Any grade, %                         38               47\n"
            "  Grade 3 or higher, %                 1.7              2.7\n"
            "  Median time to onset, days (range)   4 (1-10)         5 (1-12)\n"
            "Neurologic toxicities\n"
            "  Any grade, %                         21               29\n"
            "  Grade 3 or higher, %                 3.3              8.0\n"
            "2L TE = second line, transplant-eligible (Cohort A); 3L+ = third line or later (Cohort B).\n")
    got = {(r["endpoint"], r["value"], r["grade"], r["arm"]) for r in records_of(text)}
    assert got == {("CRS", 38, "any", "2L TE"), ("CRS", 47, "any", "3L+"), ("CRS", 1.7, ">=3", "2L TE"),
                   ("CRS", 2.7, ">=3", "3L+"), ("ICANS", 21, "any", "2L TE"), ("ICANS", 29, "any", "3L+"),
                   ("ICANS", 3.3, ">=3", "2L TE"), ("ICANS", 8.0, ">=3", "3L+")}
    aliases = {r["arm"]: r["arm_aliases"] for r in records_of(text)}
    assert "Cohort A" in aliases["2L TE"] and "Cohort B" in aliases["3L+"]


def test_one_regimen_at_two_intervals_gives_schedule_arms():
    text = ("Patients were randomly assigned to six cycles of the regimen given every 14 days (FEC-14) or every 21 days "
            "(FEC-21). Three-year disease-free survival... 3-year overall survival was 88.1% in the 14-day arm and 86.9% "
            "in the 21-day arm. Febrile neutropenia occurred in 9% and 4% of patients given the 3-weekly regimen and the "
            "2-weekly regimen, respectively. Shortening the cycle interval from 21 to 14 days did not improve overall survival.")
    got = {(r["endpoint"], r["value"], r["timepoint_months"], r["arm"]) for r in records_of(text)}
    assert got == {("OS", 88.1, 36.0, "FEC-14"), ("OS", 86.9, 36.0, "FEC-21"),
                   ("OTHER_AE:febrile neutropenia", 9, None, "FEC-21"), ("OTHER_AE:febrile neutropenia", 4, None, "FEC-14")}


def test_semicolon_arms_each_closed_by_a_short_label_are_named_by_it():
    text = ("Patients were randomised 1:1:1 to drug A until progression followed by drug B (A→B); drug B until progression "
            "followed by drug A (B→A); or a 6-week drug A run-in followed by drug B (A6→B). 2-y OS was 52% with A→B, "
            "68% with B→A and 66% with A6→B. A 2-y OS of 60% was assumed for A→B.")
    got = {(r["value"], r["arm"]) for r in records_of(text)}
    assert got == {(52, "A→B"), (68, "B→A"), (66, "A6→B")}


def test_cohorts_labelled_in_brackets_are_arms_by_their_labels():
    text = ("Expansion enrolled two cohorts: untreated cisplatin-ineligible pts (1L cohort) and pts who had progressed "
            "after platinum (PP cohort). 12-mo OS was 81% (1L) and 58% (PP).")
    got = {(r["value"], r["arm"]) for r in records_of(text)}
    assert got == {(81, "1L"), (58, "PP")}


def test_adverse_reaction_columns_named_by_dose():
    text = ("Table 2: Selected Adverse Reactions by Dose\n\n"
            "                               3.2 mg/kg              4.8 mg/kg\n"
            "                               N=120                  N=60\n"
            "Adverse Reaction               All Grades  Grade ≥3   All Grades  Grade ≥3\n"
            "                               (%)         (%)        (%)         (%)\n"
            "Nausea                         52          2.5        61          6.7\n")
    got = {(r["value"], r["grade"], r["arm"]) for r in records_of(text)}
    assert got == {(52, "any", "3.2 mg/kg"), (2.5, ">=3", "3.2 mg/kg"), (61, "any", "4.8 mg/kg"), (6.7, ">=3", "4.8 mg/kg")}


def test_radiotherapy_schedules_as_arms_and_organ_toxicities_by_name():
    text = ("Men were randomly assigned to 74 Gy in 37 fractions over 7.5 weeks or to 57 Gy in 19 fractions over 3.8 weeks. "
            "5-year biochemical progression-free survival was 85.1% in the 37-fraction group and 87.9% in the 19-fraction group. "
            "Cumulative late rectal toxicity of grade 2 or worse was reported in 5.2% and 4.4%, respectively.")
    got = {(r["endpoint"], r["value"], r["timepoint_months"], r["grade"], r["arm"]) for r in records_of(text)}
    assert got == {("PFS", 85.1, 60.0, None, "74 Gy in 37 fractions"), ("PFS", 87.9, 60.0, None, "57 Gy in 19 fractions"),
                   ("OTHER_AE:late rectal toxicity", 5.2, None, ">=2", "74 Gy in 37 fractions"),
                   ("OTHER_AE:late rectal toxicity", 4.4, None, ">=2", "57 Gy in 19 fractions")}


def test_arms_listed_with_their_sizes_keep_their_dose_names():
    text = ("Patients were randomly assigned (1:1:1) to placebo (n=120), 15 mg (n=121), or 30 mg (n=119). Median PFS was "
            "6.2 months with placebo, 7.4 months with 15 mg and 8.8 months with 30 mg.")
    got = {(r["value"], r["arm"]) for r in records_of(text)}
    assert got == {(6.2, "placebo"), (7.4, "15 mg"), (8.8, "30 mg")}


def test_appositives_between_the_arms_of_a_comparison_are_no_part_of_them():
    text = ("The trial compared rovacabtagene (rova-cel), its BCMA-directed CAR T-cell therapy, with standard of care. "
            "PFS at 12 months was 71% with rova-cel and 44% with standard of care.")
    got = {(r["value"], r["arm"]) for r in records_of(text)}
    assert got == {(71, "rovacabtagene"), (44, "standard of care")}


def test_split_evenly_between_x_and_their_physicians_choice():
    text = ("The 410 women were split evenly between belatuzumab vedotin (BV), given every three weeks, and their "
            "physician's choice of chemotherapy. Median PFS was 8.7 months with BV and 4.9 months with chemotherapy.")
    got = {(r["value"], r["arm"]) for r in records_of(text)}
    assert got == {(8.7, "belatuzumab vedotin"), (4.9, "physician's choice")}


def test_one_drug_at_two_doses_told_apart_by_bracket_labels():
    text = ("Patients were randomised 1:1:1 to pelotide 4 mg/kg (high dose), pelotide 1 mg/kg (low dose) or placebo. "
            "Grade 3 neuropathy was reported in 5%, 8% and 14%, respectively.")
    got = {(r["value"], r["arm"]) for r in records_of(text)}
    assert got == {(5, "high dose"), (8, "low dose"), (14, "placebo")}


def test_an_event_in_a_clause_of_its_own_after_a_semicolon_keeps_any_grade():
    text = ("Grade 3 or higher adverse events occurred in 41% and 22%, chiefly diarrhoea (15% v 7%); anastomotic leakage "
            "was seen in 6% and 2%, respectively.")
    got = {(r["endpoint"], r["grade"]) for r in records_of(text)}
    assert ("OTHER_AE:diarrhoea", ">=3") in got and ("OTHER_AE:anastomotic leakage", "any") in got


def test_a_value_bracketed_after_its_count_and_denominator_takes_the_group_named_after():
    text = ("Patients were randomly assigned to surgery alone or surgery plus chemotherapy. Wound infection was commoner "
            "with chemotherapy (12 [8%] of 150 in the surgery alone group vs 27 [18%] of 148 in the surgery plus "
            "chemotherapy group).")
    got = {(r["value"], r["arm"]) for r in records_of(text)}
    assert got == {(8, "surgery alone"), (18, "surgery plus chemotherapy")}


def test_three_arm_ratios_after_each_arms_value_are_against_the_control():
    text = ("Men were randomly assigned 1:1:1 to ADT alone (control), ADT plus six cycles of cabazitaxel 25 mg/m2 every 3 weeks "
            "(ADT+Z), or ADT plus velutamide 160 mg once daily until progression (ADT+V). Median OS was 41.0 months with ADT "
            "alone, 50.2 months with ADT+Z (HR v control, 0.81; 95% CI, 0.68 to 0.97), and 53.9 months with ADT+V (HR, 0.74; "
            "95% CI, 0.61 to 0.89).")
    got = {(r["stat"], r["value"], r["arm"]) for r in records_of(text)}
    assert got == {("median", 41.0, "ADT alone"), ("median", 50.2, "ADT plus cabazitaxel"), ("median", 53.9, "ADT plus velutamide"),
                   ("hr", 0.81, "ADT plus cabazitaxel vs ADT alone"), ("hr", 0.74, "ADT plus velutamide vs ADT alone")}


def test_arm_names_on_two_lines_over_a_grade_line_without_sizes():
    text = ("Table 5: Select Laboratory Abnormalities in KESTREL-4\n\n"
            "                              DRUGM and                      Placebo and\n"
            "                              Gemcitabine/Cisplatin          Gemcitabine/Cisplatin\n"
            "Laboratory Abnormality        All Grades    Grades 3-4       All Grades    Grades 3-4\n"
            "                              (%)           (%)              (%)           (%)\n"
            "Anemia                        76            19               71            15\n")
    got = {(r["value"], r["grade"], r["arm"]) for r in records_of(text)}
    assert got == {(76, "any", "DRUGM and Gemcitabine/Cisplatin"), (19, "3-4", "DRUGM and Gemcitabine/Cisplatin"),
                   (71, "any", "Placebo and Gemcitabine/Cisplatin"), (15, "3-4", "Placebo and Gemcitabine/Cisplatin")}


def test_one_drug_at_two_doses_told_apart_by_short_labels_hidden_by_masking():
    text = ("Pts were randomized 1:1:1 to relatamig 200 mg + tovolimab 240 mg (R200+T), relatamig 600 mg + tovolimab (R600+T), "
            "or placebo + tovolimab (T) every 3 weeks. ORR was 41.0%, 52.5% and 30.1% in the R200+T, R600+T and T arms, "
            "respectively.")
    got = {(r["value"], r["arm"]) for r in records_of(text)}
    assert got == {(41.0, "R200+T"), (52.5, "R600+T"), (30.1, "placebo + tovolimab")}


def test_table_columns_named_by_dose_and_schedule():
    text = ("Table 3: Adverse Reactions in KELDAN-1\n\n"
            "                            0.3 mg/kg Weekly            0.6 mg/kg Every 2 Weeks\n"
            "                            N=120                       N=118\n"
            "Adverse Reaction            All Grades   Grade 3-4      All Grades   Grade 3-4\n"
            "                            (%)          (%)            (%)          (%)\n"
            "Dysgeusia                   61           0              66           1\n")
    got = {(r["value"], r["grade"], r["arm"]) for r in records_of(text)}
    assert got == {(61, "any", "0.3 mg/kg Weekly"), (0, "3-4", "0.3 mg/kg Weekly"), (66, "any", "0.6 mg/kg Every 2 Weeks"),
                   (1, "3-4", "0.6 mg/kg Every 2 Weeks")}


def test_group_labels_closing_brackets_with_their_sizes_name_the_arms():
    text = ("Patients were randomly assigned to radiotherapy alone (60 Gy in 30 fractions; RT group, n = 140), two cycles "
            "of cisplatin and etoposide followed by the same radiotherapy (sequential group, n = 139), or radiotherapy with "
            "concurrent weekly cisplatin (concurrent group, n = 141). Survival at 2 years was 21%, 28% and 34%, respectively.")
    got = {(r["value"], r["arm"]) for r in records_of(text)}
    assert got == {(21, "RT"), (28, "sequential"), (34, "concurrent")}


def test_a_description_too_long_for_a_name_is_named_by_the_role_in_its_bracket():
    text = ("The 300 adults were randomly assigned to receive either rituximab and bendamustine plus the oral BTK blocker "
            "coltibrutinib (the triplet group, 150 patients) or rituximab and bendamustine plus placebo (the doublet group, "
            "150 patients). Complete metabolic response was reached by 58% and 39%.")
    got = {(r["value"], r["arm"]) for r in records_of(text)}
    assert got == {(58, "triplet group"), (39, "rituximab and bendamustine plus placebo")}
    doublet = next(r for r in records_of(text) if r["value"] == 39)
    assert "doublet group" in doublet["arm_aliases"]


def test_a_pair_per_clause_when_each_clause_opens_with_its_own_subgroup():
    text = ("Patients were randomized to ostravib plus letrozole or placebo plus letrozole. In the ESR1-mutant group, "
            "the ORR was 44% and 21%; in the larger ESR1 wild-type group, it was 38% and 30%.")
    got = {(r["value"], r["arm"]) for r in records_of(text)}
    assert got == {(44, "ostravib plus letrozole (ESR1-mutant)"), (21, "placebo plus letrozole (ESR1-mutant)"),
                   (38, "ostravib plus letrozole (ESR1 wild-type)"), (30, "placebo plus letrozole (ESR1 wild-type)")}


def test_clauses_that_open_with_an_arm_keep_their_values_together():
    text = ("Patients were randomized to an alternating schedule or a sequential schedule. Of 120 patients given the "
            "alternating schedule, 70 (58%) responded, 20 of them completely (17%); on the sequential schedule the "
            "corresponding figures were 60 of 118 (51%) and 14 (12%).")
    got = {(r["value"], r["arm"]) for r in records_of(text) if r["value"] in (58, 51)}
    assert got == {(58, "alternating schedule"), (51, "sequential schedule")}


def test_split_between_a_drug_and_a_physicians_choice_list():
    text = ("The 480 men were split evenly between velortamab (VLT), given every four weeks, and their physician's choice of "
            "docetaxel, cabazitaxel, abiraterone acetate, enzalutamide, darolutamide or radium-223. Tumors shrank in 41% of those on VLT; on the physician's choice, the "
            "figure was 15%.")
    got = {(r["value"], r["arm"]) for r in records_of(text)}
    assert got == {(41, "velortamab"), (15, "physician's choice")}


def test_lay_progression_free_survival_and_the_conjugate_as_the_experimental_arm():
    text = ("Patients were randomly assigned to dorvatuzumab sirodotin or chemotherapy. The new drug kept the cancer in check "
            "for a median of 9.1 months, compared with 4.4 months with chemotherapy. Pneumonitis occurred in 6% of patients "
            "on the conjugate.")
    got = {(r["endpoint"], r["value"], r["arm"]) for r in records_of(text)}
    assert got == {("PFS", 9.1, "dorvatuzumab sirodotin"), ("PFS", 4.4, "chemotherapy"),
                   ("OTHER_AE:pneumonitis", 6, "dorvatuzumab sirodotin")}


def test_radiotherapy_dose_groups_are_arms():
    text = ("Men were randomly assigned to 78 Gy in 39 fractions or to 62 Gy or 60 Gy in 3 Gy fractions. Five-year "
            "overall survival was 90% in the 78 Gy group, 91% in the 62 Gy group and 89% in the 60 Gy group.")
    got = {(r["value"], r["arm"]) for r in records_of(text)}
    assert got == {(90, "78 Gy"), (91, "62 Gy"), (89, "60 Gy")}


def test_grade_line_over_arm_names_repeated_under_each_grade():
    text = ("Table 3: Adverse Reactions in KELMOOR-1\n\n"
            "                            All Grades (%)            Grade 3-4 (%)\n"
            "Adverse Reaction        Velparib    Placebo       Velparib    Placebo\n"
            "Anemia                  44          12            21          2\n")
    got = {(r["value"], r["grade"], r["arm"]) for r in records_of(text)}
    assert got == {(44, "any", "Velparib"), (12, "any", "Placebo"), (21, "3-4", "Velparib"), (2, "3-4", "Placebo")}


def test_a_structured_abstracts_interventions_line_names_the_arms():
    text = ("Interventions: Nivolumab 480 mg every 4 weeks plus dalparib 300 mg once daily, or nivolumab plus matching "
            "placebo.\n\nResults: Median progression-free survival was 5.3 months on dalparib and 3.1 months on placebo.")
    got = {(r["value"], r["arm"]) for r in records_of(text)}
    assert got == {(5.3, "Nivolumab plus dalparib"), (3.1, "nivolumab plus matching placebo")}


def test_the_former_is_the_arm_the_sentence_before_named_first():
    text = ("Patients were randomised to gemcitabine alone or to gemcitabine plus valtinib. Responses were seen in 31% of "
            "patients given valtinib and in 17% of those on gemcitabine alone. Median survival was 9.4 months for the "
            "former and 7.1 months for the latter.")
    got = {(r["value"], r["arm"]) for r in records_of(text) if r["endpoint"] == "OS"}
    assert got == {(9.4, "gemcitabine plus valtinib"), (7.1, "gemcitabine alone")}


def test_two_in_every_three_assigned_to_one_drug_and_the_other_n_to_another():
    text = ("Two in every three (160) were assigned to the oral inhibitor belzatinib, 40 mg a day; the other 80 received "
            "carboplatin and pemetrexed. Median progression-free survival: 10.2 months on belzatinib; 6.1 months on "
            "carboplatin and pemetrexed.")
    got = {(r["value"], r["arm"]) for r in records_of(text)}
    assert {v for v, arm in got if arm} == {10.2, 6.1}
    assert next(arm for v, arm in got if v == 6.1) == "carboplatin and pemetrexed"


def test_a_choice_arm_of_cytotoxic_options_is_the_texts_chemotherapy():
    text = ("About two thirds (300) were assigned to dorvatamab, given every three weeks; the other 150 were assigned their "
            "doctor's choice of paclitaxel or irinotecan. Vomiting affected 31% of those on dorvatamab and 12% on "
            "chemotherapy.")
    records = [r for r in records_of(text) if r["value"] == 12]
    assert len(records) == 1 and "chemotherapy" in [records[0]["arm"], *records[0]["arm_aliases"]]


def test_table_columns_named_by_short_codes_that_hold_a_figure():
    text = ("Patients were randomly assigned 1:1 to Rd plus selvadomide 0.5 mg (S0.5-Rd) or Rd.\n\n"
            "Endpoint | S0.5-Rd | Rd\n"
            "ORR, % | 78 | 61\n")
    got = {(r["value"], r["arm"]) for r in records_of(text)}
    assert got == {(78, "S0.5-Rd"), (61, "Rd")}


def test_a_death_in_a_clause_of_its_own_is_not_the_earlier_events_rate():
    text = ("Grade 3 or 4 stomatitis occurred in 12% of patients; two patients (1.4%) died of febrile neutropenia.")
    got = {(r["endpoint"], r["value"]) for r in records_of(text)}
    assert got == {("OTHER_AE:stomatitis", 12)}


def test_a_conjunction_before_a_listed_event_is_not_part_of_its_name():
    text = "Diarrhoea was commoner with the combination (31% vs. 12%), whereas febrile neutropenia (4.0% vs. 9.5%) was rarer."
    got = {r["endpoint"] for r in records_of(text)}
    assert got == {"OTHER_AE:diarrhoea", "OTHER_AE:febrile neutropenia"}


def test_role_paraphrases_and_a_later_pair_follow_the_arms_the_clause_named_first():
    text = ("Women were randomly assigned to carboplatin with etoposide (the standard arm) or to carboplatin with "
            "docetaxel (the investigational arm). Grade 4 neutropenia was more frequent with the investigational regimen "
            "(81%) than with the standard regimen (62%), as was alopecia (90% v 55%).")
    got = {(r["value"], r["arm"]) for r in records_of(text)}
    assert got == {(81, "carboplatin with docetaxel"), (62, "carboplatin with etoposide"),
                   (90, "carboplatin with docetaxel"), (55, "carboplatin with etoposide")}


def test_numbered_arms_labelled_before_their_hazard_ratio():
    text = ("Patients were randomised to lorvatamab with paclitaxel (Arm 1), lorvatamab alone (Arm 2) or paclitaxel (Arm 3). "
            "Median PFS was 11.2, 8.4 and 6.0 months, respectively. Arm 1 versus Arm 3: HR 0.61 (95% CI 0.50-0.75). "
            "Arm 2 versus Arm 3: HR 0.88 (95% CI 0.72-1.07).")
    got = {(r["value"], r["arm"]) for r in records_of(text) if r["stat"] == "hr"}
    assert got == {(0.61, "lorvatamab with paclitaxel vs paclitaxel"), (0.88, "lorvatamab alone vs paclitaxel")}


def test_two_named_events_joined_by_or_are_one_event_as_printed():
    got = {r["endpoint"] for r in records_of("Interstitial lung disease or pneumonitis occurred in 9% of patients.")}
    assert got == {"OTHER_AE:interstitial lung disease or pneumonitis"}
    got = {r["endpoint"] for r in records_of("Increased ALT or AST of any grade occurred in 38% of patients.")}
    assert got == {"OTHER_AE:increased alt or ast"}
    got = {(r["endpoint"], r["value"]) for r in records_of("Nausea (31%) or vomiting (12%) was common.")}
    assert got == {("OTHER_AE:nausea", 31), ("OTHER_AE:vomiting", 12)}


def test_received_arms_with_a_short_name_before_their_size():
    text = ("Patients received DELTREVA 0.2 mg/kg every 3 weeks for 2 cycles then 0.1 mg/kg every 3 weeks, in combination "
            "with obinutuzumab (DELTREVA + G; n=190), or bendamustine and obinutuzumab (B-G; n=188). Rash occurred in 19% "
            "of the former and 6% of the latter.")
    got = {(r["value"], r["arm"]) for r in records_of(text)}
    assert got == {(19, "DELTREVA"), (6, "bendamustine and obinutuzumab")}


def test_responders_to_each_arm_are_no_subgroup():
    text = ("Patients were randomized to velbrutinib or chlorambucil. Among patients who achieved a complete response with "
            "velbrutinib, the median duration of complete response was not reached; with chlorambucil it was 14.2 months.")
    got = {(r["value"], r["not_reached"], r["arm"]) for r in records_of(text)}
    assert got == {(None, True, "velbrutinib"), (14.2, False, "chlorambucil")}


def test_one_backbone_with_each_arms_addition():
    text = ("Patients were randomised 1:1:1 to gemcitabine and cisplatin with placebo, with dorlimab 240 mg q2w (D), or "
            "with dorlimab plus faltamig 300 mg q2w (DF). Median OS was 16.0 mo (DF), 14.9 mo (D) and 12.2 mo (placebo).")
    got = {(r["value"], r["arm"]) for r in records_of(text)}
    assert got == {(16.0, "dorlimab plus faltamig"), (14.9, "dorlimab"), (12.2, "placebo")}


def test_the_same_arms_under_each_population_named_above_them():
    text = ("Table 9: Efficacy Results by Subgroup in HALDEN-2\n\n"
            "                             CPS >=10                       CPS 1-9\n"
            "                             Korvamab        Placebo        Korvamab        Placebo\n"
            "                             N=150           N=148          N=210           N=205\n"
            "Objective Response Rate, %   52              31             38              29\n")
    got = {(r["value"], r["arm"]) for r in records_of(text)}
    assert got == {(52, "Korvamab (CPS >=10)"), (31, "Placebo (CPS >=10)"), (38, "Korvamab (CPS 1-9)"), (29, "Placebo (CPS 1-9)")}


def test_an_event_name_wrapped_with_a_hanging_indent():
    text = ("Table 4: Laboratory Abnormalities in KELBURN-1\n\n"
            "Laboratory Abnormality           Zelvora (N=200)   Placebo (N=198)\n"
            "Alanine aminotransferase\n"
            "  increased                      31                12\n")
    got = {(r["endpoint"], r["value"]) for r in records_of(text)}
    assert got == {("OTHER_AE:alanine aminotransferase increased", 31), ("OTHER_AE:alanine aminotransferase increased", 12)}


def test_second_primary_malignancies_and_the_duration_of_those_responses():
    got = {(r["endpoint"], r["value"]) for r in records_of("Second primary malignancies occurred in 4.1% of patients.")}
    assert got == {("OTHER_AE:second primary malignancies", 4.1)}
    got = {(r["endpoint"], r["value"]) for r in records_of("Median duration of those responses: 11.3 months.")}
    assert got == {("DOR", 11.3)}


def test_a_duration_followed_by_on_and_the_arm_is_no_time_point():
    text = ("Patients were randomised to ralvutamab or docetaxel. Median duration of response was 8.3 mo on ralvutamab "
            "and 4.4 mo on docetaxel.")
    got = {(r["endpoint"], r["value"], r["arm"]) for r in records_of(text)}
    assert got == {("DOR", 8.3, "ralvutamab"), ("DOR", 4.4, "docetaxel")}


def test_a_second_labelled_ratio_closing_the_bracket_without_its_ci():
    text = ("Patients were randomised to placebo, D or DF. Median OS was 16.0 mo (DF), 14.9 mo (D) and 12.2 mo (placebo) "
            "(HR DF vs placebo 0.71; D vs placebo 0.83).")
    got = {(r["value"], r["arm"]) for r in records_of(text) if r["stat"] == "hr"}
    assert got == {(0.71, "DF vs placebo"), (0.83, "D vs placebo")}


def test_one_rate_of_patients_in_each_arm_is_every_arms():
    text = ("Patients were randomised to panitumumab plus velarib or panitumumab alone. Acneiform rash (any grade) affected "
            "68% of patients in each arm.")
    got = {(r["value"], r["arm"]) for r in records_of(text)}
    assert got == {(68, "panitumumab plus velarib"), (68, "panitumumab alone")}


def test_an_event_unique_to_one_arm_and_the_cytotoxic_arm_as_control():
    text = ("Patients were randomised 2:1 to zavotuzumab or docetaxel. Keratopathy, unique to the ADC, was seen in 31% "
            "(grade 3 in 3%).")
    got = {(r["value"], r["arm"]) for r in records_of(text)}
    assert got == {(31, "zavotuzumab"), (3, "zavotuzumab")}


def test_two_chemotherapies_leave_the_ratio_in_the_randomisation_order():
    text = ("Patients were randomly assigned to idarubicin or mitoxantrone. The hazard ratio for progression-free survival "
            "was 0.54 (95% CI 0.36-0.82).")
    got = {(r["value"], r["arm"]) for r in records_of(text)}
    assert got == {(0.54, "idarubicin vs mitoxantrone")}
