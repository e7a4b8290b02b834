"""Arms in prose: which treatment groups a document compares, and which group each value is for.

Arms are introduced by randomisation sentences ("randomly assigned (1:1) to X or Y"), by
'X (n = 120)' groups and by table headers. A value belongs to the arm named right after it
("7.4 months with X"), to the arm its sentence opens with ("With X, CRS occurred in 46%"), or,
for a bare pair "43% versus 33%", to the arms in the order the document introduced them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .prefilter import ASCII_LOOKALIKES, could_match, scan

ROUTE_WORDS = re.compile(r"\b(?:oral|orally|intravenous|intravenously|iv|subcutaneous|subcutaneously|sc|po|daily|"
                         r"once|twice|weekly|monthly|qd|bid|tid|q\dw|given|administered|monotherapy|the|either|"
                         r"receive|receiving|to)\b|(?-i:\b(?:a|an)\b)(?!-)", re.I)
ARTICLE_WORDS = re.compile(r"\b(?:the|either|receive|receiving|to)\b|(?-i:\b(?:a|an)\b)(?!-)", re.I)
# the verb of a randomisation sentence, and 'not a trial or study' right after it ('randomized trials of X')
ASSIGNED = r"\b(?:randomi[sz]ed|randomly\s+(?:assigned|allocated)|assigned|allocated)\b"
NOT_A_STUDY = r"(?![^.;]{0,30}?\b(?:trials?|stud(?:y|ies))\b(?!\s+(?:group|arm)))"
# 'at doses of 10 or 80', 'at 300 or 600', '(10, 30, 100, 300 and 600': two or more doses, the last after 'or' / 'and'
DOSE_LIST = r"(?P<doses>\d+(?:\.\d+)?(?:\s?,\s?\d+(?:\.\d+)?)*\s?,?\s?(?:or|and)\s\d+(?:\.\d+)?)"
MASS_DOSE_UNIT = r"(?:mg|µg|μg|mcg|g)(?:/(?:kg|m\^?2))?"
RANDOMIZED = re.compile(
    r"\b(?:randomi[sz]ed|randomly\s+(?:assigned|allocated|divided)|assigned|allocated)\b" + NOT_A_STUDY + r"[^.;]{0,120}?\bto\s+(?:receive\s+)?(?:either\s+)?"
    r"(?P<a>(?:[A-Za-z~]|\d-?[A-Za-z])(?:[^.;()]|\(~+\)){1,80}?)(?P<pa>(?:\s?\([^()]{0,300}\)){1,2})?"
    r"(?:,?\s*(?:given|administered|after|following|at\s+(?:a\s+|the\s+)?(?:target\s+|fixed\s+|flat\s+)?dose\s+of)\s+[^.;()]{0,90}?)?"
    # '... (target dose ...) after optional bridging, or to Y', 'X at a target dose of ... after bridging, or to Y' (not 'at doses of 10 or 80')
    r",?\s+(?:or|versus|vs\.?)\s+(?:to\s+)?(?:receive\s+|(?:stay|remain|continue)\s+(?:on|with)\s+)?"  # 'or to stay on Y'
    r"(?P<b>(?:[A-Za-z~]|\d-?[A-Za-z])[^.;()]{1,80}?(?:(?:choice|triplet|doublet|regimen)~+)?)(?P<pb>(?:\s?\([^()]{0,300}\)){1,2})?"
    r"(?=\s?[.;]|,\s(?:each|every|both|given|administered|respectively|for|in|at|on|with|and\s+the|which|who|that|consisting|comprising)\b"
    r"|\s+(?:every|each|for|until|in|at|on|after|following|before)\b|\s?\(|$)",
    re.I)
# '453 were randomly assigned: 151 to carboplatin-etoposide (CE), 150 to CE plus dovarelimab (CE-D) and 152 to ...'
COLON_COUNTS = re.compile(ASSIGNED + r"\s*:\s*(?P<items>\d+\s+(?:patients\s+)?to\s+(?:[^.;()]|\([^()]*\)){2,300}?)(?=\.\s|;|$)", re.I)
COUNTED_ITEM = re.compile(r"(?:^|,\s*(?:and\s+)?|\s+and\s+)\d+\s+(?:patients\s+)?to\s+(?:receive\s+)?(?P<name>[A-Za-z~][^(),;]*?)"
                          r"(?P<paren>\s?\([^()]*\))?(?=\s*,\s*(?:and\s+)?\d|\s+and\s+\d|\s*$)", re.I)
# 'randomly assigned to three preoperative and three postoperative cycles of docetaxel, oxaliplatin and capecitabine (DOX)
# plus surgery, or to surgery alone': a regimen too long to be a name, called by its abbreviation
ABBREVIATED_REGIMEN = re.compile(
    ASSIGNED + r"[^.;]{0,60}?\bto\s+(?:receive\s+)?(?:either\s+)?[^.;()]{30,160}?\((?P<abbr>[A-Z][A-Za-z0-9+/-]{1,10})\)"
    r"(?P<tail>\s+(?:plus|with|followed\s+by)\s+[a-z][\w-]*),?\s+or\s+(?:to\s+)?(?:receive\s+)?"
    r"(?P<b>[A-Za-z~][^.;(),]{1,60}?)(?P<pb>\s?\([^()]{0,60}\))?(?=\s?[.;]|,\s|\s?\(|$)")
# 'randomly assigned ... to one of three regimens: X plus Y (the triplet; n=133); Y (the doublet; n=131); or Z (n=132)'
RANDOMIZED_SEMICOLONS = re.compile(
    ASSIGNED + r"[^.;:]{0,120}?\bto\s+(?:receive\s+)?"
    r"(?:one\s+of\s+(?:two|three|four|2|3|4)\s+(?:regimens|arms|groups|treatments)\s*:\s*)"
    r"(?P<items>(?:[^.;()]|\([^()]*\)){2,120}(?:;\s*(?:or\s+|and\s+)?(?:[^.;()]|\([^()]*\)){2,120}){1,3})(?=\.|$)", re.I)
# 'randomised 1:1:1 to A until progression followed by B (TT->IO); B until progression followed by A (IO->TT); or ... (TT8->IO)':
# items parted by semicolons, each closed by its short label, which names it
LABELLED_SEMICOLON_ITEM = r"(?:[^.;()]|\([^()]*\)(?!\s*(?:;|\.|$))){{2,200}}?\s?\((?P<{}>[^()\s;,]{{1,14}})\)"
LABELLED_SEMICOLONS = re.compile(
    ASSIGNED + r"[^.;]{0,120}?\bto\s+(?:receive\s+)?(?P<items>" + LABELLED_SEMICOLON_ITEM.format("l1")
    + r"(?:\s*;\s*(?:or\s+|and\s+)?" + LABELLED_SEMICOLON_ITEM.format("l2") + r")"
    + r"(?:\s*;\s*(?:or\s+|and\s+)?" + LABELLED_SEMICOLON_ITEM.format("l3") + r")?"
    + r"(?:\s*;\s*(?:or\s+|and\s+)?" + LABELLED_SEMICOLON_ITEM.format("l4") + r")?)(?=\s*(?:\.|$))", re.I)
def _unmasked_labels(parens: list[str | None], text: str | None) -> list[str | None]:
    """Short bracket labels that masking hid a figure of ('(V300+C)' reads '(~~~~+C)'), as the text spells them, the
    k-th such shape taking the text's k-th bracket of that shape."""
    if not text:
        return parens
    seen: dict[str, int] = {}
    out = []
    for paren in parens:
        label = (paren or "").strip()
        if "~" in label and len(label) <= 16 and re.fullmatch(r"\([\w~+/-]+\)", label):
            shape = "".join(r"[\w.]" if ch == "~" else re.escape(ch) for ch in label)
            found = [x.group(0) for x in re.finditer(shape, text)]
            k = seen.get(label, 0)
            seen[label] = k + 1
            if k < len(found):
                out.append(found[k])
                continue
        out.append(paren)
    return out


SHORT_LABEL = re.compile(r"\(\s*((?=[^()]*[A-Z])[A-Za-z0-9][\w+/-]{0,11})\s*\)")
ROLE_PAREN = re.compile(r"\(\s*((?:high|low|higher|lower|standard|reduced|intermediate|full|half)[\s-]dose|(?:short|long|standard|extended)"
                        r"[\s-](?:course|schedule|duration))\s*\)", re.I)
SEMICOLON_OUTSIDE_PARENS = re.compile(r";\s*(?:or\s+|and\s+)?(?![^()]*\))")
# 'randomised to capecitabine or UFT plus radiotherapy (RT) (A), or capecitabine or UFT plus cetuximab plus RT (B)':
# each arm closed by its letter (or number), which is what tells the arms apart when a description holds 'or'
# '(A)', '(arm 2)', and the roles '(the combination)', '(monotherapy)', '(the control arm)' that the text goes on to use
ARM_ROLE = (r"(?:the\s+)?(?:(?:[a-z-]+\s+)?(?:triplet|doublet|quadruplet)|(?:combination|monotherapy|control|experimental|standard|"
            r"comparator|investigational|reference|chemo)(?:\s+(?:arm|group|regimen))?)")  # '(the platinum doublet)'
ARM_LABEL = r"\((?:(?P<word>arm|group)s?\s+[A-D1-4]|(?-i:[A-D])|" + ARM_ROLE + r")\)(?=\s*(?:[,;.]|$|or\b|and\b|versus\b|vs\b))"
ARM_LABEL_AHEAD = ARM_LABEL.replace("?P<word>", "?:")
LABEL_GATE = re.compile(ARM_LABEL_AHEAD, re.I)  # what every lettered list holds, looked for once before the list is
OTHER_GATE = re.compile(r"\bthe\s+other", re.I)  # ... and every other-half sentence
SERIAL_GATE = re.compile(r",\s+or\s")  # ... and every serial list
LETTERED_ARMS = re.compile(
    ASSIGNED + NOT_A_STUDY + r"[^.;]{0,120}?\bto\s+(?:receive\s+)?(?:either\s+)?"
    r"(?P<items>(?:[A-Za-z~](?:[^.;()]|\([^()]{1,40}\)(?!\s?" + ARM_LABEL_AHEAD + r"))*?(?:\s?\([^()]{1,40}\))?"
    r"\s?" + ARM_LABEL_AHEAD + r"(?:,?\s*(?:or|and|versus|vs\.?)?\s*(?:to\s+)?(?:receive\s+)?)?){2,4})", re.I)
LETTERED_ITEM = re.compile(r"(?P<name>[A-Za-z~](?:[^.;()]|\([^()]{1,40}\)(?!\s?" + ARM_LABEL_AHEAD + r"))*?)"
                           r"(?P<paren>\s?\([^()]{1,40}\))?\s?" + ARM_LABEL.replace(r"[A-D1-4]|(?-i:[A-D])|" + ARM_ROLE, r"(?P<label>[A-D1-4])|(?-i:(?P<letter>[A-D]))|(?P<role>" + ARM_ROLE + ")"),
                           re.I)
# 'Half were randomly assigned to four cycles of A, B, C and D, a combination the investigators call ZR-AD; the other
# half received four to six cycles of escalated BEACOPP (eBEACOPP)': a news write-up's two arms
OTHER_HALF = re.compile(
    ASSIGNED + r"[^.;]{0,60}?\bto\s+(?:receive\s+)?(?P<a>[A-Za-z~][^.;()]{2,160}?)"
    r"(?:,\s+(?:a|the)\s+(?:combination|regimen|triplet|doublet|quadruplet)\s+(?:(?:that\s+)?(?:the\s+)?(?:investigators|researchers|authors|"
    r"they|doctors)\s+)?(?:call|calls|called|dubbed|named|known\s+as)\s+(?P<nick>[A-Z][\w+/-]{1,15}))?\s*[;,]\s*(?:and\s+|while\s+|whereas\s+)?"
    r"the\s+other(?:s|\s+(?:half|group|arm|patients))\s+(?:received|were\s+given|got)\s+(?P<b>[A-Za-z~][^.;()]{1,100}?)"
    r"(?P<pb>\s?\([^()]{1,40}\))?(?=\s*[.;,]|$)", re.I)
# 'Half were assigned the drug, cadvotamab zelutecan (CZ), at 5.6 mg/kg every three weeks; the rest got their doctor's pick of
# single-agent chemotherapy': a news write-up's two arms, the second as 'the rest'
# 'The 520 women were split evenly between trelvatuzumab deruxitan (T-DXn), given every three weeks, and their physician's choice'
SPLIT_BETWEEN = re.compile(
    r"\b(?:split|divided|randomi[sz]ed|allocated)\s+(?:evenly\s+|equally\s+|(?:\d|~)+:(?:\d|~)+\s+)?between\s+(?P<a>[A-Za-z~][^.;():]{1,60}?)(?P<pa>\s?\([^()]{1,40}\))?"
    r"(?:,\s+(?:given|administered|dosed)\b[^.;()]{0,60}?,)?\s+and\s+(?P<b>[A-Za-z~][^.;():]{1,80}?)(?P<pb>\s?\([^()]{1,40}\))?~*(?=\s?[.;,:]|$)", re.I)  # '~': a hidden choice list
BETWEEN_GATE = re.compile(r"\bbetween\b", re.I)
REST_GATE = re.compile(r"\bthe\s+(?:rest|remainder|remaining)\b|\bothers\s+(?:got|received|were)|\bthe\s+other\s+\d+\s", re.I)
HALF_AND_REST = re.compile(
    r"\b(?:half|one\s+group|some|two(?:\s+(?:in|out\s+of)\s+(?:every\s+)?|-)three|two[\s-]thirds)(?:\s+of\s+(?:them|the\s+\w+))?(?:\s*\(\d+\))?"
    r"\s+(?:were|was)\s+(?:randomly\s+)?(?:assigned|allocated|given|randomi[sz]ed)\s+(?:to\s+)?"
    r"(?:receive\s+)?(?:the\s+(?:drug|new\s+drug|study\s+drug|ADC|antibody|conjugate|treatment|combination),?\s+)?"
    r"(?P<a>[A-Za-z~][^.;():]{1,80}?)(?P<pa>\s?\([^()]{1,40}\))?(?:,?\s+(?:at|given|administered|every|once|twice)\b[^.;()]{0,80}?)?"
    r"\s*[;,]\s*(?:and\s+|while\s+|whereas\s+)?(?:the\s+(?:rest|remainder|others?|other\s+half|other\s+\d+(?:\s+(?:patients|women|men))?|"
    r"remaining\s+(?:half|\d+|patients|women|men))|others)\s+"
    r"(?:got|received|were\s+given|were\s+assigned(?:\s+to)?)\s+(?P<b>[A-Za-z~][^.;():]{1,100}?)(?P<pb>\s?\([^()]{1,40}\))?(?=\s*[.;,:]|$)", re.I)
# 'randomised 1:1:1 to CAPOX or FOLFOX with placebo, with vantorelimab 360 mg q3w (V), or with vantorelimab plus rilvotamig
# 600 mg q3w (VR)': one backbone, the arms told apart by what each adds
WITH_ITEM = r"(?P<i{0}>[A-Za-z~][^.;(),]{{1,80}}?)(?P<p{0}>\s?\([^()]{{1,30}}\))?"
WITH_LIST = re.compile(ASSIGNED + r"[^.;]{0,60}?\bto\s+(?:receive\s+)?(?P<base>[A-Za-z~][^.;(),]{1,60}?)\s+with\s+" + WITH_ITEM.format(1)
                       + r",\s+with\s+" + WITH_ITEM.format(2) + r"(?:,\s+with\s+" + WITH_ITEM.format(3) + r")?"
                       + r",?\s+(?:or|and)\s+with\s+" + WITH_ITEM.format(4) + r"(?=\s?[.;]|,\s|$)", re.I)
WITH_GATE = re.compile(r",\s+(?:or|and)\s+with\s", re.I)
# 'Interventions: Atezolizumab 1200 mg every 3 weeks plus velarparib 200 mg twice daily, or atezolizumab plus matching
# placebo.': a structured abstract's heading line naming the two arms
INTERVENTIONS = re.compile(r"^[ \t]*Interventions?\s*:\s*(?P<a>[A-Za-z~][^.;()\n]{1,160}?)(?P<pa>\s?\([^()\n]{1,60}\))?,?\s+"
                           r"(?:or|versus|vs\.?|compared\s+with)\s+(?P<b>[A-Za-z~][^.;()\n]{1,120}?)(?P<pb>\s?\([^()\n]{1,60}\))?"
                           r"\s*\.?[ \t]*$", re.I | re.M)
# 'Patients received QUELTREZA 360 mg every 3 weeks with chemotherapy (n=402) or placebo with chemotherapy (n=398)';
# '... with rituximab (KORVEXA + R; n=208) or ... (R-GemOx; n=204)': a short name may open the bracket
SHORT_NAME_AND = r"(?:\s?[A-Za-z][\w+/-]{0,15}(?:\s\+\s[A-Za-z][\w-]{0,10})?\s?[;,]\s?)?"
RECEIVED = re.compile(
    r"\b(?:received|were\s+given|were\s+treated\s+with)\s+(?P<a>(?:[A-Za-z~]|\d-?[A-Za-z])[^.;()]{1,160}?)(?P<pa>\s?\(" + SHORT_NAME_AND + r"\s?[nN]\s?=\s?\d+\s?\))"
    r",?\s+(?:or|versus|vs\.?)\s+(?P<b>(?:[A-Za-z~]|\d-?[A-Za-z])[^.;()]{1,100}?)(?P<pb>\s?\(" + SHORT_NAME_AND + r"\s?[nN]\s?=\s?\d+\s?\))")
RANDOMIZED_LIST = re.compile(
    ASSIGNED + NOT_A_STUDY + r"[^.;]{0,120}?\bto\s+(?:receive\s+)?(?:either\s+|one\s+of\s+)?"
    r"(?P<items>(?:[A-Za-z~]|\d+-[A-Za-z])[^.;(),]{0,60}?(?:\s?\([^()]{0,120}\)(?:\s[^.;(),]{1,40}?)?)?(?:,\s?(?:[A-Za-z~]|\d+-[A-Za-z])[^.;(),]{0,60}?(?:\s?\([^()]{0,120}\))?){1,3},?\s+or\s+"
    r"(?:[A-Za-z~]|\d+-[A-Za-z])[^.;(),]{0,60}?)(?:\s+(?:until|every|for)\s[^.;(),]{1,40}?(?=\s?\())?(?P<last>\s?\([^()]{0,120}\))?"
    r"(?=\s?[.;]|,\s|\s+(?:every|each|for|until|in|at|on|after|following|before)\b|\s?\(|$)", re.I)
