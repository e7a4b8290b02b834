"""Everything located once per document, shared by the row reader and the prose linker."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cache, cached_property

from .documents import Document
from .nlp import term_spans
from .normalize import Normalized, normalize
from .ondemand import OnDemand
from .values import Mention, Value, find_grades, find_hazard_ratios, find_n_equals, find_timepoints
from .values_on_demand import ValuesOnDemand
from .attribution import TrialMention, find_trials
from .prefilter import scan
from .records import is_toxicity
from .rules import NOT_ENDPOINT


@dataclass(frozen=True)
class EndpointMention:
    start: int
    end: int
    code: str
    text: str
    rule: str


@dataclass
class Context:
    document: Document
    norm: Normalized
    mentions: list[EndpointMention]
    values: ValuesOnDemand
    hazard_ratios: list[Value]
    grades: OnDemand[Mention]
    timepoints: OnDemand[Mention]
    n_equals: list[Mention]
    trials: OnDemand[TrialMention]
    candidates: list[dict] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.norm.text

    @property
    def masked(self) -> str:
        """The text with non-values blanked (doses, CIs, years, grades), as the arm search reads it."""
        return self.values.masked()

    def add(self, candidate: dict, start: int, end: int, rule: str) -> None:
        """Queue a candidate value with its evidence span (normalised offsets) and the rule that made it.
        Values of outcomes outside the schema (time to progression, DFS) end here."""
        if candidate.get("endpoint") == NOT_ENDPOINT:
            return
        while start < end and (self.text[start].isspace() or self.text[start] == "•"):
            start += 1  # evidence starts at the words, not at a bullet glyph
        candidate.update(start_norm=start, end_norm=end, rule=rule)
        self.candidates.append(candidate)

    def mentions_in(self, start: int, end: int) -> list[EndpointMention]:
        """Mentions inside [start, end); mentions are sorted, so this is a slice, not a scan."""
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return [m for m in self.mentions[lo:hi] if m.end <= end]

    def __post_init__(self) -> None:
        self.mentions.sort(key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]
        self._n_starts = [n.start for n in self.n_equals]  # found left to right, so already sorted
        # Stable sort: ratios that share a start keep their order.
        ordered = sorted(self.hazard_ratios, key=lambda v: v.start)
        self._ratio_index = ([v.start for v in ordered], ordered)
        self.cache: dict = {}

    @cached_property
    def _grade_starts(self) -> list[int]:
        return [g.start for g in self.grades]

    @cached_property
    def _timepoint_starts(self) -> list[int]:
        return [t.start for t in self.timepoints]

    def grades_in(self, start: int, end: int) -> list[Mention]:
        return self.grades[bisect.bisect_left(self._grade_starts, start):bisect.bisect_left(self._grade_starts, end)]

    def values_in(self, start: int, end: int) -> list[Value]:
        """Values, then hazard ratios, inside [start, end): slices, not scans (values are read in the
        sentences asked about, the first time they are asked about)."""
        found = self.values.values_in(start, end)
        starts, ordered = self._ratio_index
        lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        return found + [v for v in ordered[lo:hi] if v.end <= end]

    def n_equals_in(self, start: int, end: int) -> list[Mention]:
        lo, hi = bisect.bisect_left(self._n_starts, start), bisect.bisect_left(self._n_starts, end)
        return [n for n in self.n_equals[lo:hi] if n.end <= end]

    def timepoints_in(self, start: int, end: int) -> list[Mention]:
        lo, hi = bisect.bisect_left(self._timepoint_starts, start), bisect.bisect_left(self._timepoint_starts, end)
        return self.timepoints[lo:hi]


LONG_RUN = re.compile(r"\S{64,}")


def _for_tokenizer(text: str) -> str:
    """spaCy's suffix search is quadratic in one very long token ('((((...'); break such runs at
    their punctuation. Same length, so character offsets stay valid."""
    return LONG_RUN.sub(lambda m: re.sub(r"[^\w]", " ", m.group(0)), text)


def endpoint_code(span) -> str:
    if span.id_ == "CRS" and span.text == "CRs":
        return "CR"  # the rules match case-blind: 'CRs' is complete responses, 'CRS' cytokine release syndrome
    if span.id_ == "OTHER_AE":
        return "OTHER_AE:" + " ".join(span.text.lower().split())
    return span.id_


def build_context(document: Document) -> Context:
    norm = normalize(document.text)
    text = norm.text
    mentions = [EndpointMention(start, end, endpoint_code(span), span.text, f"term:{span.id_}:{span.text.lower()}")
                for span, start, end in term_spans(_for_tokenizer(text))]
    # grades, time points and trial names are found when first read: a document whose values are never
    # asked for (no sentence names an endpoint) and that gives no candidate never needs them
    grades = OnDemand(lambda: find_grades(text))
    rr_is_risk = any(m.text == "RR" for m in mentions) and bool(RR_DEFINED_AS_RISK.search(text))  # one scan, not one per 'RR'
    mentions = [m for m in mentions if not _most_frequent_kind(text, m) and not _hormone_receptor(text, m) and not _responders_as_population(text, m)
                and not _survey_response(text, m)
                and not _risk_ratio(text, m, rr_is_risk) and not _joined_to_complete_response(text, m)]
    mentions = [_lasting_responses(text, m) for m in mentions]
    mentions = [_other_free_survival(text, m) for m in mentions]
    mentions = _extend_listed_names(text, mentions)
    mentions += _listed_adverse_events(text, mentions)
    mentions += _safety_subjects(text, mentions)
    mentions = _named_toxicities(text, _or_compounds(text, _slash_compounds(text, mentions)))
    mentions = _split_respective_pairs(text, mentions)
    mentions = _without_umbrella_heads(text, mentions)
    timepoints = OnDemand(lambda: find_timepoints(text))
    hazard_ratios = find_hazard_ratios(text)
    trials = OnDemand(lambda: find_trials(text))
    in_mention, in_hr = SpanIndex(mentions), SpanIndex(hazard_ratios)
    in_timepoint, in_trial = cache(lambda: SpanIndex(timepoints)), cache(lambda: SpanIndex(trials))  # made on first use

    def keep(v: Value) -> bool:
        return not in_mention.covers(v.start) and not in_hr.overlaps(v) and not in_trial().covers(v.start) \
            and not (v.kind == "time" and in_timepoint().overlaps(v))

    # grade numbers are never values; most questions are about the sentences that name an endpoint
    values = ValuesOnDemand(text, lambda: [(g.start, g.end) for g in grades], keep, likely=[m.start for m in mentions])
    return Context(document, norm, mentions, values, hazard_ratios, grades, timepoints,
                   find_n_equals(text), trials)


AE_CONTEXT = re.compile(r"toxicit|adverse|side[\s-]effects|laboratory\s+abnormalit|\bAEs?\b|TEAE|TRAE|events\s+(?:were|included)|"
                        r"associated\s+with\s+(?:more|less|fewer|higher|lower)", re.I)
AE_ITEM = re.compile(
    r"(?:[,;:]\s*|\band\s+|\(|\b(?:more|less|fewer|were|included|including)\s+)([a-z][a-z/-]+(?:\s(?:[a-z][a-z/-]+|[A-Z]{2,5}(?![\w-]))){0,3})\s?(?:\(\s?)?"
    r"(?=\d+(?:\.\d+)?\s?%|\d+(?:\.\d+)?\s?(?:vs\.?|versus|and)\s?\d+(?:\.\d+)?\s?%)")
SENTENCE_BOUNDARY = re.compile(r"[.!?]\s+(?=[A-Z])|\n")
NOT_AE_WORDS = frozenset("""in of the was were with for arm arms group groups patients patient rate rates response responses
survival months month respectively versus vs and or p ci median grade grades dose doses overall than compared
respectively a an at by from to who which that had have has all any each both one two three including included
incidence frequency proportion observed occurred reported seen noted other common most frequent frequently events
event adverse toxicity toxicities treatment treatments related serious severe cases case total only about
four five six seven eight nine ten eleven twelve twenty thirty none nearly almost approximately respectively
any-grade all-grade all-grades any-grades gr grade-3 grade-4
chiefly mainly mostly mostly predominantly primarily principally notably especially particularly largely
whereas while although though but yet also
""".split())


IMMUNE_QUALIFIER = re.compile(r"\bimmune[\s-](?:mediated|related)\s$", re.I)
LIST_ITEM_LEAD = re.compile(r"(?:[,;:(]|\band|\bwere|\bincluded|\bincluding)\s+((?:(?!(?:and|or|with|of|the|less|more|fewer|higher|lower)\s)[a-z][a-z-]*[a-z]\s){1,2})$")


def _extend_listed_names(text: str, mentions: list[EndpointMention]) -> list[EndpointMention]:
    """A list item names its event in full: 'fatigue (29%), and musculoskeletal pain (22%)' is
    musculoskeletal pain, not pain."""
    out = []
    for m in mentions:
        qualifier = IMMUNE_QUALIFIER.search(text, max(0, m.start - 20), m.start)
        if m.code.startswith("OTHER_AE:") and qualifier:  # 'immune-mediated pneumonitis' is its own event
            name = text[qualifier.start():m.end]
            m = EndpointMention(qualifier.start(), m.end, "OTHER_AE:" + " ".join(name.lower().split()), name, m.rule)
        syndrome = re.match(r"\s(syndrome|disease|reactions?|events?)\b", text[m.end:m.end + 12])
        if m.code.startswith("OTHER_AE:") and syndrome and not m.text.lower().endswith(syndrome.group(1).lower()):
            end = m.end + syndrome.end()  # 'palmar-plantar erythrodysesthesia syndrome' is the event's full name
            m = EndpointMention(m.start, end, "OTHER_AE:" + " ".join(text[m.start:end].lower().split()), text[m.start:end], m.rule)
        site = BODY_SITE_BEFORE.search(text, max(0, m.start - 40), m.start)
        if m.code.startswith("OTHER_AE:") and site and GENERIC_SYMPTOM.fullmatch(m.text):
            name = text[site.start():m.end]  # 'right shoulder pain' is its own event, not pain
            m = EndpointMention(site.start(), m.end, "OTHER_AE:" + " ".join(name.lower().split()), name, m.rule)
        opening = SENTENCE_OPENING_WORD.search(text, max(0, m.start - 30), m.start)
        if m.code.startswith("OTHER_AE:") and opening and opening.group("word").lower() not in NOT_EVENT_ADJECTIVES \
                and not opening.group("word").lower().endswith(("-related", "-emergent", "-associated", "-attributed")):
            start = opening.start("word")  # 'Confluent mucositis (grade 3 or worse) was seen in 64%': the event's full name
            name = text[start:m.end]
            m = EndpointMention(start, m.end, "OTHER_AE:" + " ".join(name.lower().split()), name, m.rule)
        lead = LIST_ITEM_LEAD.search(text, max(0, m.start - 40), m.start)
        if m.code.startswith("OTHER_AE:") and lead and re.match(r"\s?\(?\s?\d", text[m.end:m.end + 4]) \
                and not any(w in NOT_AE_WORDS for w in lead.group(1).split()):
            start = lead.start(1)
            name = text[start:m.end]
            m = EndpointMention(start, m.end, "OTHER_AE:" + " ".join(name.lower().split()), name, m.rule)
        out.append(m)
    return out


SENTENCE_OPENING_WORD = re.compile(r"(?:^|[.;:]\s+|\n\s*)(?P<word>[A-Z][a-z]{3,}(?:-[a-z]+)?)\s+$")
NOT_EVENT_ADJECTIVES = frozenset("""severe mild moderate serious most other overall common frequent rare treatment drug patients
these those such some both each only more less fewer grade any all acute late early new further additional total
incidence rates rate median reported observed notably similarly however although while whereas
cumulative actuarial crude estimated""".split())
GENERIC_SYMPTOM = re.compile(r"pain|ache|discomfort|swelling|numbness|stiffness|tenderness|cramps?|spasms?", re.I)
BODY_SITE_BEFORE = re.compile(r"\b(?:(?:right|left|upper|lower)\s+)?(?:shoulder|neck|back|chest|joint|bone|muscle|abdominal|abdomen|"
                              r"pelvic|leg|arm|knee|hip|head|throat|breast|wound|incisional|incision|tumou?r|injection[\s-]site|"
                              r"flank|rectal|anal|oral|mouth|jaw|ear|eye|limb|foot|hand|groin|perineal)\s$|"
                              r"\b(?:right|left)\s$", re.I)
RECEPTOR_CONTEXT = re.compile(r"(?:\bER\s?(?:/|and|,|or)\s?|\bestrogen\s+and\s+)$")
RECEPTOR_AFTER = re.compile(r"^\s?(?:/\s?PGR|/\s?PgR|[-\s]?(?:positive|negative|status|expression|receptor)|\+|-(?!\w))", re.I)


def _hormone_receptor(text: str, m: EndpointMention) -> bool:
    """'ER/PR', 'PR-positive', 'PR status': the progesterone receptor, not a partial response."""
    return m.code == "PR" and m.text.isupper() and bool(
        RECEPTOR_CONTEXT.search(text[max(0, m.start - 12):m.start]) or RECEPTOR_AFTER.match(text[m.end:m.end + 12]))


RR_DEFINED_AS_RISK = re.compile(r"\b(?:relative\s+risks?|risk\s+ratios?|rate\s+ratios?)\s*[(\[]\s*RRs?\s*[)\],]|\bRR\s*[,:=]\s*(?:relative\s+risk|risk\s+ratio)", re.I)
RR_AS_RATIO = re.compile(r"\s*[:=]?\s*\d+(?:\.\d+)?\s*[;,(\[]\s*\(?\s*(?:95|90|99)\s*%", re.I)


def _risk_ratio(text: str, m: EndpointMention, defined_as_risk: bool) -> bool:
    """'relative risk (RR) 0.750 [95% CI ...]': this 'RR' is a ratio, not a response rate; so is every
    'RR' of a text that defines RR as a relative risk (``defined_as_risk``)."""
    if m.text != "RR":
        return False
    return defined_as_risk or bool(RR_AS_RATIO.match(text, m.end))


def _joined_to_complete_response(text: str, m: EndpointMention) -> bool:
    """'CR/CRi rate', 'CR + CRh': the composite is reported as complete remission, so the partial-recovery
    variant joined to CR does not claim the value for itself."""
    return m.code == NOT_ENDPOINT and bool(re.fullmatch(r"CR[ihp]", m.text)) and \
        bool(re.search(r"\bCR\s?(?:/|\+|or|and)\s?$", text[max(0, m.start - 8):m.start]))


RESPONDERS_AS_POPULATION = re.compile(r"\b(?:among|in|of|for)\s+(?:the\s+|all\s+|these\s+|those\s+)?(?:\d+\s+)?$", re.I)


MOST_FREQUENT_KIND = re.compile(r"\b(?:was|were)\s+the\s+most\s+(?:common|frequent|frequently\s+reported)\s+"
                                r"(?:(?:non-?)?(?:laboratory|haematologic(?:al)?|hematologic(?:al)?|clinical|serious|severe|"
                                r"grade\s?[3-5](?:\s?(?:-|or|/)\s?[3-5])?|treatment-related|immune-related)\s+){0,2}$"
                                r"|\w[\w)]*,\s+(?:the|a|an|its)\s+(?:(?:main|typical|commonest|principal|expected|known|characteristic|"
                                r"usual|chief|dose-limiting|class|most\s+(?:common|frequent))\s+)$", re.I)  # 'Stomatitis, the most common AE with X,'


def _most_frequent_kind(text: str, m: EndpointMention) -> bool:
    """'Diarrhea was the most frequent AE (any grade 61% vs 35%)', 'lymphopenia was the most frequent laboratory
    toxicity, affecting 38 (42.2%)', 'Nausea, the typical toxicity of X, was reported by 44%': the values are the
    named event's, AE is its kind."""
    return m.code == "TEAE" and bool(MOST_FREQUENT_KIND.search(text, max(0, m.start - 60), m.start))


def _responders_as_population(text: str, m: EndpointMention) -> bool:
    """'Among responders, MRD negativity was reached in 78%': the responders are who was measured; so are
    'patients in CR' in '68% of patients in CR were MRD-negative'."""
    if m.code in ("CR", "ORR", "PR") and PATIENTS_IN_RESPONSE.search(text[max(0, m.start - 40):m.start]) \
            and WERE_SOMETHING.match(text, m.end):
        return True
    return m.text.lower().endswith("responders") and bool(RESPONDERS_AS_POPULATION.search(text[max(0, m.start - 20):m.start]))


PATIENTS_IN_RESPONSE = re.compile(r"\b(?:patients|pts|those|subjects)\s+(?:in|with|achieving|who\s+achieved)\s+(?:an?\s+)?$", re.I)
WERE_SOMETHING = re.compile(r"\s+(?:were|was|had|became|remained|achieved)\s+(?!in\b)[a-z]", re.I)


LASTED = re.compile(r"[^.;]{0,40}?\b(?:lasted|lasting|were\s+durable|was\s+durable)\b[^.;]{0,25}?\bmedian\b", re.I)


def _lasting_responses(text: str, m: EndpointMention) -> EndpointMention:
    """'Responses to the ADC lasted a median of 7.4 months': the duration of response, not a rate."""
    if m.code in ("ORR", "CR") and m.text.lower().startswith(("response", "complete response", "complete remission")) \
            and LASTED.match(text, m.end):
        return EndpointMention(m.start, m.end, "DOR" if m.code == "ORR" else "DOCR", m.text, m.rule + ":lasted")
    return m


def _listed_adverse_events(text: str, mentions: list[EndpointMention]) -> list[EndpointMention]:
    """Items of an adverse-event list that the lexicon does not know: 'toxicities were: diarrhoea 7% vs 6%,
    ischemic stroke 0 vs 2%' -> OTHER_AE:ischemic stroke. Only after a toxicity word in the same sentence."""
    found = []
    for m in scan(AE_ITEM, text):
        name = m.group(1)
        words = name.split()
        if any(w in NOT_AE_WORDS for w in words) or len(name) < 4:
            continue
        window = text[max(0, m.start() - 300):m.start()]
        ends = [e.end() for e in SENTENCE_BOUNDARY.finditer(window)]
        if not AE_CONTEXT.search(window[ends[-1] if ends else 0:]):
            continue
        start, end = m.start(1), m.end(1)
        if any(x.start < end and start < x.end for x in mentions):
            continue
        found.append(EndpointMention(start, end, "OTHER_AE:" + name.lower(), name, "listed-ae"))
    return found


SAFETY_SUBJECT = re.compile(
    r"(?:^|(?<=[.;:]\s)|(?<=\n))\s*(?P<name>[A-Z][a-z][\w-]*(?:\s[a-z][\w-]*){0,5}?)(?:\s\([A-Z][A-Za-z-]{1,8}\))?\s+"
    r"(?:occurred|was\s+(?:reported|observed|seen|noted)|were\s+(?:reported|observed|seen|noted)|developed)\s+in\s+"
    r"(?:\d+\s+(?:patients?\s+)?\()?\d+(?:\.\d+)?\s?%", re.M)
SAFETY_SECTION = re.compile(r"\b(?:adverse|safety|toxicit|side[\s-]effects|warnings?|precautions|tolerab)", re.I)
NOT_EVENT_SUBJECT = re.compile(r"^(?:while|although|whereas|however|but|and|also|thus|moreover|overall|progression|relapse|recurrence|death|deaths|response|responses|remission|disease|"
                               r"survival|discontinuation|dose|treatment|the|this|it|they|responders?|patients?|"
                               r"permanent|serious|fatal|grade|efficacy|benefit|improvement|stable|partial|complete|"
                               r"mrd|minimal|engraftment|hospitali[sz]ation|crossover|censoring|synchronous|metachronous|"
                               r"metasta\w*|local|distant|locoregional|second|new|recurrent|residual|pathologic\w*)\b", re.I)


# 'Acute gastrointestinal injury occurred in 15 (27.3%) patients': a name that says it is an event
EVENT_HEAD = re.compile(r"\b(?:injury|toxicit(?:y|ies)|complications?|syndrome|failure|insufficiency|necrosis|ha?emorrhage|bleeding|"
                        r"perforation|fistulae?|leak(?:age)?|stenosis|stricture|thrombosis|embolism|o?edema|neuropathy|mucositis|"
                        r"dermatitis|pneumonitis|infections?)$", re.I)


def _safety_subjects(text: str, mentions: list[EndpointMention]) -> list[EndpointMention]:
    """'Retinal pigment epithelial detachment (RPED) occurred in 9% of patients' in a safety part of the
    text: an event the lexicon does not know, named as the sentence's subject."""
    found = []
    for m in scan(SAFETY_SUBJECT, text):
        name = m.group("name")
        start, end = m.start("name"), m.end("name")
        if NOT_EVENT_SUBJECT.match(name) or any(x.start < end and start < x.end for x in mentions):
            continue
        if not (SAFETY_SECTION.search(text, max(0, start - 1500), start) or EVENT_HEAD.search(name)):
            continue
        found.append(EndpointMention(start, end, "OTHER_AE:" + " ".join(name.lower().split()), name, "safety-subject"))
    return found


PAIRED_EVENT = re.compile(r"^(?P<a>[A-Za-z]+)\s+and\s+(?P<b>[A-Za-z]+)$")
RESPECTIVELY_AHEAD = re.compile(r"^[^.;]{0,120}?\brespectively\b")


def _split_respective_pairs(text: str, mentions: list[EndpointMention]) -> list[EndpointMention]:
    """'Nausea and vomiting were reported in 20% and 10%, respectively' names two events; without 'respectively'
    ('nausea and vomiting in 38 patients') the pair is one event."""
    out = []
    for m in mentions:
        pair = PAIRED_EVENT.match(m.text) if m.code.startswith("OTHER_AE:") else None
        if pair and RESPECTIVELY_AHEAD.match(text[m.end:m.end + 160]):
            out.append(EndpointMention(m.start, m.start + pair.end("a"), "OTHER_AE:" + pair.group("a").lower(), pair.group("a"), m.rule))
            out.append(EndpointMention(m.start + pair.start("b"), m.end, "OTHER_AE:" + pair.group("b").lower(), pair.group("b"), m.rule))
        else:
            out.append(m)
    return out


SLASH_COMPOUND = re.compile(r"(?<![\w/-])[A-Za-z][A-Za-z-]+(?:/[A-Za-z][a-z-]+)+(?![\w/-])")  # 'Asthenia/fatigue', 'ILD/pneumonitis'


def _slash_compounds(text: str, mentions: list[EndpointMention]) -> list[EndpointMention]:
    """'nausea/vomiting/diarrhea' is one reported event, not three: the compound becomes one
    OTHER_AE when it holds a named adverse event and no coded one."""
    out = list(mentions)
    for m in scan(SLASH_COMPOUND, text):
        inside = [x for x in out if m.start() <= x.start and x.end <= m.end()]
        if not inside or any(not x.code.startswith("OTHER_AE:") for x in inside):
            continue
        out = [x for x in out if x not in inside]
        out.append(EndpointMention(m.start(), m.end(), "OTHER_AE:" + m.group(0).lower(), m.group(0), "slash-compound"))
    return out


OR_PARTNER = re.compile(r"\s+or\s+(?:(?P<abbr>[A-Z]{2,5})(?![\w-])|(?=\S))")


def _or_compounds(text: str, mentions: list[EndpointMention]) -> list[EndpointMention]:
    """'Interstitial lung disease or pneumonitis occurred in 12%', 'increased ALT or AST in 41%': one reported event,
    named as printed, when both sides are named adverse events (or the second a lab abbreviation)."""
    if " or " not in text:
        return mentions
    ordered = sorted(mentions, key=lambda x: x.start)
    merged: dict[int, EndpointMention] = {}  # by id of the first mention
    dropped: set[int] = set()
    for k, m in enumerate(ordered):
        if id(m) in dropped or not m.code.startswith("OTHER_AE:"):
            continue
        partner = OR_PARTNER.match(text, m.end)
        end = None
        if partner and partner.group("abbr"):
            end = partner.end("abbr")
            dropped.update(id(x) for x in ordered[k + 1:] if x.start < end)
        elif partner and k + 1 < len(ordered) and ordered[k + 1].start == partner.end() and ordered[k + 1].code.startswith("OTHER_AE:"):
            end = ordered[k + 1].end
            dropped.add(id(ordered[k + 1]))
        if end is not None:
            name = text[m.start:end]
            merged[id(m)] = EndpointMention(m.start, end, "OTHER_AE:" + " ".join(name.lower().split()), name, "or-compound")
    return [merged.get(id(m), m) for m in mentions if id(m) not in dropped]


NAMED_TOXICITY = re.compile(
    r"\b(?:most\s+(?:common|frequent)|main|predominant|principal|commonest)\s+(?:grade\s\S+\s+)?"
    r"(?P<word>toxicity|toxicities)\s+(?:was|were)\s+(?P<kind>[a-z]+(?:ic|al|ous|ary))\b(?!\s+(?:and|or)?\s*(?:toxicit|adverse|events?))")


def _named_toxicities(text: str, mentions: list[EndpointMention]) -> list[EndpointMention]:
    """'The most common toxicity was hepatic, with 29 patients (60%)' reports hepatic toxicity."""
    for m in scan(NAMED_TOXICITY, text):
        word = [x for x in mentions if x.start == m.start("word")]
        if not word:
            continue
        mentions = [x for x in mentions if x not in word]
        name = f"{m.group('kind')} toxicity"
        mentions.append(EndpointMention(m.start("kind"), m.end("kind"), "OTHER_AE:" + name, m.group("kind"), "named-toxicity"))
    return mentions


class SpanIndex:
    """Overlap questions about many spans answered by bisection, not by a scan per value.

    A scan per value made a long table quadratic ('ORR  45%  50%' rows, 100 kB: over a minute).
    Spans may overlap each other, so a running maximum of the ends stands in for sorted ends.
    """

    def __init__(self, spans) -> None:
        ordered = sorted(spans, key=lambda s: s.start)
        self.starts = [s.start for s in ordered]
        self.max_end: list[int] = []
        for s in ordered:
            self.max_end.append(max(s.end, self.max_end[-1]) if self.max_end else s.end)

    def covers(self, pos: int) -> bool:
        """Some span has start <= pos < end."""
        i = bisect.bisect_right(self.starts, pos)
        return i > 0 and self.max_end[i - 1] > pos

    def overlaps(self, v) -> bool:
        """Some span holds v.start, or starts inside [v.start, v.end)."""
        if self.covers(v.start):
            return True
        i = bisect.bisect_left(self.starts, v.start)
        return i < len(self.starts) and self.starts[i] < v.end


SURVEY = re.compile(r"\b(?:questionnaires?|surveys?|participated|returned|completed\s+the|mailed|respondents?)\b", re.I)


def _survey_response(text: str, m: EndpointMention) -> bool:
    """'595 participated, for a response rate of 97.4%': the share who answered a survey, not tumour response."""
    return m.code == "ORR" and bool(SURVEY.search(text, max(0, m.start - 80), m.start)
                                    or SURVEY_AFTER.match(text, m.end))


SURVEY_AFTER = re.compile(r"\s+(?:to|for|of)\s+(?:the\s+)?(?:questionnaires?|surveys?|interviews?)\b", re.I)


OTHER_FREE = re.compile(r"\b[A-Za-z][\w-]*[\s-]free\s+$", re.I)


def _other_free_survival(text: str, m: EndpointMention) -> EndpointMention:
    """'Colostomy-free survival at 5 years was 72%': survival free of something the rules do not know is not
    overall survival (the known kinds, progression-free and event-free, are matched whole); it claims its values."""
    if m.code == "OS" and m.text.lower().startswith("survival") and OTHER_FREE.search(text, max(0, m.start - 40), m.start):
        return EndpointMention(m.start, m.end, NOT_ENDPOINT, m.text, m.rule)
    return m


def _without_umbrella_heads(text: str, mentions: list[EndpointMention]) -> list[EndpointMention]:
    """'chemotherapy-induced cytopenias (neutropenia 96%, thrombocytopenia 71%, ...)': the class named before a
    bracket of events is their heading; the events in it claim the values."""
    out = []
    for k, m in enumerate(mentions):
        nxt = mentions[k + 1] if k + 1 < len(mentions) else None
        if nxt is not None and m.code.startswith(("OTHER_AE:", "TEAE")) and is_toxicity(nxt.code) and nxt.code != "DLT" \
                and re.fullmatch(r"\s*\(\s*", text[m.end:nxt.start]) and not re.match(r"\s*[)\]]", text[nxt.end:nxt.end + 3]) \
                and nxt.code != m.code and _bracket_holds_values(text, nxt.start):
            continue
        out.append(m)
    return out


def _bracket_holds_values(text: str, pos: int) -> bool:
    """The bracket open at ``pos`` gives its items values ('(neutropenia 96%, ...)'), not just examples
    ('Ocular toxicity (keratitis, blurred vision) was reported in 18%')."""
    close = text.find(")", pos)
    return close != -1 and bool(re.search(r"\d\s?%|\d+\s?(?:patients|pts)\b", text[pos:close]))
