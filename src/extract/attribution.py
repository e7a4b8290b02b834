"""Who a value belongs to: the trial named nearby and the arm the value was reported for."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .prefilter import ASCII_LOOKALIKES
from .segment import sections

# Words that look like trial names (capitals + number) but are genes, scales, meetings or codes.
NOT_TRIALS = frozenset("""
ECOG GRADE PHASE STAGE COVID CYCLE CYCLES TABLE FIGURE CTCAE NCCN RECIST LUGANO IMWG ESMO ASCO AACR SABCS ICML
EBMT WCLC ASTRO ASH EHA ISTH IASLC CTLA BRCA NTRK ERBB GPRC SLAMF PIK3CA CDKN FLT3 NOTCH JAK2 TP53 KMT2A DNMT3A IDH1
IDH2 CD19 CD20 CD22 CD30 CD38 CD79 BCMA HER2 HER3 TROP2 NECTIN CLDN18 DLL3 MAGE PRAME SMARCB1 CCND1 MYD88
NCT ISRCTN EUDRACT PMID DOI VERSION AJCC WHO FDA EMA NICE CART ORR PFS EFS DOR TEAE DLT ICANS DLBCL LBCL
NSCLC SCLC GRADES ARM ARMS DAY DAYS WEEK WEEKS MONTH MONTHS YEAR YEARS LINE LINES SLIDE PAGE PART COHORT DOSE LEVEL
AGE AGED PATIENT PATIENTS GROUP STEP STUDY TRIAL RANDOM TIER TYPE CLASS SCORE STAGE PUBLISHED
SPSS STATA PASI FORM SKINDEX ANOVA QLQ FACT BPI KPS EQ5D HADS MMSE NRS PTPN CSF EtCO2 APACHE ASA BMI GCS HBV HCV
HPV VERSION RELEASE ROUND VISIT WAVE PHASE TABLE APPENDIX SUPPLEMENT FIGURE MODEL
CONSORT STROBE PRISMA SPIRIT AFSSAPS ANCOVA MANOVA ICH GCP IRB NIH
VCAM ICAM VEGF VEGFR EGFR KRAS NRAS BRAF ALK ROS1 MET PDL1 PD-L1 TNF IL IFN MMP TGF HIF NAHCO3 NACL KCL IIEF
""".split())
NUMBERED_TRIAL = re.compile(
    r"\b([A-Z][A-Za-z]*[A-Z][A-Za-z]*|[A-Z]{4,})(?:(?:-?[ \t]?|-[ \t])(\d{1,4}[A-Za-z]?)|(?:-|[ \t])(I{1,3}|IV))(?![\w-])"
    r"(?![.,]\d|\s?\(\d|\s?(?:%|mg\b|μg|µg|mcg|patients|pts|months?\b|weeks?\b|vs\b))"
    r"|\b([A-Z]{4,}-[A-Z][a-z]+\d{1,3})\b"
    r"|\b([A-Z]{3,5}\d{3,5})\b(?=\s+(?:trial|study)\b)"  # 'BTH1677' alone is a drug code
)
NAMED_TRIAL = re.compile(r"\b([A-Z][A-Z0-9]{3,}(?:-[A-Z0-9]+)*)\s+(?:phase\s+\S+\s+)?(?:trial|study)\b|\(([A-Z][A-Z-]{4,})\)")


# a bare '(NAME)' is a trial only next to words that speak of trials or comparisons
TRIAL_CONTEXT = re.compile(r"trial|study|phase|randomi[sz]ed|vs|versus|compared|cohort|:", re.I)


@dataclass(frozen=True)
class TrialMention:
    start: int
    end: int
    name: str
    section: int


def _is_acronym_of_preceding(text: str, start: int, acronym: str) -> bool:
    """'large B-cell lymphoma (LBCL)' defines an abbreviation, it does not name a trial."""
    words = re.findall(r"[A-Za-z0-9]+", text[max(0, start - 120):start])
    initials = "".join(w[0].lower() for w in words[-2 * len(acronym):])
    letters = iter(initials)
    if acronym[0].lower() in initials and all(ch in letters for ch in acronym.lower()):
        return True
    # 'dedifferentiated liposarcoma (DDLPS)': the letters run through the last words, not only their initials
    for k in range(1, min(3, len(words)) + 1):
        tail = [w.lower() for w in words[-k:]]
        if tail[0][0] == acronym[0].lower() and tail[-1][0] in acronym.lower():
            letters = iter("".join(tail))
            if all(ch in letters for ch in acronym.lower()):
                return True
    return False


def _used_as_regimen(text: str, name: str) -> bool:
    """'(FOLFIRI)' names a regimen when the text also treats it as an arm or gives it with another drug.

    The matches of ``_regimen_pattern(name)``, found without compiling a pattern per name: for an
    ASCII name in a text whose lower-casing keeps its length and has none of the letters re.I
    equates with ASCII ones, matching the name with re.I is comparing lower-cased strings."""
    key = name.lower()
    low = text.lower()
    if not (key and name.isascii() and len(low) == len(text)) or ASCII_LOOKALIKES.search(text):
        return bool(_regimen_pattern(name).search(text))
    at = low.find(key)
    while at != -1:
        end = at + len(key)
        if _boundary(text, at) and REGIMEN_AFTER.match(text, end):
            return True
        before = at
        while before > 0 and text[before - 1].isspace():
            before -= 1
        if before < at and _boundary(text, end) and REGIMEN_BEFORE.search(text, max(0, before - 12), before):
            return True
        at = low.find(key, at + 1)
    return False


REGIMEN_AFTER = re.compile(r"\s+(?:arm|group|regimen|plus|\+|-based|chemotherapy|therapy|or|versus|vs\.?)\b", re.I)
REGIMEN_BEFORE = re.compile(r"\b(?:with|versus|vs\.?|plus|receive|receiving|received|and|or|to)$", re.I)


def _regimen_pattern(name: str) -> re.Pattern[str]:
    word = re.escape(name)
    return re.compile(rf"\b{word}\s+(?:arm|group|regimen|plus|\+|-based|chemotherapy|therapy|or|versus|vs\.?)\b|"
                      rf"\b(?:with|versus|vs\.?|plus|receive|receiving|received|and|or|to)\s+{word}\b", re.I)


def _boundary(text: str, i: int) -> bool:
    """Is there a regex word boundary (``\\b``) at ``i``?"""
    def word(ch: str) -> bool:
        return ch.isalnum() or ch == "_"
    return (i > 0 and word(text[i - 1])) != (i < len(text) and word(text[i]))


def _clean_name(name: str) -> str:
    return re.sub(r"\s*-\s*", "-", name.strip())


TRIAL_WORDS = re.compile(r"\b(?:trials?|stud(?:y|ies)|phase|randomi[sz]ed|NCT\d+|investigators?|enrolled|results?|data|"
                         r"cohorts?|arm|primary\s+endpoint|evaluated\s+in|in\s+which|participants|vs|versus|compared)\b", re.I)


def _spoken_of_as_trial(text: str, name: str) -> bool:
    """A numbered name is a trial's where the text speaks of it as one somewhere ('the ZUMA-7 trial',
    'KEYNOTE-189 enrolled ...'); 'NKTR-118', 'TIMP-1' or 'FOXP1' alone are a drug, a protein, a gene."""
    spelled = re.escape(name).replace(r"\-", r"[\s-]?").replace(r"\ ", r"[\s-]?")
    for m in re.finditer(rf"(?<![\w-]){spelled}(?![\w-])", text):
        if TRIAL_WORDS.search(text, max(0, m.start() - 60), min(len(text), m.end() + 60)):
            return True
    return False


def find_trials(text: str) -> list[TrialMention]:
    bounds = sections(text)

    def section_of(pos: int) -> int:
        return next((i for i, (s, e) in enumerate(bounds) if s <= pos <= e), len(bounds) - 1)

    found: dict[int, TrialMention] = {}
    for m in NUMBERED_TRIAL.finditer(text):
        if m.group(1):
            word, suffix = m.group(1), m.group(2) or m.group(3)
            letters = sum(c.isalpha() for c in word)
            if word.upper() in NOT_TRIALS or letters < 4 or (suffix.isdigit() and 1900 <= int(suffix) <= 2099):
                continue
            if word.isupper() is False and sum(c.isupper() for c in word) < 2:
                continue
            name = m.group(0)
            if name.isalnum() and _used_as_regimen(text, name):
                continue  # 'FOLFOX4', 'mFOLFOX6': a regimen spelled with its number
        else:
            name = m.group(4) or m.group(5)
            if any(name.upper().startswith(w) for w in NOT_TRIALS) or re.search(r"(?:19|20)\d\d$", name):
                continue
        found[m.start()] = TrialMention(m.start(), m.end(), _clean_name(name), section_of(m.start()))
    spoken_of = {name for name in {t.name for t in found.values()} if _spoken_of_as_trial(text, name)}
    found = {k: t for k, t in found.items() if t.name in spoken_of}
    for m in NAMED_TRIAL.finditer(text):
        name = m.group(1) or m.group(2)
        start = m.start(1) if m.group(1) else m.start(2)
        if name.upper() in NOT_TRIALS or any(start <= s < start + len(name) for s in found):
            continue
        if m.group(2) and (_is_acronym_of_preceding(text, m.start(), name) or _used_as_regimen(text, name)
                           or not TRIAL_CONTEXT.search(text[max(0, m.start() - 80):m.start()])):
            continue
        if m.group(1) and _is_acronym_of_preceding(text, start, name):
            continue
        found[start] = TrialMention(start, start + len(name), _clean_name(name), section_of(start))
    return sorted((t for t in found.values() if not NOT_A_TRIAL_NAME.fullmatch(t.name)), key=lambda t: t.start)


# a gene or receptor with its number ('FGFR2', 'KRAS G12C', 'EGFR') and a stage range ('IIIB-IV') are not trials
NOT_A_TRIAL_NAME = re.compile(r"(?:FGFR|EGFR|VEGFR?|PDGFRA?|KRAS|NRAS|HRAS|BRAF|ALK|ROS|MET|RET|KIT|MEK|ERK|CDK|PARP|AKT|MTOR|"
                              r"HIF|EZH|ATM|ARID|PTEN|MLH|MSH|BTK|BCL|MCL|WT|NPM|RUNX|ASXL|TET|XPO|ESR|AR|PD|CTLA|LAG|TIM|TIGIT|"
                              r"IL|TNF|TGF|FOX[A-Z]|SOX|MYC|STAT|TERT|SMAD|NOTCH|WNT|CYP|UGT|DPYD|TPMT|HLA|KIR)[-\s]?\d*[A-Z]?\d*"
                              r"|[IVX]+[ABC]?\s?[-/]\s?[IVX]+[ABC]?", re.I)


LONG_TEXT = 20000  # characters: longer is a full article, which cites other trials by name (slide decks and write-ups are shorter)


def own_trials(text: str, trials: list[TrialMention]) -> list[TrialMention]:
    """A full text names the trials it cites as well as its own; its own is in the title or named more than once,
    a cited one usually once ('... as in RECORD-1 [12]'). Abstracts and write-ups keep every name."""
    if len(text) <= LONG_TEXT:
        return trials
    title_end = text.find("\n")
    counts: dict[str, int] = {}
    for t in trials:
        counts[t.name.upper()] = counts.get(t.name.upper(), 0) + 1
    return [t for t in trials if counts[t.name.upper()] >= 2 or 0 <= t.start < title_end]


def trial_for(position: int, section: int, trials: list[TrialMention]) -> str | None:
    """Nearest trial named before the value in its section, else the first named after it;
    a document that names only one trial lends it to sections that name none."""
    here = [t for t in trials if t.section == section]
    before = [t for t in here if t.start <= position]
    if before:
        return before[-1].name
    if here:
        return here[0].name
    names = {t.name.upper() for t in trials}
    return trials[0].name if len(names) == 1 else None