# 'randomized (1:1:1) to X 120 mg once daily in combination with P and C (n=297), X 120 mg once daily as a single agent
# (n=299), or gefitinib 250 mg or erlotinib 150 mg once daily (n=296)': three or more items parted by commas, the
# last after ', or'; only the last may hold 'or' ('gefitinib or erlotinib')
DOSING_BRACKET = r"\((?=[^()]*(?:~|\b(?:every|daily|weekly|mg|days?|weeks?)\b))[^()]{1,60}\)"  # '(1 mg/kg every 6 weeks)'
SERIAL_ITEM = r"[A-Za-z~](?:(?!\bor\b)[^.;(),]|" + DOSING_BRACKET + r"){2,100}?(?:\s?\(\s?[nN]\s?=\s?\d+\s?\))?"
SERIAL_LIST = re.compile(
    ASSIGNED + NOT_A_STUDY + r"[^.;]{0,120}?\bto\s+(?:receive\s+)?(?:either\s+)?"
    r"(?P<items>(?:" + SERIAL_ITEM + r",\s+){2,3}or\s+[A-Za-z~][^.;(),]{2,80}?)(?P<last>\s?\(\s?[nN]\s?=\s?\d+\s?\))?"
    r"(?=\s?[.;]|\s?\(|,\s|$)", re.I)
# 'a randomised comparison of irinotecan plus 5-FU/LV (ILF) with etoposide plus 5-FU/LV (ELF)'
COMPARED_ABBREVIATIONS = re.compile(
    r"\b(?:compar\w*|randomi[sz]\w*)\b[^.;]{0,200}?\(([A-Z][\w+/-]{1,12})\)\s*,?\s+(?:with|versus|vs\.?|or|and|to)\s+"
    r"[^.;()]{1,120}?\(([A-Z][\w+/-]{1,12})\)")
# 'The phase 3 trial compared arlo-cel with standard regimens (DPd or PVd) in 402 patients';
# 'evaluated tarlatamab versus standard chemotherapy'; 'randomized 280 patients 1:1 between X and Y'
COMPARED = re.compile(
    r"\b(?:(?P<verb>compared|comparing|evaluated|evaluating|tested|testing|investigated|investigating)\s+"
    r"(?:(?:the\s+)?(?:efficacy|safety|activity|effects?|benefit)(?:\s+and\s+(?:safety|efficacy|tolerability))?\s+of\s+)?"
    r"(?!(?:with|to|versus|vs|against|the\s+(?:two|three|arms|groups))\b)"
    r"(?P<a>[A-Za-z~][^.;(),]{1,80}?)(?P<pa>\s?\([^()]{0,120}\))?\s+(?P<link>with|to|versus|vs\.?|against)\s+"
    r"|\b(?:randomi[sz]ed|divided)\b[^.;]{0,60}?\b(?:between|into)\s+(?:two\s+(?:groups|arms)\s*[:,]?\s*)?(?:the\s+)?"
    r"(?P<a2>[A-Za-z~][^.;(),]{1,80}?)(?P<pa2>\s?\([^()]{0,120}\))?(?:,\s*(?:n\s?=\s?)?\d+(?:\s+\w+)?)?,?\s+and\s+)"
    r"(?:the\s+)?(?P<b>[A-Za-z~][^.;(),]{1,80}?)(?P<pb>\s?\([^()]{0,120}\))?"
    r"(?=\s?[.;]|,\s|\s+(?:in|among|for|as|at|after|every|each|until)\b|\s?\(|$)", re.I)
# 'The VARENZO regimen (VARENZO 6 mg/kg plus pembrolizumab 200 mg, every three weeks) was compared with pembrolizumab
# monotherapy at the same dose and schedule': the comparison in the passive
PASSIVE_COMPARED = re.compile(
    r"(?:^|[.;:]\s+|\n)(?:the\s+)?(?!(?:when|while|if|as|this|that|it|which|there|these|those|each|both|survival|response)\b)"
    r"(?P<a>[A-Za-z~][\w+/~-]*(?:\s[\w+/~-]+){0,3}?)(?P<pa>\s?\([^()]{1,120}\))?\s+(?:was|were)\s+"
    r"(?:compared|tested|evaluated)\s+(?:with|to|against|versus)\s+(?:the\s+)?(?P<b>[A-Za-z~][^.;(),]{1,60}?)(?P<pb>\s?\([^()]{1,40}\))?"
    r"(?=\s?[.;]|,\s|\s+(?:in|among|for|as|at|after|every|each|until|given)\b|\s?\(|$)", re.I)
# 'the Phase 3 LUMEN-3 study of TARVELI (elrantamab), a bispecific antibody, compared with pomalidomide,
# bortezomib and dexamethasone (PVd)': a press release's trial named with its two arms
STUDY_COMPARISON = re.compile(
    r"\b(?:study|trial)\s+(?:of|evaluating|comparing|investigating|testing)\s+(?:the\s+)?(?P<a>[A-Za-z~][^.;(),]{1,60}?)"
    r"(?P<pa>\s?\([^()]{0,60}\))?(?:,\s(?:an?|the)\s[^.;(),]{1,60},)?\s+(?:compared\s+(?:with|to)|versus|vs\.?|against)\s+(?:the\s+)?"
    r"(?:(?P<b>[A-Za-z~][^.;()]{1,80}?)(?P<pb>\s?\([A-Z][\w+/-]{1,12}\))|(?P<b2>[A-Za-z~][^.;(),]{1,60}?)"
    r"(?=\s?[.;]|,\s|\s+(?:in|among|for|as|at|met|was|has|showed|demonstrated|achieved)\b|$))", re.I)


# 'the experimental group (n=30) received thymalfasin plus docetaxel, and the control group (n=30) received
# docetaxel alone'; 'group A received gemcitabine and cisplatin (GP)'
SUBJECT_VERSUS = re.compile(
    r"(?:^|[.;:]\s+|\n)(?:(?:fixed-duration|oral|intravenous|subcutaneous|the)\s+)?(?P<a>[A-Z][\w+/-]*(?:\s(?:in\s+combination\s+with|plus|\+|and|with)\s[\w+/-]+)?)(?P<pa>\s?\([^()]{1,40}\))?"
    r"\s+(?:significantly\s+)?(?:reduced|improved|prolonged|extended|lowered|delayed|doubled)\b[^.;]{0,80}?\b(?:versus|vs\.?|compared\s+with|over)\s+"
    r"(?P<b>[A-Za-z][^.;(),]{1,60}?)(?P<pb>\s?\([^()]{1,40}\))?(?=\s*[.;,(]|\s+(?:in|among|with|at)\b)")
COHORT_SIZES = re.compile(r"\(\s*(?P<a>[A-Za-z][\w+/-]{1,20})\s*[,:]\s*n\s?=\s?\d+\s*;\s*(?P<b>[A-Za-z][\w+/-]{1,20})\s*[,:]\s*n\s?=\s?\d+"
                          r"\s*(?:;\s*(?P<c>[A-Za-z][\w+/-]{1,20})\s*[,:]\s*n\s?=\s?\d+\s*)?\)")
GROUP_RECEIVED = re.compile(
    r"\b(?:the\s+)?(?P<name>(?:[A-Za-z][\w+/-]*\s+(?:group|arm)|(?:group|arm)\s+(?:[A-D]|[1-4]|I{1,3}|IV)))\s*(?:\(\s?[nN]\s?=\s?\d+\s?\))?"
    r"\s*,?\s+(?:received|was\s+given|were\s+given|was\s+treated\s+with|were\s+treated\s+with|underwent)\s+(?:the\s+)?"
    r"(?P<what>[A-Za-z~](?:(?!\b(?:group|arm|and\s+(?:the\s+)?(?:group|arm|[a-z]+\s+(?:group|arm)))\b)[^.;,()]){1,60}?)(?P<paren>\s?\([^()]{0,60}\))?"
    r"(?=\s*(?:[,;.(]|\band\s+(?:the\s+)?(?:\w+\s+)?(?:group|arm)\b|\bwhile\b|\bwhereas\b|$))", re.I)


def _add_groups_that_received(arms: list["Arm"], masked: str) -> None:
    """Two or more groups each said to have received a treatment are the arms, the treatment another name."""
    found = [m for m in scan(GROUP_RECEIVED, masked)]
    names = {m.group("name").lower() for m in found}
    if len(names) < 2:
        return
    for m in found:
        name = _clean(m.group("name"))
        if _add_arm(arms, name, m.group("paren"), randomised=True, numbered_ok=True):
            arm = next((a for a in arms if a.name.lower() == name.lower()), None)
            what = _clean(m.group("what"))
            if arm is not None and what and what.lower() != name.lower() and len(what.split()) <= 6:
                arm.aliases.add(what)


def _add_study_comparison(arms: list["Arm"], masked: str) -> None:
    for m in scan(STUDY_COMPARISON, masked):
        b, pb = (m.group("b"), m.group("pb")) if m.group("b") else (m.group("b2"), None)
        names = [_clean(m.group("a")), _clean(b)]
        if names[0].lower() != names[1].lower() and all(_treatment_like(n) for n in names):
            for name, paren in zip(names, (m.group("pa"), pb)):
                _add_arm(arms, name, paren, randomised=True)
            return


# 'Overall, 451 patients were enrolled: 301 received belantamab and 150 received pomalidomide-dexamethasone.'
# 'Of 504 patients, 336 were randomly assigned to X and 168 to Y'; 'the 92 patients assigned to X and the 91 assigned to Y'
COUNTED_TO = r"(?:were\s+)?(?:randomly\s+)?(?:assigned|allocated|randomi[sz]ed)\s+to"
RECEIVED_COUNTS = re.compile(
    r"\b\d+\s+(?:patients\s+)?(?:received|" + COUNTED_TO + r")\s+(?P<a>[A-Za-z~][^.;(),]{1,60}?)"
    r"(?P<pa>\s?\([^()]{0,120}\))?,?\s+and\s+(?:the\s+)?\d+\s+(?:patients\s+)?(?:received|" + COUNTED_TO + r"|to)\s+"
    r"(?P<b>[A-Za-z~][^.;(),]{1,60}?)(?P<pb>\s?\([^()]{0,120}\))?(?=\s?[.;]|,\s|\s+(?:in|for|as|at|every|each|until|form|formed|were|was|made|constituted|comprised)\b|\s?\(|$)",
    re.I)
# 'randomly allocated to receive six cycles of A alternating with B (the alternating schedule) or three cycles of each
# given in sequence (the sequential schedule)'; 'randomised to stop treatment (intermittent therapy, n = 503) or to
# continue it (continuous therapy, n = 501)': the bracket's nickname is the arm's name
NICKNAME = r"\(\s*(?:the\s+)?(?P<{0}>[a-z][a-z-]+(?:\s[a-z][a-z-]+){{0,2}}?\s+(?:schedule|regimen|therapy|treatment|arm|group|strategy|approach))\s*(?:[,;]\s*n\s?=\s?\d+)?\s*\)"
BRACKET_NICKNAMES = re.compile(
    ASSIGNED + r"[^.;]{0,80}?\bto\s+(?:receive\s+)?(?:either\s+)?(?P<d1>[^.;()]{3,200}?)\s*" + NICKNAME.format("n1") +
    r"\s*,?\s*(?:or|versus|vs\.?)\s+(?:to\s+)?(?:receive\s+)?(?P<d2>[^.;()]{3,200}?)\s*" + NICKNAME.format("n2"))
VERB_FIRST = re.compile(r"(?:stop|continue|discontinue|undergo|receive|omit|start|resume|have|be)\b", re.I)


def _description_not_a_name(description: str) -> bool:
    """'six cycles of A, B and C alternating with D and E', 'stop treatment until progression': no arm name."""
    words = description.split()
    return len(words) > 6 or "," in description or bool(VERB_FIRST.match(description))
# '361 received the triplet of lunvetoclax, acalvanib and obinutuzumab, and 359 received lunvetoclax plus obinutuzumab'
NICKNAMED_COUNTS = re.compile(
    r"\b\d+\s+(?:patients\s+)?(?:received|" + COUNTED_TO + r")\s+the\s+(?P<nick>triplet|doublet|quadruplet|combination)\s+of\s+"
    r"(?P<what>[^.;()]{3,160}?),?\s+(?:and|while|whereas)\s+\d+\s+(?:patients\s+)?(?:received|" + COUNTED_TO + r")\s+(?:the\s+)?"
    r"(?P<b>[A-Za-z~][^.;(),]{1,60}?)(?=\s?[.;]|,\s|\s+(?:for|every|until|in|at)\b|$)", re.I)
NICKNAME_PARTNER = {"triplet": "doublet", "doublet": "monotherapy", "quadruplet": "triplet", "combination": "monotherapy"}
# 'randomly assigned to short-course radiotherapy (40 Gy) alone or with concomitant dravozolamide': A alone, A with B
ALONE_OR_WITH = re.compile(
    ASSIGNED + r"[^.;]{0,60}?\bto\s+(?:receive\s+)?(?:either\s+)?"
    r"(?P<a>[A-Za-z~][^.;()]{1,60}?)(?P<pa>\s?\([^()]{0,80}\))?\s+alone,?\s+or\s+(?:with|plus|in\s+combination\s+with|combined\s+with)\s+"
    r"(?P<b>[A-Za-z~][^.;(),]{1,60}?)(?=\s?[.;]|,\s|\s?\(|\s+(?:every|each|for|until|in|at|on|after|followed)\b|$)", re.I)
# 'to six cycles of the regimen given every 14 days with pegfilgrastim support (R-CHOP-14) or every 21 days (R-CHOP-21)':
# one regimen at two intervals, each an arm
SCHEDULE_GATE = re.compile(r"\bor\s+(?:to\s+)?(?:the\s+same\s+\w+\s+)?(?:every\s|~{5})", re.I)
INTERVAL = r"(?:every\s+(?:\d+|two|three|four)\s+(?:days|weeks)\b|~{5,})"  # the masked text hides 'every 14 days'
SCHEDULE_PAIR = re.compile(
    ASSIGNED + r"[^.;]{0,160}?(?<![\w~])(?P<s1>" + INTERVAL + r")[^.;()]{0,60}?(?P<p1>\s?\([^()]{1,30}\))?,?"
    r"\s+or\s+(?:to\s+)?(?:the\s+same\s+\w+\s+)?(?P<s2>" + INTERVAL + r")(?P<p2>\s?\([^()]{1,30}\))?", re.I)
INTERVAL_WORDS = {"two": 2, "three": 3, "four": 4}
# 'to 78 Gy in 39 fractions over 8 weeks or to 60 Gy in 20 fractions over 4 weeks': two radiotherapy schedules
FRACTIONATION_PAIR = re.compile(ASSIGNED + r"[^.;]{0,120}?\bto\s+(?:receive\s+)?(?P<a>~(?:[^.;()]|(?<=\d)\.(?=\d)){3,80}?),?\s+or\s+(?:to\s+)?"
                                r"(?P<b>~(?:[^.;()]|(?<=\d)\.(?=\d)){3,80}?)(?=\s?[.;,]|$)", re.I)
FRACTIONATION = re.compile(r"(?P<dose>\d+(?:\.\d+)?\s?Gy)\s+in\s+(?P<n>\d+)\s+(?:daily\s+)?fractions?(?:\s+(?:over|in)\s+(?P<w>\d+(?:\.\d+)?)\s+weeks?)?", re.I)


def _fractionation_arms(a: str, b: str) -> list[Arm]:
    """Each schedule by its dose and number of fractions, going by 'the 39-fraction group', 'those treated over 8 weeks';
    the one with fewer fractions is the 'shorter schedule'."""
    read = [FRACTIONATION.search(a), FRACTIONATION.search(b)]
    if not all(read) or read[0].group("n") == read[1].group("n"):
        return []
    found = []
    for m in read:
        n = m.group("n")
        aliases = {f"{n}-fraction", f"{n} fractions", f"{n}-fraction group", " ".join(m.group("dose").split())}
        if m.group("w"):
            aliases |= {f"treated over {m.group('w')} weeks", f"over {m.group('w')} weeks", f"{m.group('w')}-week"}
        found.append(Arm(f"{' '.join(m.group('dose').split())} in {n} fractions", aliases, randomised=True))
    short, long = (found[0], found[1]) if int(read[0].group("n")) < int(read[1].group("n")) else (found[1], found[0])
    short.aliases |= {"shorter schedule", "hypofractionated", "hypofractionation"}
    long.aliases |= {"longer schedule", "conventional fractionation", "conventionally fractionated"}
    return found
INTERVAL_READ = re.compile(r"every\s+(\d+|two|three|four)\s+(days|weeks)\b", re.I)


def _schedule_arms(m: re.Match[str], text: str) -> list[Arm]:
    """The two intervals as arms, each going by its label and the ways a report names an interval ('the 14-day arm',
    'the 2-weekly arm'); the shorter is the 'dose-dense' or 'accelerated' one."""
    found = []
    days = []
    for span, paren in (("s1", "p1"), ("s2", "p2")):
        read = INTERVAL_READ.fullmatch(text[m.start(span):m.end(span)].strip())
        if read is None:
            return []
        amount = INTERVAL_WORDS.get(read.group(1).lower()) or int(read.group(1))
        in_days = amount * 7 if read.group(2).lower().startswith("week") else amount
        days.append(in_days)
        names = {f"{in_days}-day", f"every {in_days} days", f"{in_days} days"}
        if in_days % 7 == 0:
            k = in_days // 7
            names |= {f"{k}-weekly", f"{k}-week", f"every {k} weeks"} | ({"weekly"} if k == 1 else set())
        label = (m.group(paren) or "").strip(" ()")
        found.append(Arm(label if label and not re.search(r"\s", label) else f"every {in_days} days", names, randomised=True))
    if days[0] != days[1]:
        short, long = (found[0], found[1]) if days[0] < days[1] else (found[1], found[0])
        short.aliases |= {"dose-dense", "accelerated", "shorter interval"}
        long.aliases |= {"standard interval", "standard schedule"}
    for arm in found:
        arm.aliases.discard(arm.name)
    return found


# 'to docetaxel 100 mg/m2 every 3 weeks, given either with dexalizumab (4 mg/kg ...; experimental group) or alone (control group)'
WITH_OR_ALONE = re.compile(
    ASSIGNED + r"[^.;]{0,60}?\bto\s+(?:receive\s+)?(?:either\s+)?"
    r"(?P<a>[A-Za-z~][^.;()]{1,100}?),?\s+(?:given\s+|administered\s+)?(?:either\s+)?(?:with|plus|in\s+combination\s+with|combined\s+with)\s+"
    r"(?P<b>[A-Za-z~][^.;(),]{1,60}?)(?P<pb>\s?\([^()]{0,160}\))?,?\s+or\s+alone(?P<pa>\s?\([^()]{0,80}\))?(?=\s?[.;,]|\s|$)", re.I)
TIMING_WORDS = re.compile(r"^(?:(?:concomitant|concurrent|adjuvant|neoadjuvant|maintenance|sequential|and|oral|intravenous)\s+)+", re.I)
# 'Pts received 2 doses of X plus Y (the combination) or X alone' in a randomised report: the arms, without 'randomised to'
RECEIVED_EITHER = re.compile(
    r"\b(?:patients|pts|participants|women|men|children|adults|subjects)\b(?:[^.;()]|\([^()]*\)){0,100}?\s(?:received|were\s+given|were\s+treated\s+with)\s+(?P<either>either\s+)?"
    r"(?:(?:(?:\d+|~+|two|three|four|six|eight)\s+(?:[a-z]+\s+)?(?:doses|cycles)|~+)\s+of\s+)?"
    r"(?:the\s+(?P<kind>(?:[\w-]+\s+)?(?:antibody|inhibitor|agent|conjugate|ADC|bispecific))\s+)?"
    r"(?P<a>[A-Za-z~][^.;(),]{1,60}?)(?P<pa>\s?\([^()]{0,60}\))?,?\s+or\s+(?P<b>[A-Za-z~][^.;(),:]{1,60}?)(?P<pb>\s?\([^()]{0,60}\))?"
    r"(?=\s?[.;:]|,\s|\s+(?:in|for|as|at|every|each|until|before|after|were|was|who|and)\b|$)", re.I)
LIST_ITEM = re.compile(r"(?P<name>(?:[A-Za-z~]|\d+-[A-Za-z])[^(),]*?)\s?(?P<paren>\([^()]*\))?(?P<tail>\s(?!or\s|and\s)[^(),]*?)?"
                       r"\s*(?:,\s?(?:or\s+|and\s+)?|\s+(?:or|and)\s+|$)")
ARM_WORD = re.compile(r"\b(?:in|for|of|from|with|the|and|to)\s+(?:the\s+)?([A-Za-z][\w+/-]*(?:\s(?:plus|\+)\s[\w+/-]+|\s(?!arm\b|group\b)[a-z][\w+/-]*)?(?:\s+alone)?)\s+(?:arm|group|regimen)\b", re.I)
ARM_LETTER = re.compile(r"\b(arm|group|cohort|part)\s+([A-D]|[1-4]|(?<=cohort\s)(?-i:[E-Z]))\b", re.I)  # 'cohort M' (MCL), 'cohort F'
ARMS_LIST = re.compile(r"\b(arms?|groups?|cohorts?)\s+([A-D1-4])\s*(?:,\s*([A-D1-4])\s*)?(?:,?\s*(?:and|&)\s*)([A-D1-4])\b", re.I)
ARM_N = re.compile(r"([A-Za-z][\w+/-]*(?:\s(?:plus|\+|and|with)\s[\w+/-]+)?)\s?\(\s?[nN]\s?=\s?\d+\s?\)")
# 'mitozantrone, 14 mg m-2 (n = 30) ... or megesterol acetate, 160 mg bd (n = 30)': the drug before its (masked) dose
ARM_DOSE_N = re.compile(r"(?<![\w+/-])(?!(?:of|to|and|or|with|the|in|at|by)\b)([A-Za-z][\w+/-]*(?:\s[a-z][\w+/-]*)?),\s+~+"
                        r"(?:\s?(?:m-2|m2|/m2|bd|bid|tid|qd|od|daily|weekly|orally|iv|po|sc))?\s?\(\s?[nN]\s?=\s?\d+\s?\)", re.I)
# ARM_N's own '(n =' part: a text without it has no 'X (n = 120)' group (ARM_N tries every word otherwise)
ARM_N_GATE = re.compile(r"\(\s?[nN]\s?=")
ABBREVIATION = re.compile(r"^\(\s?([A-Za-z][\w+/-]{0,9})\s?(?:[;,:)]|$)")  # '(ICC: eribulin, capecitabine or ...)' too
STANDALONE_NUMBER = re.compile(r"(?<![\w+-])\d+(?:[.,:]\d+)?(?![\w+-])")  # '200 mg' is a dose; '5-FU', 'S-1', '7+3' are names
NOT_ARM_START = frozenset("patients patient all both each the this these median overall treatment therapy study two three above "
                          "either same other combination monotherapy experimental treated randomized any one "
                          "single a an in of with alone".split())
# a 'name' holding these is a clause the randomisation pattern caught, not a treatment
NOT_TREATMENT_WORDS = frozenset("which whether determine evaluate compare assess investigate incorporate before after "
                                "schemes different study trial patients who were was".split())
# words that stand before '(n = 120)' without naming an arm
NOT_ARM_WORDS = frozenset("weeks week months month days day years year daily mutations mutation tumors tumours tumor "
                          "tumour disease cancer cancers population analysis subgroup cohort total overall group arm "
                          "expression positive negative portion part phase stage segment expansion escalation "
                          "cycle cycles course courses dose doses infusion infusions at "
                          # '160 mg bd (n = 30)', '14 mg m-2 (n = 30)': a dose's unit or schedule, not an arm
                          "bd bid tid qd od m-2 m2 kg mg iv po sc weekly orally intravenously "
                          # 'Efficacy was pooled (n=119)', 'in CAR T-naive pts (n=70)': a population, not an arm
                          "pooled pts "
                          # 'patients after two or more lines (n=131)': the treatment history, not an arm
                          "line lines transplant transplantation "
                          # 'Toxicity was almost absent in arm A and moderate in arm B': how much, not which arm
                          "moderate mild severe absent minimal low high higher lower similar comparable "
                          # 'Between March 2021 and June 2023': dates, not arms
                          "january february march april may june july august september october november december "
                          # 'PTCL not otherwise specified (n=53)': the end of a disease's name, not an arm
                          "specified unspecified otherwise subtype type status histology".split())
COMBINATION_WORDS = re.compile(r"\b(?:the\s+)?combination(?:\s+(?:arm|group|therapy|regimen|cohort))?\b", re.I)
SINGLE_WORDS = re.compile(r"\b(?:the\s+)?(?:monotherapy|single[\s-]agent)(?:\s+(?:arm|group|cohort))?\b", re.I)
ALL_ARMS = re.compile(r"^[\s,]*(?:of\s+(?:the\s+)?(?:patients|pts|participants|women|men)\s+)?(?:in|for|across)\s+(?:(?:either|both|all|each|any)\s+(?:(?:two|three|four|2|3|4)\s+)?(?:arms?|groups?|cohorts?|regimens?|treatment\s+groups?)\b"
                      r"|both\b(?!\s+(?:patients|of|the|sexes|men|women)))", re.I)
CONNECTOR = re.compile(r"(?:with|on|in|for|among|receiving|treated\s+with|of|by|from|versus|vs\.?|and|at)\s*(?:the\b\s*)?(?:patients\s+|those\s+)?", re.I)


@dataclass
class Arm:
    name: str
    aliases: set[str] = field(default_factory=set)
    randomised: bool = False

    def goes_by(self, name: str) -> bool:
        """The arm's name or one of its other names, case aside."""
        return name.lower() in {self.name.lower(), *(x.lower() for x in self.aliases)}

    @property
    def combination(self) -> bool:
        return bool(re.search(r"\bplus\b|\+|\bwith\b|\band\b|/", core_name(self.name), re.I))


PLACEBO_PART = re.compile(r"\s*(?:\bplus\b|\+|\bwith\b|\band\b)\s*(?:matched\s+|matching\s+)?placebo\b|\s+alone$", re.I)


def core_name(name: str) -> str:
    """'pembrolizumab plus placebo' and 'pembrolizumab alone' are the pembrolizumab arm."""
    return PLACEBO_PART.sub("", name).strip() or name


def _clean(name: str, keep_schedule: bool = False) -> str:
    letter = ARM_LETTER.fullmatch(name.strip())
    if letter:  # 'arm A': the article-stripping below would eat the letter
        return f"{letter.group(1).lower()} {letter.group(2).upper()}"
    name = re.sub(r"(?<=\splus\s)(?:\d+|~+|two|three|four|five|six|eight)\s+(?:cycles?|courses?)\s+of\s+", "", name, flags=re.I)  # 'ADT plus six cycles of docetaxel'
    name = re.sub(r"^.{0,40}?\b(?:cycles?|courses?|doses?|weeks?|months?|infusions?|injections?)\s+of\s+", "", name, flags=re.I)
    name = re.sub(r"^.{0,40}?\b(?:pick|choice|selection)\s+of\s+(?=[a-z])", "", name.strip(), flags=re.I) \
        if not CHOICE_OF.match(name) else name  # "the physician's pick of standard triplet"
    name = re.sub(r"^(?:an?\s+)?(?:change|switch)\s+(?:of|to)\s+|^(?:stay|remain|continue)(?:\s+(?:on|with))?\s+", "", name.strip(),
                  flags=re.I)  # 'a change of ARPI', 'to stay on the aromatase inhibitor'
    name = re.sub(r"^of\s+(?=[A-Za-z])", "", name.strip(), flags=re.I)  # 'six courses of X ... or of Y': the 'of' is the courses'
    name = re.sub(r"\b(?:\d+|~+|two|three|four|five|six|eight)\s+(?:cycles?|courses?)\s+of\s+", "", name, flags=re.I)  # 'X plus four cycles of Y'
    name = name.split(":")[0]  # 'chemotherapy: capecitabine, eribulin or ...': the arm, not its options
    name = re.sub(r"\s+for\s+(?:up\s+to\s+)?(?:\d+|~+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+"
                  r"(?:cycles?|courses?|doses?|weeks?|months?|years?)$", "", name, flags=re.I)  # '... for up to six cycles'
    name = _before_dose(name)
    choice = CHOICE_OF.match(name)
    if choice:  # "investigator's choice of paclitaxel, PLD or topotecan" is one arm
        return choice.group(1).replace("the ", "").strip()
    name = re.split(r"\s(?:and|who|which|that)\s+(?:were|was|had|received|are)\b", name.replace("~", " "))[0]
    name = (ARTICLE_WORDS if keep_schedule else ROUTE_WORDS).sub(" ", name)
    name = re.sub(r"\s+", " ", name).strip(" ,;:-")
    name = re.sub(r"\s+(?:at|in|of|on|by)$", "", name, flags=re.I)  # 'MZ-17 at 1.8 mg/kg': the dose is masked
    bare = re.sub(r"\s+(?:arm|group|cohort|regimen)s?$", "", name, flags=re.I)
    return name if bare.lower() in GENERIC_ADJECTIVES else bare  # 'standard regimens' is not 'standard'


GENERIC_ADJECTIVES = frozenset("standard control experimental investigational conventional reference comparator "
                               "intensive intensified observation trial study treatment test intervention".split())


SCHEDULE = re.compile(r"\b(?:every|each)\s+(?:\d+|~+|two|three|four)?\s*(?:weeks?|days?|months?)\b|\bq\s?\d+\s?w(?:ks?)?\b"
                      r"|\bon\s+days?\s+[\d~]+(?:\s*(?:,|and|-|to|&)\s*[\d~]+)*", re.I)  # 'on Days 1 and 8', not the 'd' of the next drug


CHOICE_OF = re.compile(r"\s*(?:their\s+|his\s+or\s+her\s+)?((?:treatment\s+of\s+)?(?:the\s+)?(?:investigator|physician|doctor|treating\s+physician)(?:'|’)?s?(?:'|’)?\s+choice)\b", re.I)


def _before_dose(name: str) -> str:
    """'capecitabine ~~~~~~~ m-2 two times daily': the name ends where its dose (masked) begins,
    unless a second drug follows the dose ('capecitabine ~~~ plus oxaliplatin ~~~')."""
    pieces = re.split(r"\s*~+\s*", name.strip())
    kept = pieces[0]
    for piece in pieces[1:]:
        piece = " ".join(ROUTE_WORDS.sub(" ", SCHEDULE.sub(" ", piece)).split())
        if not piece:
            continue  # two masked stretches in a row ('200 mg every 3 weeks')
        joined = re.match(r"(?:plus|\+|and|with|combined\s+with)\s+[A-Za-z][\w-]*"
                          r"(?:\s+(?:and|plus|or)\s+[A-Za-z][\w-]*)*(?:\s+chemotherapy)?|alone\b", piece, re.I)  # 'with pemetrexed and platinum chemotherapy'
        if not joined:
            break
        kept += " " + joined.group(0)
    return kept if kept.strip() else name


CHOICE_LIST = re.compile(r"(?<=choice)\s+of\s+[^.;()]*?(?=\s*\(|\s*[.;]|$)", re.I)


# 'the physician's pick of one of two standard triplets, daratumumab-pomalidomide-dexamethasone or
# pomalidomide-bortezomib-dexamethasone': the arm is the kind of regimen, its options are no arms
ONE_OF_LIST = re.compile(r"\bone\s+of\s+(?:two|three|four|several)\s+(?P<kind>(?:standard\s+|approved\s+)?[a-z]+?)s\s*(?:,|:)\s*"
                         r"[^.;(),]{2,80}?\s+or\s+[^.;(),]{2,80}?(?=\s*[,.;(]|$)", re.I)


def _hide_choice_lists(masked: str) -> str:
    """'investigator's choice of topotecan, vinorelbine or pemetrexed (n=238)' is one arm, not a list of five;
    so is 'one of two standard triplets, DPd or PVd'."""
    if could_match(ONE_OF_LIST, masked):
        masked = ONE_OF_LIST.sub(lambda m: m.group("kind") + "~" * (len(m.group(0)) - len(m.group("kind"))), masked)
    if not could_match(CHOICE_LIST, masked):
        return masked  # no 'choice': nothing to hide (the substitution tried every position)
    return CHOICE_LIST.sub(lambda m: "~" * len(m.group(0)), masked)


CALLED = re.compile(r"\b(?:the|a|an)\s+[^.;(),~]{1,40}?,?\s+(?:called|known\s+as|named|dubbed)\s+(?=[A-Za-z])", re.I)


DESCRIBING_PAREN = re.compile(r"\s?\(an?\s[^()]{2,60}\)")
# 'ondrelitamab, a CD20xCD3 bispecific antibody, plus lenalidomide': the description between commas
DESCRIBING_APPOSITIVE = re.compile(r",\s+(?:an?|its|their|the)\s+[^,.;()]{2,60},(?=\s+(?:plus|\+|and|with|combined|in\s+combination|or|given|"
                                   r"versus|vs\.?|compared|against)\b)", re.I)
# 'corvelitamab 1800 mg (>=70 kg) or 1400 mg (<70 kg)': one arm dosed by body weight, not two arms
WEIGHT_BANDS = re.compile(r"(?<!~)~++\s?\((?:>=|<=|[<>≥≤])\s?\d+\s?kg\)\s*(?:or|/|,)\s*~++\s?\((?:>=|<=|[<>≥≤])\s?\d+\s?kg\)")  # ~++: no backtracking in a long masked run


def _hide_descriptions(masked: str) -> str:
    """'either the cell therapy, called pelvacabtagene (pelva-cel), or ...', 'ravelimab (a PD-L1 inhibitor) plus
    ketunitinib': the arm is the name, not its description."""
    masked = DESCRIBING_PAREN.sub("", masked)  # names only are read from here: offsets need not survive
    masked = DESCRIBING_APPOSITIVE.sub("", masked)
    masked = WEIGHT_BANDS.sub(" ", masked)
    return CALLED.sub(lambda m: "~" * len(m.group(0)), masked)


def _generic_with_its_word(name: str, phrase: str) -> str:
    """'the treatment group' is an arm called 'treatment group'; 'treatment' alone names nothing."""
    if name.lower() in GENERIC_ADJECTIVES and name.lower() != "control":
        return f"{name} {phrase.split()[-1].lower()}"
    return name


DESCRIBED_AFTER_COLON = re.compile(r"\s?:\s*([A-Za-z~][^.;:]{2,200}?)(?=\s?[.;]|,\s|$)")
# a drug's class as news names it once: 'the antibody-drug conjugate' goes by 'the conjugate' and 'the ADC' later
CLASS_ABBREVIATIONS = {"antibody-drug conjugate": "ADC", "bispecific antibody": "bispecific"}


def _kind_names(kind: str) -> set[str]:
    kind = " ".join(kind.lower().split())
    head = kind.split()[-1]
    return {kind, head} | ({CLASS_ABBREVIATIONS[kind]} if kind in CLASS_ABBREVIATIONS else set())


PRIOR_THERAPY = re.compile(r"\b(?:who|previously|prior|had|have|already|not|never|before)\b", re.I)
RANDOMISED_WORD = re.compile(r"\brandomi[sz]", re.I)


def find_arms(masked: str, text: str | None = None) -> list[Arm]:
    """Arms named in randomisation sentences and 'X (n = ...)' groups, in order of introduction (``text``, the
    unmasked text, gives the figures masking hid: 'every 14 days'; it is read at the offsets of ``raw``, the masked
    text before descriptions are cut out of it)."""
    raw = masked
    masked = _hide_descriptions(_hide_choice_lists(masked))
    arms: list[Arm] = []
    listed: list[tuple[int, int]] = []
    complete = True
    for m in scan(ALONE_OR_WITH, masked):
        base, partner = _clean(m.group("a")), TIMING_WORDS.sub("", _clean(m.group("b")))
        if base and partner and _treatment_like(base) and _treatment_like(partner):
            _add_arm(arms, f"{base} alone", m.group("pa"), randomised=True)
            combined = Arm(f"{base} with {partner}", randomised=True)
            head = base.split()[-1]  # 'short-course radiotherapy' -> 'radiotherapy'
            arms[-1].aliases.update({base, head, f"{head} alone"})  # 'the radiotherapy group', 'radiotherapy alone'
            combined.aliases.update({partner, f"{partner} with {head}", f"{partner} plus {head}", f"{head} plus {partner}",
                                     f"{head} with {partner}", f"{head} and {partner}"})
            arms.append(combined)
            listed.append(m.span())
            break
    for m in scan(FRACTIONATION_PAIR, raw) if not arms and text and "fraction" in masked.lower() else ():
        regimens = _fractionation_arms(text[m.start("a"):m.end("a")], text[m.start("b"):m.end("b")])
        if regimens:
            arms += regimens
            listed.append(m.span())
            break
    for m in scan(SCHEDULE_PAIR, raw) if not arms and text and SCHEDULE_GATE.search(masked) else ():
        schedules = _schedule_arms(m, text)
        if schedules:
            arms += schedules
            listed.append(m.span())
            break
    for m in scan(WITH_OR_ALONE, masked) if not arms and re.search(r"\bor\s+alone\b", masked, re.I) else ():
        base, partner = _clean(m.group("a")), TIMING_WORDS.sub("", _clean(m.group("b")))
        if base and partner and _treatment_like(base) and _treatment_like(partner):
            head = base.split()[-1]
            combined = Arm(f"{base} with {partner}", {partner, f"{head} plus {partner}", f"{head} with {partner}"}, randomised=True)
            _paren_aliases(combined, m.group("pb"))
            alone = Arm(f"{base} alone", {f"{head} alone"}, randomised=True)
            _paren_aliases(alone, m.group("pa"))
            arms += [combined, alone]
            listed.append(m.span())
            break
    for m in scan(LETTERED_ARMS, masked) if LABEL_GATE.search(masked) else ():  # no '(A)', '(arm 2)', '(the combination)': no list
        items = list(LETTERED_ITEM.finditer(m.group("items")))
        if all(i.group("role") for i in items):
            labels = [(" ".join(i.group("role").split()), "") for i in items]  # '(the combination)': the role is the label
            if len({label.lower() for label, _ in labels}) < len(labels):
                continue
        elif any(i.group("role") for i in items):
            continue
        else:
            labels = [((i.group("label") or i.group("letter")).upper(), (i.group("word") or "arm").lower()) for i in items]
            if "".join(label for label, _ in labels) not in ("ABCD"[:len(labels)], "1234"[:len(labels)]):
                continue  # '(A) ... (B)' in order, or it is no list of arms
        names = [_clean(re.sub(r"^\s*(?:,\s*)?(?:or|and|versus|vs\.?)?\s*(?:to\s+)?(?:receive\s+)?", "", i.group("name"), flags=re.I))
                 for i in items]
        if not all(names) or len({n.lower() for n in names}) < len(names):
            continue
        listed.append(m.span())
        named: list[Arm] = []
        if all(_add_arm(named, name, item.group("paren"), randomised=True) for name, item in zip(names, items)) \
                and len(named) == len(items):
            for arm, label in zip(named, labels):  # 'in arms A and B', 'for the combination'
                arm.aliases.update(_label_names(*label))
        else:  # a description too long to be a name ('capecitabine or UFT plus cetuximab plus RT'): the labels name them
            named = [Arm(_label_names(*label)[0], {name, *_label_names(*label)[1:]}, randomised=True)
                     for name, label in zip(names, labels)]
        arms.extend(named)
    for m in scan(OTHER_HALF, masked) if OTHER_GATE.search(masked) else ():
        first = m.group("nick") or _clean(re.sub(r",\s*(?:given|administered)\b.*$", "", m.group("a")))
        if first and _add_arm(arms, first, None, randomised=True):
            if m.group("nick"):
                arms[-1].aliases.add(" ".join(_clean(m.group("a")).split()))  # what the nickname stands for
            if not _add_arm(arms, _clean(m.group("b")), m.group("pb"), randomised=True):
                backbone = _backbone_only(masked, m.group("b"))  # 'the same chemotherapy blocks with no antibody'
                if backbone:
                    arms.append(Arm(backbone, {" ".join(m.group("b").split())}, randomised=True))
            listed.append(m.span())
    for pattern, gate in ((SPLIT_BETWEEN, BETWEEN_GATE), (HALF_AND_REST, REST_GATE)):
        for m in scan(pattern, masked) if not arms and gate.search(masked) else ():
            if _add_pair(arms, m):  # 'split evenly between X and Y', 'Half were assigned X ...; the rest got Y'
                listed.append(m.span())
                break
    for m in scan(WITH_LIST, masked) if not arms and WITH_GATE.search(masked) else ():
        items = [(_clean(m.group(f"i{k}")), m.group(f"p{k}")) for k in (1, 2, 3, 4) if m.group(f"i{k}")]
        named: list[Arm] = []
        if len({name.lower() for name, _ in items}) == len(items) and all(_add_arm(named, name, paren, randomised=True) for name, paren in items):
            base = _clean(m.group("base"))
            for arm in named:
                arm.aliases.add(f"{base} with {arm.name}")
            arms.extend(named)
            listed.append(m.span())
            break
    for m in scan(SERIAL_LIST, masked) if SERIAL_GATE.search(masked) else ():
        serial = _serial_items(m.group("items"))
        if serial:  # 'to X in combination with P and C, X alone, or gefitinib or erlotinib': the commas part the arms
            listed.append(m.span())
            for name in serial:
                if not _add_arm(arms, name, None, randomised=True):
                    arms.append(Arm(name, randomised=True))
    for m in scan(RANDOMIZED_LIST, masked):
        if any(a <= m.start() < b for a, b in listed):
            continue  # the labelled or serial list read it
        items = list(LIST_ITEM.finditer(m.group("items")))
        if any(re.search(r"\s(?:or|and)\s", i.group("name")) for i in items):
            continue  # 'A or B, C and D' is two arms, one of them a combination
        if any(re.match(r"\s*(?:given|administered|at|every|or\s)", i.group("name"), re.I) for i in items):
            continue  # 'X (V-Dx), given at 5.4 mg/kg every three weeks, or to Y': one arm's dosing, not a list
        listed.append(m.span())
        closing = re.match(r"\s?(\([A-Za-z][\w+/-]{0,11}\))(?=\s*~)", masked[m.end():])  # '... or placebo + Y (C) every 3 weeks'
        last = m.group("last") or (closing.group(1) if closing else None)
        parens = [item.group("paren") or (last if k == len(items) - 1 else None) for k, item in enumerate(items)]
        parens = _unmasked_labels(parens, text)  # '(~~~~+C)' is the text's '(V300+C)'
        cleaned = [_clean(item.group("name") + (item.group("tail") or "")) for item in items]  # 'chemoradiotherapy (CRT) plus pelorimab'
        for k, item in enumerate(items):
            label = ROLE_PAREN.fullmatch((parens[k] or "").strip())
            short = SHORT_LABEL.fullmatch((parens[k] or "").strip())
            if (label or short) and sum(c.lower() == cleaned[k].lower() for c in cleaned) > 1:
                # 'X 5 mg/kg (high dose), X 2 mg/kg (low dose) or placebo', 'X 300 mg + Y (V300+C), X 900 mg + Y (V900+C)':
                # one drug twice, told apart by its labels
                if label:
                    role = " ".join(label.group(1).lower().split())
                    arms.append(Arm(role, {role.replace(" ", "-"), f"{role} arm", f"{role} group"}, randomised=True))
                else:
                    arms.append(Arm(short.group(1), {f"{short.group(1)} arm", f"{short.group(1)} group"}, randomised=True))
                continue
            complete &= _add_arm(arms, cleaned[k], parens[k], randomised=True)
    for m in scan(LABELLED_SEMICOLONS, masked) if not arms and ";" in masked else ():
        labels = [m.group(k) for k in ("l1", "l2", "l3", "l4") if m.group(k)]
        pieces = [p.strip() for p in SEMICOLON_OUTSIDE_PARENS.split(m.group("items"))]
        if len({x.lower() for x in labels}) == len(labels) == len(pieces) and not any(re.fullmatch(r"[nN]\s?=.*|\d.*", x) for x in labels):
            for label, piece in zip(labels, pieces):
                description = " ".join(re.sub(r"\s?\([^()]*\)\s*$", "", piece).split())
                arms.append(Arm(label, {description}, randomised=True))
            listed.append(m.span())
            break
    for m in scan(RANDOMIZED_SEMICOLONS, masked):
        items = [i.strip() for i in SEMICOLON_OUTSIDE_PARENS.split(m.group("items")) if i.strip()]
        if len(items) < 2:
            continue
        listed.append(m.span())
        for item in items:
            parts = re.match(r"(?P<name>[^()]+?)\s*(?P<paren>\([^()]*\))?\s*$", item)
            if parts:
                name = re.sub(r"^(?:the\s+)?(?:drug|agent|study\s+drug|new\s+drug)\s*,\s*", "", parts.group("name"), flags=re.I)
                complete &= _add_arm(arms, _clean(name.replace(",", " ")), parts.group("paren"), randomised=True)
    for m in scan(BRACKET_NICKNAMES, masked):
        names = [" ".join(m.group(k).split()) for k in ("n1", "n2")]
        generic = any(n.split()[0].lower() in GENERIC_ADJECTIVES | {"combination", "chemotherapy", "control"} for n in names)
        if names[0].lower() != names[1].lower() and not generic and not any(a.goes_by(n) for a in arms for n in names) \
                and all(_description_not_a_name(m.group(k)) for k in ("d1", "d2")):
            for name in names:
                arms.append(Arm(name, {name.split()[0]}, randomised=True))  # 'the alternating schedule': 'alternating'
            listed.append(m.span())
    for m in scan(NICKNAMED_COUNTS, masked):
        other = _clean(m.group("b"))
        if other and _treatment_like(other) and _add_arm(arms, m.group("nick").lower(), None, randomised=True):
            arms[-1].aliases.add(" ".join(m.group("what").split()))
            if _add_arm(arms, other, None, randomised=True):
                partner = NICKNAME_PARTNER.get(m.group("nick").lower())
                if partner and re.search(rf"\b{partner}\b", masked, re.I):
                    arms[-1].aliases.add(partner)  # 'the triplet' against 'the doublet'
            listed.append(m.span())
    for m in scan(COLON_COUNTS, masked):
        items = [i for i in COUNTED_ITEM.finditer(m.group("items"))]
        if len(items) >= 2 and all(_treatment_like(_clean(i.group("name"))) for i in items):
            for item in items:
                complete &= _add_arm(arms, _clean(item.group("name")), item.group("paren"), randomised=True)
            listed.append(m.span())
    for m in scan(ABBREVIATED_REGIMEN, masked):
        if any(a <= m.start() < b for a, b in listed):
            continue
        name = m.group("abbr") + " " + " ".join(m.group("tail").split())
        other = _clean(m.group("b"))
        if other and _treatment_like(other) and _add_arm(arms, name, None, randomised=True):
            arms[-1].aliases.add(m.group("abbr"))
            _add_arm(arms, other, m.group("pb"), randomised=True)
            listed.append(m.span())
    for m in [*scan(RANDOMIZED, masked), *scan(RECEIVED, masked)]:
        if any(a <= m.start() < b for a, b in listed):
            continue
        names = [_clean(m.group("a")), _clean(m.group("b"))]
        if names[0].lower() == names[1].lower() or any(re.search(r"\d-\s|^-|\s-$", n) for n in names):
            # 'weekly docetaxel or 3-weekly docetaxel': the schedule is what tells the arms apart
            names = [_clean(m.group(k), keep_schedule=True) for k in ("a", "b")]
        for name, paren in zip(names, ("pa", "pb")):
            complete &= _add_arm(arms, name, m.group(paren), randomised=True) or _add_by_bracket_role(arms, name, m.group(paren))
    for m in scan(INTERVENTIONS, masked) if not arms and "ntervention" in masked else ():
        if _add_pair(arms, m):  # a structured abstract's 'Interventions: X plus Y, or X plus placebo.'
            listed.append(m.span())
            break
    if not arms:
        for m in [*scan(COMPARED, masked), *scan(RECEIVED_COUNTS, masked)]:
            a, pa = (m.group("a"), m.group("pa")) if m.group("a") else (m.group("a2"), m.group("pa2"))
            names = [_clean(a), _clean(re.sub(r"^(?:that|those)\s+of\s+", "", m.group("b"), flags=re.I))]
            verb, link = m.groupdict().get("verb"), m.groupdict().get("link")
            if verb and not verb.lower().startswith("compar") and link and link.lower() in ("with", "to"):
                continue  # 'tested three doses of paclitaxel in women with advanced disease'
            roles = [_role_named(x) for x in (a, m.group("b"))]
            if all(roles) and roles[0].name != roles[1].name:
                arms.extend(roles)  # '186 were assigned to the fixed-duration combination and 182 to continuous monotherapy'
                break
            if names[0].lower() != names[1].lower() and all(_treatment_like(n) for n in names):
                for name, paren in zip(names, (pa, m.group("pb"))):
                    complete &= _add_arm(arms, name, paren, randomised=True)
                break
    for m in scan(RECEIVED_EITHER, masked) if not arms else ():
        if not (m.group("either") or RANDOMISED_WORD.search(masked)):
            continue  # 'were given either X or Y' names arms; 'received X or Y' only in a randomised report
        if PRIOR_THERAPY.search(masked, m.start(), m.start("a")):
            continue  # 'patients who had previously received chemotherapy or radiotherapy': history, not arms
        names = [_clean(m.group("a")), _clean(m.group("b"))]
        if names[0].lower() != names[1].lower() and all(_treatment_like(n) for n in names):
            for name, paren in zip(names, ("pa", "pb")):
                _add_arm(arms, name, m.group(paren), randomised=True)
            if m.group("kind") and arms:
                arms[0].aliases.update(_kind_names(m.group("kind")))  # 'the antibody-drug conjugate X': 'the ADC group'
            described = DESCRIBED_AFTER_COLON.match(masked, m.end("b"))
            if described and len(arms) > 1:
                arms[-1].aliases.add(" ".join(described.group(1).split()))  # 'the current standard: paclitaxel and ...'
            break
    for m in scan(PASSIVE_COMPARED, masked) if not arms else ():
        names = [_clean(m.group("a")), _clean(m.group("b"))]
        if names[0].lower() != names[1].lower() and all(_treatment_like(n) for n in names):
            for name, paren in zip(names, ("pa", "pb")):
                _add_arm(arms, name, None, randomised=True)
            arms[0].aliases.add(" ".join(m.group("a").split()))  # 'VARENZO regimen'
            break
    if not arms:
        _add_study_comparison(arms, masked)
    if not complete:  # an arm of the randomisation could not be read: later names may still be arms
        for arm in arms:
            arm.randomised = False
    for m in scan(COMPARED_ABBREVIATIONS, masked) if not arms else ():  # only read when nothing else named arms
        if not arms:
            for group in (1, 2):
                _add_arm(arms, m.group(group), None, randomised=True)
    for m in scan(ARM_DOSE_N, masked) if ARM_N_GATE.search(masked) else ():
        if not SUBGROUP_BEFORE.search(masked, max(0, m.start() - 60), m.start() + len(m.group(1))):
            _add_arm(arms, _clean(m.group(1)), None)
    for m in scan(ARM_N, masked) if ARM_N_GATE.search(masked) else ():
        if SUBGROUP_BEFORE.search(masked, max(0, m.start() - 60), m.start() + len(m.group(1))):
            continue  # 'In pts with prior bispecifics (n=18)': a subgroup's size, not an arm
        _add_arm(arms, _clean(m.group(1)), None)
    named = [(m.start(), f"{m.group(1).lower()} {m.group(2).upper()}") for m in scan(ARM_LETTER, masked)]
    named += [(m.start(), _generic_with_its_word(_clean(m.group(1)), m.group(0))) for m in scan(ARM_WORD, masked)]
    numbered_ok = not arms  # 'cohort 1', 'cohort 2' name the arms only where nothing else does
    for _, name in sorted(named):
        _add_arm(arms, name, None, numbered_ok=numbered_ok)
    groups: list[Arm] = []
    _add_groups_that_received(groups, masked)
    if len(arms) < 2:  # last resort: 'the experimental group (n=30) received X, and the control group received Y'
        arms = groups if len(groups) >= 2 else arms
    if len(arms) < 2 or not any(a.randomised for a in arms):
        # 'TAVENZA plus diralimab (the combination) reduced the risk of death versus chemotherapy (the comparator arm)'
        subject: list[Arm] = []
        for m in scan(SUBJECT_VERSUS, masked):
            names = [_clean(m.group("a")), _clean(m.group("b"))]
            if names[0].lower() != names[1].lower() and all(_treatment_like(re.sub(r"\s+in\s+combination\s+with\s+", " plus ", n))
                                                            for n in names):
                for name, paren in zip(names, (m.group("pa"), m.group("pb"))):
                    _add_arm(subject, name, paren, randomised=True)
                break
        subject = subject if len(subject) >= 2 else (_role_pair(masked) or _role_bullets(masked))
        arms = subject if len(subject) >= 2 else arms
    if len(arms) < 2:  # '104 pts (KMT2Ar, n=67; NPM1m, n=37)': cohorts named with their sizes
        cohorts = next(iter(COHORT_SIZES.finditer(masked)), None)
        if cohorts:
            arms = [Arm(name) for name in cohorts.group("a", "b", "c") if name]
    else:  # 'group A received gemcitabine and cisplatin (GP)': what a named group received is its other name
        for group in groups:
            known = next((a for a in arms if a.goes_by(group.name)), None)
            if known is not None:
                known.aliases.update(x for x in group.aliases if x.lower() != known.name.lower())
    if sum(a.randomised for a in arms) < 2:
        arms = _sized_randomisation(masked, arms) or _labelled_cohorts(raw, arms, text) or arms
    arms = _sized_serial_list(raw, text, arms) or arms
    if len(arms) < 2:
        arms = _counted_groups(masked) or arms
    _class_prefixes(arms)
    _distinctive_words(arms)
    return _restated_arms(arms)


# 'the LIV-1-directed antibody-drug conjugate loruvatug zelasodotin', 'the anti-PD-1 antibody corvalimab': the drug's
# class opens its name, and the text goes on to call the arm by it ('longer with the conjugate than with chemotherapy')
CLASS_PREFIX = re.compile(r"^(?:the\s+)?(?:[\w-]+\s+)?(?P<kind>antibody[\s-]drug\s+conjugate|(?:bispecific\s+)?antibody|"
                          r"(?:kinase\s+)?inhibitor|conjugate|ADC|bispecific|TKI|degrader|agent)\s+(?P<drug>[A-Za-z][\w-]{3,}(?:\s.*)?)$", re.I)


INNER_CLASS = re.compile(r"\b(?:the\s+)?(?:[\w-]+\s+)?(?:antibody[\s-]drug\s+conjugate|(?:bispecific\s+)?antibody|(?:kinase\s+)?inhibitor)\s+"
                         r"(?=[A-Za-z][\w-]{3,})", re.I)


def _class_prefixes(arms: list[Arm]) -> None:
    """The drug's name without its class; the class ('the conjugate', 'the ADC') names the arm when no other arm has one."""
    kinds: dict[int, set[str]] = {}
    for k, arm in enumerate(arms):
        m = CLASS_PREFIX.match(arm.name)
        if m is not None and not CLASS_PREFIX.match(m.group("drug")):
            kinds[k] = _kind_names(m.group("kind"))
            arm.aliases.add(arm.name)
            arm.name = m.group("drug")
        bare = INNER_CLASS.sub("", arm.name)  # 'corvalimab plus the anti-CTLA-4 antibody hesperlimab'
        if bare != arm.name and bare.strip():
            arm.aliases.add(arm.name)
            arm.name = bare
        arm.aliases.discard(arm.name)
    for k, names in kinds.items():
        shared = set().union(*(v for j, v in kinds.items() if j != k))
        arms[k].aliases.update(n for n in names if n not in shared and not any(
            re.search(rf"\b{re.escape(n)}\b", other, re.I) for j, a in enumerate(arms) if j != k for other in (a.name, *a.aliases)))


# 'enrolled into three cohorts: large B-cell lymphoma (LBCL; n=64), follicular lymphoma (FL; n=41) and mantle cell lymphoma
# (MCL; n=27)', 'divided into three groups: one received X, another Y and the third Z': the groups, counted, then listed
COUNTED_GROUPS = re.compile(r"\b(?:into|in|to|across)\s+(?P<n>two|three|four|five|[2-5])\s+(?:[a-z-]+\s+)?(?:cohorts|groups|arms|strata)\b"
                            r"(?:\s+by\s+[\w -]{1,30}?)?\s*:\s*(?P<items>(?:[^.;:()]|\([^()]*\)){5,400}?)(?=\.\s|\.$|;|$)", re.I)
COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5}
ITEM_OPENER = re.compile(r"^(?:and\s+)?(?:(?:one|another|the\s+(?:first|second|third|fourth|other|last|remaining))\s+(?:group\s+|cohort\s+|arm\s+)?"
                         r"(?:received|was\s+given|got|underwent|was\s+treated\s+with)\s+)?(?:patients\s+with\s+)?", re.I)


def _counted_groups(masked: str) -> list[Arm] | None:
    for m in COUNTED_GROUPS.finditer(masked) if ":" in masked else ():
        n = COUNTS.get(m.group("n").lower()) or int(m.group("n"))
        items = [i.strip() for i in re.split(r",\s*(?:and\s+)?(?![^()]*\))|\s+and\s+(?![^()]*\))", m.group("items")) if i.strip()]
        if len(items) != n:
            continue
        found: list[Arm] = []
        for item in items:
            parts = re.fullmatch(r"(?P<name>[^()]+?)\s*(?:\((?P<paren>[^()]*)\))?", ITEM_OPENER.sub("", item))
            if parts is None:
                break
            name = _clean(parts.group("name"))
            abbr = re.match(r"\s*([A-Za-z][\w+/-]{1,10})\s*(?:[;,]|$)", parts.group("paren") or "")
            if not name or not _can_name_an_arm(name):
                break  # 'group I included 100 patients who ...': no name
            short = abbr.group(1) if abbr and not re.fullmatch(r"[nN]", abbr.group(1)) else None
            initials = "".join(w[0] for w in re.split(r"[\s-]+", name) if w).upper()
            if short is None and len(initials) >= 2 and re.search(rf"\b{initials}\b", masked):
                short = initials  # 'follicular lymphoma (n=41)', later 'FL'
            aliases = {name, f"{short} cohort", f"{short} group"} if short else {f"{name} group"}
            if not short and len(name.split()) == 2:
                aliases.add(f"{name.split()[0]} group")  # 'enhanced recovery group (n = 35)', later 'the enhanced group'
            found.append(Arm(short or name, aliases - {short or name}, randomised=bool(RANDOMISED_WORD.search(m.group(0)))
                             or bool(RANDOMISED_WORD.search(masked, max(0, m.start() - 60), m.start()))))
        if len(found) == n and len({a.name.lower() for a in found}) == n:
            return found
    return None


# 'quensitamab 60 mg weekly (QW cohort) or 120 mg every 2 weeks (Q2W cohort)', 'untreated pts (1L cohort) and pts ... (PP
# cohort)': groups the text labels itself, by the name it goes on to use
COHORT_LABEL = re.compile(r"\((?:[^()]{0,80}?[,;]\s*)?(?:the\s+)?(?P<name>[A-Za-z0-9~][\w+/~-]{0,10})\s+(?P<word>cohort|arm|group)"
                          r"(?:\s*[,;]\s*[nN]\s?=\s?\d+)?\)", re.I)  # '(60 Gy in 30 fractions; RT group, n = 151)'


def _labelled_cohorts(masked: str, arms: list[Arm], text: str | None) -> list[Arm] | None:
    found: list[Arm] = []
    for m in COHORT_LABEL.finditer(masked) if text and re.search(r"\s(?:cohort|arm|group)(?:\s*[,;]\s*[nN]\s?=\s?\d+)?\)", masked, re.I) else ():
        name = text[m.start("name"):m.end("name")]  # '(1L cohort)': masking hid the digit
        if name.lower() in ("the", "control", "experimental", "study", "treatment", "this", "each", "one") or any(a.goes_by(name) for a in found):
            continue
        before = re.split(r"[.;:()]", masked[max(0, m.start() - 80):m.start()])[-1]
        description = _clean(re.sub(r"^.*\b(?:to|or|and|versus|vs)\s+", "", before, flags=re.I))
        aliases = {f"{name} {m.group('word').lower()}"}
        if description and len(description.split()) <= 6 and description.lower() not in ("pts", "patients") and _can_name_an_arm(description):
            aliases.add(description)
        found.append(Arm(name, aliases, randomised=True))
    return found if len(found) >= 2 and (len(found) >= len(arms) or not any(a.randomised for a in arms)) else None


# 'randomly assigned (1:1:1:1) to placebo (n=153), 20 mg (n=154), continuous 40 mg (n=152), or intermittent 40 mg (n=153)':
# every arm with its size, the names as the text goes on to use them (doses and all, read from the unmasked text)
SIZED_ITEM_N = r"[^.;()]{1,50}?\s?\(\s?[nN]\s?=\s?\d+\s?\)"
SIZED_SERIAL = re.compile(ASSIGNED + r"[^.;]{0,60}?\bto\s+(?:receive\s+)?(?P<items>(?:" + SIZED_ITEM_N + r"\s*,\s*(?:or\s+|and\s+)?){1,4}"
                          r"(?:or\s+|and\s+)?" + SIZED_ITEM_N + r")", re.I)


def _sized_serial_list(masked: str, text: str | None, arms: list[Arm]) -> list[Arm] | None:
    for m in SIZED_SERIAL.finditer(masked) if text and ARM_N_GATE.search(masked) else ():
        items = re.findall(r"\s*(?:,\s*)?(?:or\s+|and\s+)?([^(]+?)\s?\(\s?[nN]\s?=\s?\d+\s?\)", text[m.start("items"):m.end("items")])
        names = [" ".join(re.sub(r"^(?:the|a|an)\s+", "", i.strip(), flags=re.I).split()) for i in items]
        if len(names) < 3 or len({n.lower() for n in names}) < len(names) or any(len(n.split()) > 5 for n in names) \
                or sum(a.randomised for a in arms) >= len(names):
            continue
        found = []
        bare = [" ".join(DOSE_OR_ROUTE.sub(" ", n).split()) for n in names]  # 'intravenous 4 mg ondansetron' is 'ondansetron'
        for name, plain in zip(names, bare):
            known = next((a for a in arms if a.goes_by(name) or (plain and a.goes_by(plain))), None)
            arm = Arm(name, set(known.aliases) | {known.name} if known else set(), randomised=True)
            if plain and plain.lower() != name.lower() and bare.count(plain) == 1:
                arm.aliases.add(plain)
            arm.aliases.discard(name)
            found.append(arm)
        return found
    return None


DOSE_OR_ROUTE = re.compile(r"\b\d+(?:\.\d+)?\s?(?:mg|µg|μg|mcg|g|IU|units?)(?:/[\w^]+)*(?![\w])|\b(?:intravenous(?:ly)?|oral(?:ly)?|subcutaneous(?:ly)?|"
                           r"once|twice|daily|weekly|iv|po|sc)\b", re.I)


# 'GLENMORE-2 randomized 718 patients 1:1:1 (triplet n=239, doublet n=238, control n=241)': every arm with its size
RANDOMISED_SIZES = re.compile(r"\brandomi[sz]ed\b[^.;()]{0,80}?\((?P<items>[^()]{5,200})\)", re.I)
SIZED_ITEM = re.compile(r"\s*(?P<name>[A-Za-z][\w+/-]*(?:\s[\w+/-]+){0,3}?)\s*[,:]?\s*n\s?=\s?\d+\s*(?:[,;]|$)")


def _sized_randomisation(masked: str, arms: list[Arm]) -> list[Arm] | None:
    """The randomised arms as a bracket after 'randomized' lists them with their sizes; names found before are
    the same arms or none ('in either immunotherapy arm')."""
    for m in RANDOMISED_SIZES.finditer(masked) if "=" in masked else ():
        items, pos, names = m.group("items"), 0, []
        while pos < len(items):
            item = SIZED_ITEM.match(items, pos)
            if item is None or item.end() == pos:
                break
            names.append(_clean(item.group("name")))
            pos = item.end()
        if pos < len(items) or len(names) < 2 or not all(names) or len({n.lower() for n in names}) < len(names):
            continue
        listed: list[Arm] = []
        for name in names:
            known = next((a for a in arms if a.goes_by(name)), None)
            arm = known or Arm(name)
            arm.randomised = True
            listed.append(arm)
        return listed
    return None


# 'the study of X, a ... antibody, given with daratumumab (the combination), met its primary endpoint ... versus
# daratumumab, pomalidomide and dexamethasone (DPd; the control arm)': two roles set against each other name the arms
ROLE_PAIR = re.compile(r"\((?:(?P<abbr_a>[A-Za-z][\w+/-]{1,12})\s*[;,]\s*)?(?P<ra>" + ARM_ROLE + r")\)[^.;]{0,160}?"
                       r"\b(?:versus|vs\.?|compared\s+(?:with|to)|over|against)\s+(?:the\s+)?(?P<b>[A-Za-z~][^.;()]{0,80}?)\s?"
                       r"\((?:(?P<abbr_b>[A-Za-z][\w+/-]{1,12})\s*[;,]\s*)?(?P<rb>" + ARM_ROLE + r")\)", re.I)


def _role_pair(masked: str) -> list[Arm]:
    for m in scan(ROLE_PAIR, masked):
        roles = [_label_names(" ".join(m.group(k).split()), "") for k in ("ra", "rb")]
        if roles[0][-1].lower() == roles[1][-1].lower():
            continue
        first = Arm(roles[0][0], set(roles[0][1:]) | ({m.group("abbr_a")} if m.group("abbr_a") else set()), randomised=True)
        described = _clean(m.group("b"))
        second = Arm(roles[1][0], set(roles[1][1:]) | {x for x in (m.group("abbr_b"), described) if x}, randomised=True)
        return [first, second]
    return []


ROLE_WORD = re.compile(r"\b(combination|monotherapy|doublet|triplet)\b", re.I)


def _role_named(description: str) -> Arm | None:
    """An arm the text names by its role only ('the fixed-duration combination', 'continuous monotherapy'):
    the role is its name, as the text goes on to use it ('for the combination vs. for monotherapy')."""
    role = ROLE_WORD.search(description)
    if role is None or len(description.split()) > 4:
        return None
    word = role.group(1).lower()
    names = _label_names(word if word == "monotherapy" else f"the {word}", "")
    return Arm(names[0], {*names[1:], " ".join(description.split())} - {names[0]}, randomised=True)


def _backbone_only(text: str, description: str) -> str | None:
    """'the others received the same chemotherapy blocks with no antibody': the text's own 'chemotherapy only' (or
    'alone') for a word of the description names that arm."""
    if not re.search(r"\b(?:no|without)\b", description, re.I):
        return None
    for m in re.finditer(r"\b([a-z][\w-]{3,})\s+(?:only|alone)\b", text, re.I):
        if re.search(rf"\b{re.escape(m.group(1))}\b", description, re.I):
            return " ".join(m.group(0).split())
    return None


def _serial_items(items: str) -> list[str]:
    """The items of a serial list 'A, B, or C' (three or more, the last after a comma and 'or'), when an item holds
    'and' or 'or' itself (a combination, or 'gefitinib or erlotinib'); none otherwise."""
    items = re.sub(r"\s*\(\s*[nN]\s?=\s?\d+\s*\)", "", items)  # '(n=297)': the arm's size
    items = re.sub(r"\s?" + DOSING_BRACKET, "", items)  # '(1 mg/kg every 6 weeks)': the arm's dosing
    if not re.search(r",\s+or\s+", items) or "(" in items:
        return []
    parts = [_clean(re.sub(r"\s+as\s+(?:a\s+)?(?:single\s+agent|monotherapy)$", " alone",
                           re.sub(r"\s+without\s+[\w-]+$", "", re.sub(r"\s*~+\s*", " ", p).strip())))  # '... without chemotherapy'
             for p in re.split(r",\s*(?:or\s+|and\s+)?", items)]  # the doses (masked) go, so 'X 120 mg ...' and 'X 120 mg ...' differ
    if len(parts) < 3 or not all(parts) or len({p.lower() for p in parts}) < len(parts) \
            or not any(re.search(r"\s(?:and|or)\s", p) for p in parts):
        return []
    return parts


# '• Experimental arm: gelvatamab ... with gemcitabine and oxaliplatin (Glv-GemOx; n=183)' / '• Comparator: rituximab with
# gemcitabine and oxaliplatin (R-GemOx; n=91)': a press release's arms at a glance, one bullet each
ROLE_BULLET = re.compile(r"^[ \t]*(?:[•*-][ \t]*)?(?P<role>(?:experimental|investigational|control|comparator|reference)(?:\s+(?:arm|group))?)"
                         r"\s*:\s*(?P<desc>[^\n()]{2,160}?)\s*(?P<paren>\([^()\n]{1,60}\))?[ \t.]*$", re.I | re.M)


def _role_bullets(masked: str) -> list[Arm]:
    found = list(ROLE_BULLET.finditer(masked)) if ":" in masked else []
    if len(found) != 2 or len({m.group("role").split()[0].lower() for m in found}) != 2:
        return []
    arms = []
    for m in found:
        description = _clean(re.sub(r",\s+an?\s+[^,]{2,60},", "", m.group("desc")))  # ', a CD20xCD3 bispecific antibody,'
        short = re.match(r"\(\s*([A-Za-z][\w+/-]{1,15})\s*[;,)]", m.group("paren") or "")
        name = short.group(1) if short else description
        role = " ".join(m.group("role").split())
        arms.append(Arm(name, {x for x in (description, role, f"the {role.lower()}") if x and x != name}, randomised=True))
    return arms


def _label_names(label: str, word: str) -> list[str]:
    """The names a label gives its arm, the one to show first: 'arm A' (and 'group A'); 'the control arm'
    (and 'control arm', 'control')."""
    if word:
        return [f"{word} {label}", f"{'group' if word == 'arm' else 'arm'} {label}"]
    bare = re.sub(r"^the\s+", "", label, flags=re.I)
    core = re.sub(r"\s+(?:arm|group)$", "", bare, flags=re.I)
    roles = [f"{core} {word}" for word in ("arm", "group", "regimen")] if core.lower() in ROLE_CORES else []
    return list(dict.fromkeys([label, bare, core, *roles]))  # '(the investigational arm)', later 'the investigational regimen'


ROLE_CORES = frozenset("control experimental investigational standard comparator reference".split())


def _restated_arms(arms: list[Arm]) -> list[Arm]:
    """'randomly assigned to tarlomab or placebo ..., each with gemcitabine-cisplatin' then '... assigned to tarlomab
    plus gemcitabine-cisplatin (n=402) or placebo plus gemcitabine-cisplatin (n=398)': the second naming restates the
    same arms with their backbone, so the two are one arm each."""
    kept: list[Arm] = []
    restated: dict[int, Arm] = {}
    for arm in arms:
        base = next((k for k, a in enumerate(kept) if a.randomised and arm.randomised and k not in restated
                     and re.match(re.escape(a.name.lower()) + r"\s+(?:plus|\+|with|and|in\s+combination\s+with)\s", arm.name.lower())), None)
        if base is None:
            kept.append(arm)
        else:
            restated[base] = arm
    if len(kept) < 2 or len(restated) != len(kept):
        return arms  # 'docetaxel or docetaxel plus ramucirumab': two arms, not one named twice
    for k, arm in restated.items():
        kept[k].aliases.update({arm.name, *arm.aliases})
    return kept


DISTINCTIVE = re.compile(r"^(?:placebo|observation|[a-z]+(?:mab|nib|cel|leucel|platin|taxel|rubicin|tide|stat|lisib|parib|lutamide|strant|relix|"
                         r"ciclib|tinib|zomib|domide|mustine|trexate|citabine|uracil|fosfamide|tecan|sertib|degib)|"
                         r"[A-Z][A-Za-z]*-?\d+[A-Za-z]?)$")


def _distinctive_words(arms: list[Arm]) -> None:
    """'CRT plus placebo' is the arm a later 'with placebo' names, when no other arm holds 'placebo';
    the same for a drug name only one arm holds. 'X alone' is also the text's plain 'X' ('as compared with X')."""
    settled = [a for a in arms if a.randomised]
    if len(settled) < 2:
        return
    for arm in settled:
        bare = re.sub(r"\s+alone$", "", arm.name, flags=re.I)
        if bare != arm.name and not any(b.goes_by(bare) for b in settled if b is not arm):
            arm.aliases.add(bare)
    words = {id(a): set(re.findall(r"[\w-]+", a.name)) for a in settled}
    for arm in settled:
        if len(words[id(arm)]) < 2:
            continue  # a one-word name is already its own mention
        others = set().union(*(words[id(b)] for b in settled if b is not arm))
        lowered = {w.lower() for w in others}
        for word in words[id(arm)]:
            if word.lower() not in lowered and DISTINCTIVE.match(word):
                arm.aliases.add(word)


STANDARD_CARE = re.compile(r"(?:the\s+)?(?:standard[\s-]of[\s-]care|best\s+supportive\s+care|usual\s+care|standard\s+care)(?:\s+(?:therapy|treatment|chemotherapy|regimens?))?", re.I)


def _treatment_like(name: str) -> bool:
    """A comparison sentence names treatments, not outcomes ('compared survival with ...')."""
    words = name.lower().split()
    if re.search(r"\s(?:group|arm)$", name, re.I):
        return len(words) <= 4  # 'trial group', 'control group'
    if STANDARD_CARE.fullmatch(name.strip()):
        return True  # 'standard of care', 'best supportive care'
    return bool(words) and len(words) <= 6 and not re.search(
        r"\b(?:survival|response|rates?|outcomes?|efficacy|safety|toxicity|results?|data|risk|patients|trial|study|"
        r"baseline|levels?|scores?|quality|incidence|time|duration|hazard|proportion|number|doses?|in|of|among|"
        r"women|men|disease|cancer|tumou?rs?|carcinoma|those)\b", name, re.I)


DOSE = r"(?<![\d.,])\d+(?:\.\d+)?\s?(?:mg|μg|µg|mcg|Gy|g)(?:/kg|/m\^?2)?"  # 'the 60 Gy group': radiotherapy doses too
DOSE_COHORT = re.compile(
    rf"(?P<d1>{DOSE})\s*\(\s*[nN]\s*=\s*\d+\s*\)"
    rf"|(?P<d2>{DOSE})(?:\s+(?!and\b|or\b)[a-z]+){{0,2}}\s+(?:cohorts?|arms?|groups?|dose\s+levels?|dose\s+cohorts?)\b"
    rf"|\b(?:randomi[sz]ed|assigned|allocated)\b[^.;]{{0,80}}?\bto\s+(?:receive\s+)?(?:\w+\s+){{0,3}}?(?P<a>{DOSE})[^.;]{{0,40}}?\bor\s+(?:\w+\s+){{0,2}}?(?P<b>{DOSE})"
    rf"|(?<!step-up\s)(?<!priming\s)(?<!ramp-up\s)(?<!titration\s)\b(?:dose\s+levels?|doses|cohorts)\s*(?:of|:)\s*(?P<l1>{DOSE})(?:\s*\([^()]*\))?\s*(?:,|and|or)\s*(?P<l2>{DOSE})"
    # 'randomized 1:1 ...: 4.8 mg/kg (DL4.8) and 6.0 mg/kg (DL6.0)': doses with their short labels
    rf"|(?P<p1>{DOSE})\s*\(\s*(?P<n1>[A-Za-z][\w.+-]{{1,10}})\s*\)\s*(?:,|and|or|vs\.?|versus)\s*(?P<p2>{DOSE})\s*\(\s*(?P<n2>[A-Za-z][\w.+-]{{1,10}})\s*\)", re.I)


# Every DOSE_COHORT match holds a DOSE, so a digit right before its unit: a text without one has no
# dose cohort (a search that jumps from digit to digit, where DOSE_COHORT tries every position).
DOSE_GATE = re.compile(r"\d\s?(?:mg|μg|µg|mcg|g|Gy)", re.I)


def find_dose_arms(text: str) -> list[Arm]:
    """Dose cohorts reported like arms ('two dose levels: 10 mg (n=56) and 30 mg (n=56)'): each dose is an
    arm named as the document writes it. Two or more doses of one unit, or none."""
    doses: dict[str, Arm] = {}
    for m in DOSE_COHORT.finditer(text) if DOSE_GATE.search(text) else ():
        for group in ("d1", "d2", "a", "b", "l1", "l2", "p1", "p2"):
            if m.group(group):
                name = " ".join(m.group(group).split())
                arm = doses.setdefault(name.lower(), Arm(name, randomised=True))
                arm.aliases.update(f"{name} {word}" for word in ("cohort", "arm", "group", "dose", "dose level", "level"))
                label = {"p1": "n1", "p2": "n2"}.get(group)
                if label:
                    arm.aliases.add(m.group(label))  # '(DL4.8)'
    units = {re.sub(r"^[\d.\s]+", "", key) for key in doses}
    if len(doses) >= 2 and len(units) == 1:
        return list(doses.values())
    return _labelled_dose_levels(text) or _doses_given(text) or _cell_doses(text)


# 'Pts received orvacel at 75 x 10^6 or 150 x 10^6 CAR+ T cells': cell therapies dosed in cell numbers ('×' reads 'x')
CELL_DOSE = r"\d+(?:\.\d+)?\s?x\s?10\^?\s?\d{1,2}"
CELL_DOSES = re.compile(rf"\b(?:at|of|receiving|received|levels?|doses?)\s+(?P<d1>{CELL_DOSE})(?:\s+(?:CAR\+?\s*T[\s-]+)?cells)?"
                        rf"(?:\s*,\s*|\s+)(?:or|and|vs\.?|versus)\s+(?:\w+\s+){{0,3}}?(?P<d2>{CELL_DOSE})", re.I)


def _cell_doses(text: str) -> list[Arm]:
    """Two cell doses given to different patients are the report's arms; 'the lower dose' and 'the higher
    dose' name them too."""
    m = CELL_DOSES.search(text) if "10" in text else None
    if not m:
        return []
    names = [" ".join(m.group(k).split()) for k in ("d1", "d2")]
    count = [float(re.match(r"[\d.]+", n).group(0)) * 10 ** int(re.search(r"(\d{1,2})$", n).group(1)) for n in names]
    if count[0] == count[1]:
        return []
    arms = [Arm(name, {f"{name} cells", f"{name} CAR+ T cells", f"{name} dose"}, randomised=True) for name in names]
    low, high = (arms[0], arms[1]) if count[0] < count[1] else (arms[1], arms[0])
    low.aliases.update({"the lower dose", "lower dose", "the low dose", "low dose"})
    high.aliases.update({"the higher dose", "higher dose", "the high dose", "high dose"})
    return arms


# 'Patients received ruvaclatamab at 300 or 600 µg/kg. 300 µg/kg was declared the RP2D.'
DOSES_GIVEN = re.compile(r"\b(?:received|were\s+treated\s+with|were\s+given|was\s+given)\s+(?P<drug>[A-Za-z][\w-]{2,30})\s+at\s+"
                         + DOSE_LIST + r"\s?(?P<unit>" + MASS_DOSE_UNIT + r")(?![\w/])", re.I)
RP2D = re.compile(r"(?P<dose>\d+(?:\.\d+)?)\s?" + MASS_DOSE_UNIT + r"\s+(?:was|were)\s+(?:declared|chosen|selected|"
                  r"established|identified|defined)\s+(?:as\s+)?the\s+(?:RP2D|recommended\s+phase\s+(?:2|II)\s+dose)", re.I)


# 'ruvaclatamab with step-up dosing in five dose levels (10, 30, 100, 300 and 600 µg/kg)'
DOSE_LEVEL_LIST = re.compile(r"\b(?P<drug>[A-Za-z][\w-]{2,30})\b[^.;()]{0,60}?\bdose\s+levels?\s*\(\s*"
                             + DOSE_LIST + r"\s?(?P<unit>" + MASS_DOSE_UNIT + r")\s*\)", re.I)


def _doses_given(text: str) -> list[Arm]:
    """Each dose a drug was given at is an arm ('300 µg/kg'); the dose declared the RP2D also goes by 'the RP2D'."""
    m = DOSES_GIVEN.search(text) if " at " in text else None
    m = m or (DOSE_LEVEL_LIST.search(text) if "dose level" in text else None)
    if not m:
        return []
    unit, drug = m.group("unit"), m.group("drug")
    chosen = RP2D.search(text)
    arms = []
    for d in re.findall(r"\d+(?:\.\d+)?", m.group("doses")):
        arm = Arm(f"{d} {unit}", {f"{d} {unit} {drug}", f"{drug} {d} {unit}", f"{d} {unit} cohort", f"{d} {unit} dose"}, randomised=True)
        if chosen and chosen.group("dose") == d:
            arm.aliases.update({"RP2D", "the RP2D", "recommended phase 2 dose"})
        arms.append(arm)
    return arms if len(arms) >= 2 else []


# 'randomly assigned to receive trabedersen at doses of 10 or 80 µM or standard chemotherapy (...)': one drug at two doses
DOSES_OF = re.compile(
    ASSIGNED + r"[^.;]{0,80}?\bto\s+(?:receive\s+)?(?:either\s+)?(?P<drug>[A-Za-z][\w-]{2,30})\s+at\s+(?:doses?|dose\s+levels?)\s+of\s+"
    + DOSE_LIST + r"\s?(?P<unit>[µμ]?[A-Za-z]{1,3}(?:/(?:kg|m\^?2|d|day))?)"
    r"(?:,?\s+(?:or|and|versus|vs\.?)\s+(?:to\s+)?(?:receive\s+)?(?P<other>[A-Za-z][^.;(),]{1,60}?))?(?=\s?[.;(]|,\s|$)", re.I)


# 'randomized to lumbratinib 20 mg QD or lumbratinib 14 mg QD (1:1)': one drug at two doses, its name repeated or not
TWO_DOSES = re.compile(r"\b(?P<drug>[A-Za-z][\w-]{2,30})\s+(?P<d1>\d+(?:\.\d+)?)\s?(?P<unit>" + MASS_DOSE_UNIT + r")"
                       r"(?:\s+(?:QD|BID|Q[1-4]W|daily|once\s+daily|twice\s+daily|weekly))?,?\s+(?:or|versus|vs\.?)\s+(?:to\s+)?"
                       r"(?:(?P=drug)\s+)?(?P<d2>\d+(?:\.\d+)?)\s?(?P=unit)\b", re.I)
RANDOMISED_HERE = re.compile(ASSIGNED + r"|\(\s?[1-3]\s?:\s?[1-3]\s?\)", re.I)


# Every TWO_DOSES match holds a dose, 'or' (or 'vs') and a second dose within a few words: found from the dose's digits
TWO_DOSES_GATE = re.compile(r"\d\s?" + MASS_DOSE_UNIT + r"\b[^.;]{0,40}?\b(?:or|versus|vs)\b[^.;]{0,40}?\d\s?" + MASS_DOSE_UNIT + r"\b", re.I)


def _one_drug_two_doses(text: str) -> list[Arm]:
    for m in TWO_DOSES.finditer(text) if TWO_DOSES_GATE.search(text) else ():
        start = max(text.rfind(". ", 0, m.start()), 0)
        end = text.find(". ", m.end())
        if m.group("d1") == m.group("d2") or not RANDOMISED_HERE.search(text, start, end if end != -1 else len(text)):
            continue
        drug, unit = m.group("drug"), m.group("unit")
        repeated = re.search(rf"\b{re.escape(drug)}\s+{re.escape(m.group('d2'))}", m.group(0))  # shown as printed
        arms = []
        for d in m.group("d1", "d2"):
            names = [f"{drug} {d} {unit}" if repeated else f"{d} {unit}", f"{d} {unit}", f"{drug} {d} {unit}", f"{d} {unit} {drug}",
                     f"the {d} {unit} dose"]
            arms.append(Arm(names[0], set(names[1:]) - {names[0]}, randomised=True))
        return arms
    return []


def doses_of_one_drug(text: str, arms: list[Arm]) -> list[Arm]:
    """'pelgolimab with lumbratinib 20 mg QD or lumbratinib 14 mg QD': the randomised arms found all hold the drug
    whose two doses tell them apart (the doses are masked out of their names), so the doses are the arms."""
    doses = _one_drug_two_doses(text)
    drug = doses[0].name.split()[0].lower() if doses else ""
    settled = [a for a in arms if a.randomised]
    return doses if settled and all(re.search(rf"\b{re.escape(drug)}\b", a.name, re.I) for a in settled) else []


def find_randomised_doses(text: str) -> list[Arm]:
    """Each dose of a drug randomised at two or more doses is an arm ('10 µM trabedersen'), and so is the comparator."""
    m = DOSES_OF.search(text) if "dose" in text else None
    if not m:
        return _one_drug_two_doses(text)
    drug, unit = m.group("drug"), m.group("unit")
    arms = [Arm(f"{d} {unit} {drug}", {f"{d} {unit}", f"{drug} {d} {unit}"}, randomised=True)
            for d in re.findall(r"\d+(?:\.\d+)?", m.group("doses"))]
    if m.group("other"):
        _add_arm(arms, _clean(m.group("other")), None, randomised=True)
    return arms


# (an item may open with a receptor status: 'HR+/HER2- breast cancer (BC)')
COHORT_NAME = r"[a-z][\w+/ -]{2,50}?"
COHORT_LIST = re.compile(r"\bcohorts?\b[^.;:]{0,80}?:\s*(?P<items>" + COHORT_NAME + r"\s?\([A-Z][A-Za-z0-9/-]{1,10}\)"
                         r"(?:\s*,\s*(?:and\s+)?" + COHORT_NAME + r"\s?\([A-Z][A-Za-z0-9/-]{1,10}\)){0,5}"
                         r",?\s+and\s+" + COHORT_NAME + r"\s?\([A-Z][A-Za-z0-9/-]{1,10}\))", re.I)
COHORT_ITEM = re.compile(r"(?:^|,|\band\b)\s*(?P<name>" + COHORT_NAME + r")\s?\((?P<abbr>[A-Z][A-Za-z0-9/-]{1,10})\)", re.I)


def find_disease_cohorts(text: str) -> list[Arm]:
    """'Expansion cohorts were treated at the RP2D: leiomyosarcoma (LMS), dedifferentiated liposarcoma (DDLPS) and
    synovial sarcoma (SS)': each cohort is an arm, named by its abbreviation, which the text goes on to use."""
    m = COHORT_LIST.search(text) if "ohort" in text else None
    if not m:
        return []
    arms = []
    for item in COHORT_ITEM.finditer(m.group("items")):
        arm = Arm(item.group("abbr"), randomised=True)
        arm.aliases.update({item.group("name").strip(), f"{item.group('abbr')} cohort"})
        arms.append(arm)
    return arms if len(arms) >= 2 else []


DOSE_LEVEL_LABEL = re.compile(r"\b(DL-?\d{1,2}[a-z]?)(?=\s*[,:=(]\s*[\d~])")


def _labelled_dose_levels(text: str) -> list[Arm]:
    """'three dose levels (DL1, 25 x 10^6; DL2, 75 x 10^6; DL3, 150 x 10^6 cells)': levels defined by their
    labels, which the text then reports by ('88% at DL3')."""
    labels = list(dict.fromkeys(m.group(1) for m in DOSE_LEVEL_LABEL.finditer(text))) if "DL" in text else []
    if len(labels) < 2:
        return []
    arms = []
    for label in labels:
        arm = Arm(label, randomised=True)
        arm.aliases.update({f"dose level {label.lstrip('DL-')}", f"{label} cohort"})
        arms.append(arm)
    return arms


SUBGROUP_BEFORE = re.compile(r"\b(?:patients|pts|participants|those|women|men|subjects)\s+(?:with|who|without|harbou?ring|"
                             r"previously|aged|whose)\b[^.;,()]*$", re.I)


def _paren_aliases(arm: Arm, paren: str | None) -> None:
    """'(4 mg/kg ...; experimental group)', '(control group)': the role a bracket closes with names the arm."""
    role = re.search(r"(?:^\(|[,;]\s*)\s*(?:the\s+)?([A-Za-z][\w+/-]{0,14})\s+(?:arm|group)\s*\)$", (paren or "").strip())
    if role:
        arm.aliases.update({role.group(1), f"{role.group(1)} group", f"{role.group(1)} arm"})


# '(the triplet group, 209 patients)', '(the control arm; n = 150)': the name a bracket gives its arm, with its size
BRACKET_ROLE = re.compile(r"\(\s*(?:the\s+)?(?P<name>[a-z][\w+/-]{2,20}(?:\s[a-z][\w+/-]{2,20})?)\s+(?P<word>arm|group|cohort)"
                          r"\s*(?:[,;]\s*(?:[nN]\s?=\s?\d+|\d+\s+(?:patients|pts|participants|women|men|children|adults)))?\s*\)", re.I)


def _bracket_role_names(paren: str | None) -> list[str]:
    """'(the triplet group, 209 patients)': 'triplet group', then 'triplet' and 'the triplet'."""
    role = BRACKET_ROLE.fullmatch((paren or "").strip())
    if role is None or ARM_LETTER.fullmatch(f"{role.group('word')} {role.group('name')}"):
        return []
    name = " ".join(role.group("name").split())
    return [f"{name} {role.group('word').lower()}", name, f"the {name}"]


def _add_by_bracket_role(arms: list[Arm], description: str, paren: str | None) -> bool:
    """'either venetoclax and azacitidine plus the oral menin inhibitor X (the triplet group, 209 patients) or ...':
    a description too long to be a name, named by the role its bracket gives it."""
    names = _bracket_role_names(paren)
    if not names or any(a.goes_by(names[0]) for a in arms):
        return False
    arms.append(Arm(names[0], {*names[1:], " ".join(description.split())}, randomised=True))
    return True


def _can_name_an_arm(name: str, numbered_ok: bool = False) -> bool:
    """Not a clause, a number, a unit or a history the patterns caught instead of a treatment's name."""
    words = name.lower().split()
    group_word = len(words) == 2 and words[1] in ("group", "arm") and words[0] in GENERIC_ADJECTIVES  # 'trial group'
    return not (not words or (words[0] in NOT_ARM_START and not CHOICE_OF.match(name) and not group_word) or len(words) > 6
                or (STANDALONE_NUMBER.search(name) and not (numbered_ok and ARM_LETTER.fullmatch(name)))
                or (len(words) == 1 and words[0] in NOT_ARM_WORDS) or (any(w in NOT_TREATMENT_WORDS for w in words) and not group_word))


def _add_pair(arms: list[Arm], m: re.Match[str]) -> bool:
    """A sentence's two arms, groups 'a' and 'b' with their brackets 'pa' and 'pb': both added, or neither."""
    first, second = _clean(m.group("a")), _clean(m.group("b"))
    if not (first and second and first.lower() != second.lower() and _add_arm(arms, first, m.group("pa"), randomised=True)):
        return False
    if not _add_arm(arms, second, m.group("pb"), randomised=True):
        arms.pop()
        return False
    return True


def _add_arm(arms: list[Arm], name: str, paren: str | None, randomised: bool = False, numbered_ok: bool = False) -> bool:
    """Add or merge a name; False when it cannot be an arm."""
    if not _can_name_an_arm(name, numbered_ok):
        return False
    if any(a.goes_by(name) for a in arms):
        return True
    same = None if randomised else same_arm(arms, name)
    if same is not None:
        same.aliases.add(name)
        return True
    settled = [a for a in arms if a.randomised]
    if not randomised and len(settled) >= 2:
        # the randomisation named every arm: a later name is another name for one of them, or no arm
        role = _by_role(settled, name)
        if role is not None:
            role.aliases.add(name)
        return True
    arm = Arm(name, randomised=randomised)
    for part in re.findall(r"\([^()]*\)", paren or ""):
        letter = ARM_LETTER.search(part)
        if letter and re.fullmatch(r"\(\s*(?:[^()]*[,;]\s*)?(?:arm|group|cohort)\s+\w\s*(?:[,;][^()]*)?\)", part, re.I):
            arm.aliases.add(f"{letter.group(1).lower()} {letter.group(2).upper()}")  # '(arm A)'
        pieces = re.split(r"\s*[;,]\s*", part.strip("() "))
        if len(pieces) > 1 and any(ARM_LETTER.fullmatch(p) for p in pieces):
            # '(Arm B; Rav-P)': the letter and the short name the text goes on to use
            arm.aliases.update(p for p in pieces if re.fullmatch(r"[A-Za-z][\w+/-]{0,11}", p) and any(c.isupper() for c in p)
                               and not ARM_LETTER.fullmatch(p))
        names = re.split(r"\s*;\s*", part.strip("() "))
        if len(names) > 1 and all(re.fullmatch(r"[A-Za-z][\w+/-]*(?: [a-z][\w-]*){0,2}", p) for p in names):
            arm.aliases.update(names)  # '(tavrecabtagene autoleucel; tavre-cel)': the generic name and its short form
        named = re.search(r"(?:^\(|[,;]\s*)([A-Za-z][\w+/-]{0,12})\s+(?:arm|group)\s*\)$", part.strip())
        if named and not ARM_LETTER.fullmatch(named.group(0).strip(",; ()")):
            arm.aliases.add(named.group(1))  # '(350 mg/m2 daily, RT-5-FU arm)'
        label = re.fullmatch(r"\(\s*(?:the\s+)?([A-Za-z][\w+/-]{2,20}|[A-Za-z][\w-]{1,15}\s\+\s[A-Za-z][\w-]{0,10})\s*[;,]\s*[nN]\s?=\s?\d+\s*\)", part.strip()) \
            or re.fullmatch(r"\(\s*the\s+[\"“']?([A-Za-z][\w+/-]{2,20})[\"”']?((?:\s+(?:arm|group))?)\s*\)", part.strip()) \
            or re.fullmatch(r"\(\s*((?:the\s+)?(?:control|comparator|reference|experimental|investigational)(?:\s+(?:arm|group))?)\s*\)", part.strip(), re.I)
        if label:
            arm.aliases.add(label.group(1))  # '(the triplet; n=133)', '(the comparator arm)': the name the text goes on to use
            if label.lastindex and label.lastindex > 1 and label.group(2):
                arm.aliases.add(label.group(1) + label.group(2))  # '(the "triplet" arm)': 'triplet' and 'triplet arm'
        sized = re.fullmatch(r"\(\s*(?:the\s+)?([\w+/-]{2,20}(?:\s[\w+/-]{1,20}){0,2}?)\s+(arm|group|cohort)\s*[;,]\s*[nN]\s?=\s?\d+\s*\)",
                             part.strip(), re.I)
        if sized and not ARM_LETTER.fullmatch(f"{sized.group(2)} {sized.group(1)}") and re.search(r"[A-Za-z]", sized.group(1)):
            arm.aliases.update({sized.group(1), f"{sized.group(1)} {sized.group(2)}"})  # '(the 5-FU/LV group, n = 92)'
        arm.aliases.update(_bracket_role_names(part) if not sized else ())  # '(the triplet group, 209 patients)'
        abbreviation = ABBREVIATION.match(part.strip())
        if abbreviation and (any(c.isupper() for c in abbreviation.group(1)) or re.fullmatch(r"[a-z]+-[a-z]+", abbreviation.group(1))):
            arm.aliases.add(abbreviation.group(1))
        generic = re.fullmatch(r"\(\s?([a-z]+(?:-[a-z]{3,4})?)\s?\)", part.strip())
        if generic and DISTINCTIVE.match(generic.group(1).split("-")[0]):
            arm.aliases.add(generic.group(1))  # 'VELMORA (zentumab)': the generic name is the arm's other name
    arms.append(arm)
    return True


def same_arm(arms: list[Arm], name: str) -> Arm | None:
    """'the pembrolizumab arm' after 'fiaxolimab plus pembrolizumab or pembrolizumab plus placebo'
    is the second arm, not a third: the same core name, or the only arm whose name holds it."""
    core = core_name(name).lower()
    exact = [a for a in arms if core_name(a.name).lower() == core]
    if exact:
        return exact[0]
    words = set(re.findall(r"[\w+-]+", core))
    holding = [a for a in arms if words and words <= set(re.findall(r"[\w+-]+", a.name.lower()))]
    if not holding and len(words) == 1 and not re.search(r"[-+/]", core):
        # 'telvotamab' is the 'telvotamab-lenalidomide' arm when no other arm holds it
        holding = [a for a in arms if core in re.findall(r"[^\W_]+", a.name.lower())]
    return holding[0] if len(holding) == 1 else None


CONTROL = re.compile(r"\b(?:placebo|chemotherapy|chemo|standard|control|observation|investigator'?s\s+choice|best\s+supportive|alone|no\s+\w+|"
                     r"usual\s+care|SOC|BSC|comparator|physician'?s\s+choice)\b", re.I)
DRUG_CLASS = re.compile(r"^(?:the\s+)?(?:ADC|antibody[\s-]drug\s+conjugate|bispecific|CAR[\s-]?T|cell\s+therapy|combination|"
                        r"antibody|vaccine|inhibitor|investigational\s+(?:drug|agent|arm)|experimental(?:\s+arm)?|study\s+drug)$", re.I)


def _control_like(arms: list[Arm]) -> list[Arm]:
    """Arms whose name reads as a comparator ('placebo', 'chemotherapy alone'), not as a drug class ('the ADC')."""
    return [a for a in arms if CONTROL.search(a.name) and not DRUG_CLASS.search(a.name)]


def experimental_arm(arms: list[Arm]) -> Arm | None:
    """Of two randomised arms, the one that is not the control ('placebo', 'standard therapy', 'chemotherapy')."""
    settled = [a for a in arms if a.randomised] or arms
    if len(settled) != 2:
        return None
    control = _control_like(settled)
    if len(control) == 2:  # 'perioperative chemotherapy' or 'surgery alone': 'alone' marks the control
        control = [a for a in settled if STRONG_CONTROL.search(a.name)]
    if not control:  # 'LF or docetaxel': the arm of cytotoxic drugs only is the control, against one with none
        control = [a for a in settled if _cytotoxic_only(a.name)]
        if any(CHEMO_LIKE.search(a.name) for a in settled if a not in control):
            control = []  # 'idarubicin or mitoxantrone': two chemotherapies, no control by kind
    return next(a for a in settled if a is not control[0]) if len(control) == 1 else None


CHEMO_LIKE = re.compile(r"(?:rubicin|platin|taxel|mustine|xantrone|tecan|fosfamide|abine|trexate|mycin|vin[eo]|poside|bazine|"
                        r"uracil|gemcitabine|pemetrexed)\b", re.I)


def _cytotoxic_only(name: str) -> bool:
    drugs = [w for w in re.split(r"[^\w-]+", name) if w and w.lower() not in ("and", "plus", "with", "alone", "or")]
    return bool(drugs) and all(CYTOTOXIC.match(w) for w in drugs)


STRONG_CONTROL = re.compile(r"\b(?:placebo|alone|observation|control|standard|best\s+supportive|usual\s+care|no\s+\w+)\b", re.I)


def _by_role(arms: list[Arm], name: str) -> Arm | None:
    """Two randomised arms: 'chemotherapy', 'placebo', 'standard of care' name the control arm; 'the ADC',
    'the bispecific' the experimental one."""
    if len(arms) != 2:
        return None
    control = _control_like(arms)
    control_arm = control[-1] if len(control) == 1 else arms[1]
    other = arms[0] if control_arm is arms[1] else arms[1]
    alone = re.search(r"\b([\w-]+)\s+alone\b", control_arm.name, re.I)
    if alone and re.fullmatch(r"(?:the\s+)?(?:chemotherapy|chemo|perioperative\s+chemotherapy|adjuvant\s+chemotherapy)", name.strip(), re.I) \
            and alone.group(1).lower() not in ("chemotherapy", "chemo"):
        return other  # 'surgery alone' against chemotherapy plus surgery: the chemotherapy is the other arm's
    if CONTROL.search(name) and not CONTROL.search(other.name):
        return control_arm
    if DRUG_CLASS.match(name.strip()):
        return other
    return None


@dataclass(frozen=True)
class ArmMention:
    start: int
    end: int
    arm: int


def arm_mentions(text: str, start: int, end: int, arms: list[Arm], order_words: bool = True) -> list[ArmMention]:
    """Every mention of a known arm in [start, end): names, abbreviations, 'the combination'."""
    spelled: list[tuple[str, int]] = []
    for index, arm in enumerate(arms):
        for name in {arm.name, *arm.aliases}:
            spelled.append((name, index))
            if not arm.combination and not name.lower().endswith("alone"):
                spelled.append((name + " alone", index))
    found: list[ArmMention] = []
    letters = {name.split()[1].upper(): i for i, a in enumerate(arms) for name in (a.name, *a.aliases)
               if ARM_LETTER.fullmatch(name)}
    for m in ARMS_LIST.finditer(text, start, end):
        for g in (2, 3, 4):
            if m.group(g) and m.group(g).upper() in letters:
                _keep(found, ArmMention(m.start(g), m.end(g), letters[m.group(g).upper()]))
    for m in LETTER_PAIR.finditer(text, start, end) if letters else ():
        if m.group(1) in letters and m.group(2) in letters:  # 'HR for PFS, A vs C: 0.46': the lettered arms
            _keep(found, ArmMention(m.start(1), m.end(1), letters[m.group(1)]))
            _keep(found, ArmMention(m.start(2), m.end(2), letters[m.group(2)]))
    for name, index in sorted(spelled, key=lambda x: len(x[0]), reverse=True):
        for s, e in _name_spans(text[start:end], name):
            _keep(found, ArmMention(start + s, start + e, index))
    ordered = _order_words(text, start, end, arms) if order_words else []
    for pattern, index in [*_role_words(arms), *_experiment_and_control_words(arms), *ordered]:
        for m in pattern.finditer(text, start, end):
            _keep(found, ArmMention(m.start(), m.end(), index))
    return sorted(found, key=lambda a: a.start)


FORMER = re.compile(r"\bthe\s+former\b", re.I)
LATTER = re.compile(r"\bthe\s+latter\b", re.I)


def _order_words(text: str, start: int, end: int, arms: list[Arm]) -> list[tuple[re.Pattern[str], int]]:
    """Of two arms, 'the former' is the one named first and 'the latter' the other ('commoner with the latter'): first
    in the sentence before, when it names one ('38% of those given chemotherapy ... and 15% of those treated with surgery
    alone. Median survival was 6.2 years for the former'), else first in the randomisation."""
    if len(arms) != 2 or not (FORMER.search(text, start, end) or LATTER.search(text, start, end)):
        return []
    first = _first_arm_named_before(text, start, arms)
    former = first if first is not None else 0
    return [(FORMER, former), (LATTER, 1 - former)]


def _first_arm_named_before(text: str, start: int, arms: list[Arm]) -> int | None:
    """The arm the sentence before names first, unless that sentence is the randomisation (whose order stands)."""
    stop = text.rfind(". ", 0, max(0, start - 2))
    before = stop + 2 if stop != -1 else 0
    if not start or re.search(ASSIGNED, text[before:start], re.I):
        return None
    named = arm_mentions(text, before, start, arms, order_words=False)
    return named[0].arm if named else None


def _role_words(arms: list[Arm]) -> list[tuple[re.Pattern[str], int]]:
    """'the combination' names the one combination arm; 'monotherapy' the one arm that is not a combination
    (with three arms, the one whose drug the combination holds: 'X plus Y, X monotherapy, or sunitinib')."""
    combos = [i for i, a in enumerate(arms) if a.combination]
    if len(combos) != 1:
        return []
    singles = [i for i, a in enumerate(arms) if not a.combination]
    if len(arms) > 2:  # the single agent is the one the combination is built on: 'X monotherapy' beside 'X plus Y'
        partner = {w for w in re.findall(r"[a-z][\w-]{3,}", arms[combos[0]].name.lower())}
        singles = [i for i in singles if partner & set(re.findall(r"[a-z][\w-]{3,}", arms[i].name.lower()))]
    words = [(COMBINATION_WORDS, combos[0])]
    return words + [(SINGLE_WORDS, singles[0])] if len(singles) == 1 else words


# a write-up's names for the two arms of a trial: 'the new drug', 'standard care', 'the comparator arm'
EXPERIMENTAL_WORDS = re.compile(r"\b(?:the\s+)?(?:new|experimental|investigational|study)\s+(?:drug|treatment|therapy|medicine|"
                                r"pill|regimen|agent)\b|\bthe\s+(?:cell\s+therapy|CAR[\s-]?T(?:[\s-]cell)?(?:\s+therapy)?|bispecific(?:\s+antibody)?|"
                                r"ADC|antibody[\s-]drug\s+conjugate|(?:new\s+)?conjugate|newcomer)\b", re.I)
CONTROL_WORDS = re.compile(r"\b(?:standard[\s-]of[\s-]care|standard\s+(?:care|treatment|therapy)|usual\s+care|"
                           r"the\s+(?:control|comparator)(?:\s+(?:group|arm))?)\b", re.I)


def _experiment_and_control_words(arms: list[Arm]) -> list[tuple[re.Pattern[str], int]]:
    experimental = experimental_arm(arms) if len(arms) == 2 else None
    if experimental is None:
        return []
    index = arms.index(experimental)
    return [(EXPERIMENTAL_WORDS, index), (CONTROL_WORDS, 1 - index)]


LETTER_PAIR = re.compile(r"(?<![\w-])([A-D])\s+(?:vs\.?|versus)\s+([A-D])(?![\w-])")
NAME_TAIL = re.compile(r"s?(?:-(?:treated|based|containing))?(?![\w-])", re.I)


def _name_spans(text: str, name: str) -> list[tuple[int, int]]:
    """Where ``text`` names the arm ``name`` ('pembrolizumabs', 'X-treated'), case-insensitively.

    Same spans as the pattern of ``_name_pattern``, found without compiling a pattern per arm name
    (that compiling was a tenth of a run): for an ASCII name in a text whose lower-casing keeps its
    length and has none of the letters re.I equates with ASCII ones (prefilter.ASCII_LOOKALIKES),
    matching the name with re.I is comparing lower-cased strings, and its boundaries are checked
    with the same rules.
    """
    key = name.lower()
    low = text.lower()
    if not (key and name.isascii() and len(low) == len(text)) or ASCII_LOOKALIKES.search(text):
        return [m.span() for m in _name_pattern(name).finditer(text)]
    spans, pos = [], 0
    while (at := low.find(key, pos)) != -1:
        tail = None if at and (low[at - 1].isalnum() or low[at - 1] in "_-") else NAME_TAIL.match(text, at + len(key))
        if tail is None:
            pos = at + 1
            continue
        spans.append((at, tail.end()))
        pos = tail.end()
    return spans


@lru_cache(maxsize=256)
def _name_pattern(name: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])" + re.escape(name) + NAME_TAIL.pattern, re.I)


def _keep(found: list[ArmMention], mention: ArmMention) -> None:
    if not any(f.start < mention.end and mention.start < f.end for f in found):
        found.append(mention)


def applies_to_all_arms(text: str, pos: int) -> bool:
    """'median not reached in either arm' states one value for every arm."""
    return bool(ALL_ARMS.match(text[pos:pos + 30]))


QUALIFIED_ARMS = re.compile(r"^[\s,]*(?:in|for|across)\s+(?:either|both|all|each)\s+(?:of\s+the\s+)?(?P<word>[\w+-]{3,})\s+"
                            r"(?:arms?|groups?|cohorts?)\b", re.I)


def arms_named_together(text: str, pos: int, arms: list[Arm]) -> list[int]:
    """'not reached in either A-drug arm': the arms whose names hold that word, when two or more do."""
    m = QUALIFIED_ARMS.match(text[pos:pos + 60])
    if not m:
        return []
    word = m.group("word").lower()
    named = [k for k, a in enumerate(arms) if any(re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", n.lower())
                                                  for n in (a.name, *a.aliases))]
    return named if len(named) >= 2 else []


GROUP_SIZE = re.compile(r"(?<![\d.,])\b\d+(?=\s+(?:(?:evaluable|eligible|assessable|randomi[sz]ed)\s+)?(?:patients|pts|participants|subjects)\b|\s*$)")


def following_arm(text: str, value_end: int, next_value_start: int, mentions: list[ArmMention]) -> int | None:
    """The arm named right after a value ('7.4 months with X', '36% of patients receiving X')."""
    for a in mentions:
        if a.start < value_end:
            continue
        if a.start - value_end > 60:
            return None
        gap = text[value_end:a.start]
        gap = re.sub(r"\([^()]*\)|\[[^\[\]]*\]", " ", gap)
        if a.start > next_value_start and (re.search(r"\d", gap) or not re.match(r"\s*[(\[]", text[value_end:next_value_start])):
            return None  # the next value stands between; unless in a bracket right after this one: '81% (CR 64%) for LBCL'
        gap = GROUP_SIZE.sub(" ", gap)  # 'ORR was 23% for 52 X-treated patients': a group's size is no value
        gap = re.sub(r"^\s*[\])]\s*of\s+\d+(?=\s+(?:in|on|with|receiving|given|treated)\b)", " ", gap)  # '23 [10%] of 233 in the X group'
        if re.search(r"[;.]|\d", gap):
            return None
        words = re.sub(r"^\s*(?:months?|weeks?|days?|years?|%)?[\s,]*(?:respectively[\s,]*)?", "", gap).strip(" ,(").lower()
        words = re.sub(r"\b(?:of\s+)?(?:patients?|those|participants|subjects|men|women|people|adults|children|pts)\b", " ", words)
        words = re.sub(r"\b(?:taking|given|who\s+(?:received|took|got|were\s+given))\b", " receiving ", words)
        if CONNECTOR.fullmatch(words.strip()) or not words.strip():
            return a.arm
        if re.search(r"\b(?:while|whereas|but|although|compared|versus|vs)\b", words):
            return None  # ', while those on standard care lived ...': the next clause's subject
        if re.fullmatch(r"(?:[\w-]+\s+){0,3}?(?:with|on|receiving|in|for|after|following|among|(?:responded|assigned|randomi[sz]ed)\s+to)\s*(?:the\s*)?",
                        words.strip() + " "):
            return a.arm
        return None
    return None


ARM_JOINER = re.compile(r"^\s?(?:(?:arms?|groups?|regimens?|cohorts?),?\s)?(?:,|and|or|&|vs\.?|versus|,\s?and)\s?(?:the\s)?$", re.I)


# 'in the corvalimab-chemotherapy, dual-immunotherapy and chemotherapy groups': one item of the list is a name the arm
# was never given; with every other arm named, it is the one left
ONE_UNKNOWN_BETWEEN = re.compile(r"\s?,\s?(?:the\s)?(?P<name>[A-Za-z][\w+/-]*(?:[\s-][A-Za-z][\w+/-]*){0,2}?)\s?,?\s(?:and|or)\s(?:the\s)?$", re.I)


def arm_lists(text: str, mentions: list[ArmMention], n_arms: int = 0) -> list[list[ArmMention]]:
    """Runs of distinct arms joined by 'and', commas or 'vs': 'for arm A and B', 'for XEC and FEC'."""
    runs: list[list[ArmMention]] = []
    for a in mentions:
        if runs and ARM_JOINER.match(text[runs[-1][-1].end:a.start]) and a.arm not in {x.arm for x in runs[-1]}:
            runs[-1].append(a)
            continue
        gap = ONE_UNKNOWN_BETWEEN.fullmatch(text, runs[-1][-1].end, a.start) if runs and n_arms >= 3 else None
        if gap and len(runs[-1]) + 2 == n_arms:
            missing = set(range(n_arms)) - {x.arm for x in runs[-1]} - {a.arm}
            if len(missing) == 1:
                runs[-1] += [ArmMention(gap.start("name"), gap.end("name"), missing.pop()), a]
                continue
        runs.append([a])
    return [r for r in runs if len(r) > 1]


def preceding_arm(value_start: int, mentions: list[ArmMention], sentence_start: int) -> int | None:
    before = [a for a in mentions if sentence_start <= a.start and a.end <= value_start]
    return before[-1].arm if before else None


# --- subgroups and dose cohorts reported like arms ------------------------------------------------

GROUP = (r"(?:the\s+)?(?:\d+\s+)?(?:patients|participants|those|women|men|subjects|pts)\s+(?:with|who|previously|without|aged|receiving|treated|"
         r"exposed|refractory|harbou?ring|whose)\b(?:[^,;.()]|(?<=\d)\.(?=\d)){2,60}?(?=\s*(?:[,;.()]|\band\b|\bthe\b|\bwas\b|\bwere\b|$))"
         r"|the\s+recommended(?:\s+phase\s+(?:2|II))?\s+dose(?:\s+level)?"
         r"|(?:the\s+)?\d[\d.,]*\s?(?:mg|μg|µg|mcg|ug|g)(?:/kg|/m\^?2)?(?:\s+[a-z]+){0,2}\s+(?:cohort|dose\s+level|level|group|arm)")
ANALYSIS_OF = r"(?:an?\s+|the\s+)?(?:(?:exploratory|pre-?specified|post[\s-]hoc|subgroup|subset)\s+)*analys[ie]s\s+(?:of|in|among)\s+"
ASIDE = r"(?:\s*\([^()]{0,80}\))?"
DESCRIBED_PATIENTS = (r"(?!(?:all|the|these|those|evaluable|treated|enrolled|assessable|efficacy|response|randomi[sz]ed|\d)\b)"
                      r"[A-Za-z][\w-]*(?:\s[A-Za-z][\w-]*){0,2}\s+(?:patients|women|men|pts|participants)\b")
# 'Among node-positive women, ...'; a bullet's head 'Node-positive women: pCR of 58.0% and 51.5%'
LEADING_GROUP = re.compile(rf"[\s•*-]*(?:(?:At|In|Among|For)\s+(?:{ANALYSIS_OF})?(?P<group>{GROUP}|{DESCRIBED_PATIENTS}){ASIDE}\s*,"
                           rf"|(?P<head>{GROUP}|{DESCRIBED_PATIENTS}){ASIDE}\s*:)", re.I)
# 'Results were consistent in patients with POD24, with a median PFS of 24.1 months'
INNER_GROUP = re.compile(rf"\b(?:in|among)\s+(?:{ANALYSIS_OF})?(?P<group>{GROUP}){ASIDE}\s*,", re.I)
# '52% at 400 mg and 37% at 200 mg': a bare dose right after a value is its dose cohort
BARE_DOSE = (r"\d[\d.,]*\s?(?:mg|μg|µg|mcg|ug)(?:/kg|/m\^?2)?(?=\s*(?:[,;.)]|\band\b|\bvs\.?|\bversus\b|\brespectively\b|$))")
TRAILING_GROUP = re.compile(rf"^[\s,]*(?:of\s+(?:the\s+)?patients\s+)?(?:at|in|among|for)\s+(?P<group>{GROUP}|{DESCRIBED_PATIENTS}|(?<=at\s){BARE_DOSE})", re.I)


POPULATION_WORDS = re.compile(r"\b(?:measurable|evaluable|assessable|treated|enrolled|randomi[sz]ed|all\s+patients|"
                              r"(?:dose[\s-])?(?:expansion|escalation)\s+(?:cohorts?|phase|part)|^(?:dose[\s-])?(?:expansion|escalation|pooled|primary|main)$|"
                              r"(?:received|receiving)\s+(?:the\s+|at\s+least\s+one\s+dose\s+of\s+(?:the\s+)?)?"
                              r"(?:drug|study\s+drug|treatment|therapy|infusion|study\s+treatment))\b", re.I)


def group_name(phrase: str) -> str | None:
    """'the 48 patients previously exposed to X' -> 'patients previously exposed to X'; 'patients with
    measurable disease' is the analysis population, not a subgroup."""
    if POPULATION_WORDS.search(phrase):
        return None
    return re.sub(rf"^(?:the\s+)?(?:(?!{DOSE})\d+\s+)?", "", phrase.strip(), flags=re.I)


# 'At 800 µg/kg every week (n = 52), the overall response rate was 77 percent': a dose cohort opening the sentence
LEADING_DOSE = re.compile(r"[\s•*-]*At\s+(?:the\s+)?(?P<group>\d[\d.,]*\s?(?:mg|μg|µg|mcg|ug)(?:/kg|/m\^?2)?)(?:\s+[a-z]+){0,3}"
                          r"\s*(?:\(\s?[nN]\s?=\s?\d+\s?\))?\s*,", re.I)


# 'In the triple-negative group (n = 63), ...', 'In the HRD-positive population, ...', 'In the subgroup of patients
# previously treated with regorafenib (n=139), ...'
LEADING_POPULATION = re.compile(
    r"[\s•*-]*(?:In|Among|For)\s+the\s+(?:(?P<group>[\w≥≤<>%+/.-]+(?:[\s-][\w≥≤<>%+/.-]+){0,3}?)"
    r"(?:\s?\((?P<short>[A-Za-z][\w≥≤<>%+/.-]{1,11})\))?\s+(?:group|subgroup|subset|cohort)"  # 'mismatch repair-deficient (dMMR)'"
    r"|(?:subgroup|subset)\s+of\s+(?:patients|pts|participants|those)\s+(?P<who>[^,;.()]{3,60}?))\s*(?:\([^()]*\))?\s*,"
    # 'In CLL/SLL (n=78 evaluable), ORR was 82%': a disease cohort named by its acronym and size
    r"|[\s•*-]*(?:In|Among)\s+(?P<acr>(?-i:[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*(?:/[A-Z][A-Za-z0-9]*)*))\s*\(\s*[nN]\s?=\s?\d+[^()]*\)\s*,", re.I)


SIZE_WORD = re.compile(r"^(?:smaller|larger|small|large|bigger)\s+(?=\S)", re.I)


def leading_population(text: str, sentence_start: int, sentence_end: int) -> str | None:
    """A named population or subgroup opening the sentence; the analysis population itself is none."""
    m = LEADING_POPULATION.match(text, sentence_start, sentence_end)
    if m is None:
        return None
    if m.group("who"):
        return m.group("who").strip()  # 'the subgroup of patients previously treated with regorafenib'
    if m.group("acr"):
        return None if m.group("acr").upper() in ("ITT", "MITT", "PP", "ALL-COMERS") else m.group("acr")
    name = SIZE_WORD.sub("", (m.group("short") or m.group("group")).strip())  # 'the smaller KMT2A-rearranged group'
    if POPULATION_WORDS.search(name) or re.fullmatch(r"(?:overall|entire|whole|total|study|safety|efficacy|itt|pp|same|other|two|three|both|each|all)", name, re.I):
        return None
    return name


def leading_group(text: str, sentence_start: int, sentence_end: int, first_value: int | None = None) -> str | None:
    """'Among the 48 patients previously exposed to BCMA-directed therapy, the ORR was 35%.'; also a
    group set off by a comma before the sentence's first value ('Results were consistent in patients
    with POD24, with a median PFS of 24.1 months')."""
    dose = LEADING_DOSE.match(text, sentence_start, sentence_end)
    if dose:
        return dose.group("group")
    m = LEADING_GROUP.match(text, sentence_start, sentence_end)
    if m is None and first_value is not None:
        m = INNER_GROUP.search(text, sentence_start, first_value)
    return group_name(m.group("group") or m.group("head")) if m else None


def trailing_group(text: str, value_end: int, limit: int) -> str | None:
    """'CR rates were 36% in patients with prior CAR T'; '7.6 months at the recommended dose'."""
    m = TRAILING_GROUP.match(text[value_end:limit])
    return group_name(m.group("group")) if m else None


def subgroup_label(group: str) -> str:
    """'patients with ESR1 mutations' -> 'ESR1 mutations', as a qualifier after an arm's name."""
    label = re.sub(r"^(?:patients|participants|those|women|men|subjects|pts)\s+(?:with|who\s+had|harbou?ring|"
                   r"whose\s+(?:tumou?rs\s+)?(?:had|have|expressed|were|was)|whose)\s+", "", group, flags=re.I)
    return re.sub(r"\s+(?:patients|participants|subjects|pts|women|men)$", "", label, flags=re.I)  # 'cisplatin-ineligible patients'


# 'Oltaleucel is an autologous tumour-infiltrating lymphocyte (TIL) product': the abbreviation names that arm too
IS_A_PRODUCT = re.compile(r"\b(?P<name>[A-Za-z][\w-]{3,30})\s+(?:is|was)\s+an?\s+[^.;()]{3,80}?\((?P<abbr>[A-Z][A-Za-z0-9-]{1,8})\)")


def product_abbreviations(text: str, arms: list[Arm]) -> None:
    """An arm described as 'a ... (ABBR) product' also goes by that abbreviation."""
    if " is a" not in text and " was a" not in text:
        return
    for m in IS_A_PRODUCT.finditer(text):
        arm = next((a for a in arms if a.goes_by(m.group("name"))), None)
        if arm is not None and not any(a.goes_by(m.group("abbr")) for a in arms):
            arm.aliases.add(m.group("abbr"))


def plus_spellings(arms: list[Arm]) -> None:
    """'OSTRAVEN plus chemotherapy' is also written 'OSTRAVEN + chemotherapy' (and the other way round): both
    spellings are the arm's, so either finds it and the record lists the one the text used."""
    for arm in arms:
        for name in [arm.name, *arm.aliases]:
            if re.search(r"\splus\s", name):
                arm.aliases.add(re.sub(r"\s+plus\s+", " + ", name))
            elif re.search(r"\s\+\s", name):
                arm.aliases.add(re.sub(r"\s+\+\s+", " plus ", name))


# cytotoxic drugs and regimens: an arm made only of them is the 'chemotherapy' a report sets the new agent against
CYTOTOXIC = re.compile(r"^(?:\w+platin|\w+taxel|\w+rubicin|gemcitabine|capecitabine|fluorouracil|5-?FU|pemetrexed|etoposide|"
                       r"cyclophosphamide|irinotecan|topotecan|lurbinectedin|vinorelbine|vincristine|eribulin|bendamustine|"
                       r"temozolomide|dacarbazine|ifosfamide|mitomycin|methotrexate|cytarabine|fludarabine|trabectedin|"
                       r"FOLFOX|FOLFIRI|FOLFIRINOX|XELOX|CAPOX|CHOP|GemCis|GC|PC|CE|EP|leucovorin|LV|S-1)$", re.I)


def _chemotherapy_of_three(arms: list[Arm]) -> None:
    """'X plus carboplatin and paclitaxel, X plus Y, or carboplatin and paclitaxel alone': the one arm made of cytotoxic
    drugs only is the text's 'chemotherapy (alone)', and the arms that add a drug to the same ones are 'X plus chemotherapy'."""
    if any("chemotherapy" in n.lower() for a in arms for n in (a.name, *a.aliases)):
        return  # the text names its chemotherapy arm itself
    pure = [a for a in arms if _cytotoxic_only(a.name)]
    if len(pure) != 1:
        return
    backbone = re.sub(r"\s+alone$", "", pure[0].name, flags=re.I)
    pure[0].aliases.update({"chemotherapy", "chemotherapy alone"})
    for arm in arms:
        if arm is not pure[0] and backbone.lower() in arm.name.lower():
            added = re.sub(re.escape(backbone), "chemotherapy", arm.name, flags=re.I)
            arm.aliases.update({added, re.sub(r"\s+(?:plus|with|and|\+)\s+chemotherapy$", "-chemotherapy", added)})


def _cytotoxic_choice(text: str) -> bool:
    return any(CYTOTOXIC.match(word) for m in re.finditer(r"\bchoice\s+of\s+([^.;()]{3,120})", text, re.I)
               for word in re.split(r"[^\w-]+", m.group(1)))


def chemotherapy_alias(text: str, arms: list[Arm]) -> None:
    """'Anaemia was more frequent with chemotherapy (19% vs 6%)' after 'X plus Y or gemcitabine-cisplatin': of two
    arms, the only one whose names hold a cytotoxic drug is the text's 'chemotherapy'."""
    if len(arms) > 2 and "chemotherapy" in text.lower() and not any(a.goes_by("chemotherapy") for a in arms):
        _chemotherapy_of_three(arms)
    if len(arms) != 2 or "chemotherapy" not in text.lower() or any(a.goes_by("chemotherapy") for a in arms) \
            or any("placebo" in n.lower() for a in arms for n in (a.name, *a.aliases)):
        return  # 'X plus gemcitabine versus placebo plus gemcitabine': both arms have the chemotherapy
    chemo = [a for a in arms if any(CYTOTOXIC.match(word) for name in (a.name, *a.aliases) for word in re.split(r"[^\w-]+|-(?=[a-z])", name))]
    if not chemo:  # "their doctor's choice of paclitaxel or irinotecan": the choice arm, when its options are cytotoxic
        chemo = [a for a in arms if CHOICE_OF.match(a.name) and _cytotoxic_choice(text)]
    if len(chemo) == 1 and not any("chemo" in n.lower() for a in arms if a is not chemo[0] for n in (a.name, *a.aliases)):
        chemo[0].aliases.add("chemotherapy")
