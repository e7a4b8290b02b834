"""Values (and the masks under them) worked out only in the sentences a rule asks about.

The masks and value patterns read every sentence of a document, yet the linker asks for the values
of under a quarter of the text (the sentences that name an endpoint, and a few windows around them),
and most documents ask for none. ``ValuesOnDemand.values_in`` reads the *pieces* of the text
(``regions.sentence_ends``) that a question touches, the first time it is asked, and gives exactly
the values a reading of the whole text has there:

- masks scan the original text: a mask pattern that stays in its sentence finds, in a run of whole
  pieces, what a whole scan finds there (``regions``); the others, and those that can take a
  bracket, are scanned whole once;
- value patterns scan the masked text, whose pieces are the text's as long as masking removed no
  bracket (so depths agree) and left the stop, spaces and capital of the run's ends alone: both are
  checked, a run that fails is widened, a document whose masks take a bracket is read whole;
- the masked text is exact over each run and the look-behind width before it;
- a value pattern that may run over a sentence end (the label-unit clause) must have no match:
  a document where it might is read whole, as before.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from re import _constants as C, _parser

from . import regions
from .prefilter import ASCII_LOOKALIKES, could_match, pieces_for, scan
from .values import LABEL_UNIT_CLAUSE, MASK_PATTERNS, VALUE_PATTERNS, Value, find_values, mask_non_values

# What every match of LABEL_UNIT_CLAUSE holds, read on the original text (a masked character is a '~'
# where the text has its own; brackets are the text's, see above). tests/test_values_on_demand.py
# fails when LABEL_UNIT_CLAUSE changes, so that this is changed with it.
LABEL_UNIT_HEAD = re.compile(r"(?:months?|mo|weeks?|%)\s*(?:\(.{0,20}\))?\s*:", re.I | re.S)
BRACKETS = "()"
# Every value holds one of these: a digit, or the words of the patterns that need none (VALUE_PATTERNS:
# 'not reached', 'NR', 'NE', 'NA', 'N/A', 'NYR', and counts written as words). tests/test_values_on_demand.py
# checks that every value pattern without a digit is covered.
VALUE_HINT = re.compile(r"\d|\bnot\b|\bN(?:R|E|A|/A|YR)\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b", re.I)
MAX_READS = 16  # reads of new pieces before the rest of the text is read at once (each costs a new masked text)

Span = tuple[int, int]


class ValuesOnDemand:
    """The values of a text, found piece by piece as they are asked for; ``keep`` filters them
    (values inside endpoint names, hazard ratios, trial names...)."""

    def __init__(self, text: str, blanks: list[Span] | Callable[[], list[Span]], keep: Callable[[Value], bool],
                 likely: list[int] = ()) -> None:
        self.text, self.blanks, self.keep, self.likely = text, blanks, keep, likely
        self.ends: list[int] = []
        self.whole: bool | None = None      # None until the first question
        self.chars: list[str] = []
        self.masked_pieces: set[int] = set()
        self.read_pieces: set[int] = set()
        self.reads = 0
        self.values: list[Value] = []
        self.starts: list[int] = []
        self._masked: str | None = None

    # --- questions -------------------------------------------------------------------------------

    def values_in(self, start: int, end: int) -> list[Value]:
        """Values inside [start, end), in the order of a whole reading (stable by start)."""
        if not VALUE_HINT.search(self.text, start, end):
            return []  # half the sentences asked about name an endpoint but hold no figure at all
        if self.whole is None:
            self._begin()
            self.guess(self.likely)
        if not self.whole:
            self._read(self._pieces_touching(start, end))
        lo, hi = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)
        return [v for v in self.values[lo:hi] if v.end <= end]

    def masked(self) -> str:
        """The whole masked text (the arm search reads all of it)."""
        if self.whole is None:
            self._begin()
        if not self.whole:
            self._mask(set(range(len(self.ends))))
        return self._masked_text()

    def guess(self, positions) -> None:
        """Read the pieces holding these positions (the endpoint mentions) in one go: most questions
        fall there, and each later piece costs a new masked text."""
        if not self.whole and positions:
            pieces = {bisect.bisect_right(self.ends, p) for p in positions if p < len(self.text)}
            self._read({i for i in pieces if VALUE_HINT.search(self.text, *self._bounds(i))})

    # --- set-up ----------------------------------------------------------------------------------

    def _begin(self) -> None:
        text = self.text
        if callable(self.blanks):
            self.blanks = self.blanks()
        self.chars = list(text)
        for s, e in self.blanks:
            self.chars[s:e] = "~" * (e - s)
        whole_spans = list(self.blanks)
        for pattern in _whole_masks():
            for m in scan(pattern, text):
                self.chars[m.start():m.end()] = "~" * (m.end() - m.start())
                whole_spans.append(m.span())
        self.whole = _takes_a_bracket(text, whole_spans) or _may_read_over_a_sentence_end(text)
        if self.whole:
            masked = "".join(_whole_reading(text, self.blanks))
            self._masked = masked
            self._add(find_values(text, masked))
            return
        self.ends = regions.sentence_ends(text)

    # --- pieces ----------------------------------------------------------------------------------

    def _pieces_touching(self, start: int, end: int) -> set[int]:
        last = len(self.ends) - 1
        start, end = max(0, start), min(len(self.text), end)
        if end <= start:
            end = start + 1
        first = bisect.bisect_right(self.ends, start)
        final = bisect.bisect_right(self.ends, end - 1)
        return set(range(min(first, last), min(final, last) + 1))

    def _bounds(self, i: int) -> Span:
        return (self.ends[i - 1] if i else 0, self.ends[i])

    def _read(self, pieces: set[int]) -> None:
        todo = pieces - self.read_pieces
        if not todo:
            return
        self.reads += 1
        if self.reads > MAX_READS:
            self._read_whole()
            return
        runs = _runs(todo)
        while True:
            self._mask({k for first, last in runs for k in self._margin(first, last)})
            widened = [self._widen(first, last) for first, last in runs]
            if widened == runs:
                break
            runs = _merge(widened)
        spans = [(self._bounds(first)[0], self._bounds(last)[1]) for first, last in runs]
        read = {k for first, last in runs for k in range(first, last + 1)}
        # a run may take in pieces read before: keep only the new values
        new = [v for v in find_values(self.text, self._masked_text(), spans)
               if not self._in_pieces(v.start, self.read_pieces)]
        self.read_pieces |= read
        self._add(new)

    def _read_whole(self) -> None:
        """Each read builds a new masked text: past MAX_READS (a long text asked about here and there)
        the rest is read at once, as a whole reading does (the same values, so those given out stand)."""
        self._mask(set(range(len(self.ends))))
        self.values, self.starts = [], []
        self._add(find_values(self.text, self._masked_text()))
        self.whole = True

    def _margin(self, first: int, last: int) -> range:
        """The run, the pieces on either side (their stops must be seen masked) and the pieces the
        value patterns' look-behinds may read before it."""
        start = self._bounds(first)[0]
        lo = max(0, first - 1)
        while lo > 0 and self._bounds(lo)[0] > start - _lookbehind():
            lo -= 1
        return range(lo, min(len(self.ends) - 1, last + 1) + 1)

    def _widen(self, first: int, last: int) -> tuple[int, int]:
        """A run whose first or last stop was masked takes in the piece beyond it."""
        if first > 0 and not self._stop_intact(first - 1):
            first -= 1
        if last < len(self.ends) - 1 and not self._stop_intact(last):
            last += 1
        return first, last

    def _stop_intact(self, i: int) -> bool:
        """The stop, spaces and capital between piece ``i`` and the next are still there, masked."""
        end = self.ends[i]
        stop = end - 1
        while stop > 0 and self.text[stop].isspace():
            stop -= 1
        return all(self.chars[k] == self.text[k] for k in range(stop, end + 1))

    def _in_pieces(self, pos: int, pieces: set[int]) -> bool:
        return bisect.bisect_right(self.ends, pos) in pieces

    def _mask(self, pieces: set[int]) -> None:
        todo = pieces - self.masked_pieces
        if not todo:
            return
        text = self.text
        for pattern in _local_masks():
            allowed = pieces_for(pattern, text)  # the pieces holding its words and digits, as scan() reads them
            for first, last in _runs(todo if allowed is None else todo & allowed):
                for m in pattern.finditer(text, self._bounds(first)[0], self._bounds(last)[1]):
                    self.chars[m.start():m.end()] = "~" * (m.end() - m.start())
        self.masked_pieces |= todo
        self._masked = None

    def _masked_text(self) -> str:
        if self._masked is None:
            self._masked = "".join(self.chars)
        return self._masked

    def _add(self, found: list[Value]) -> None:
        kept = [v for v in found if self.keep(v)]
        if not kept:
            return
        self.values = sorted(self.values + kept, key=lambda v: v.start)  # a run's values are new pieces': no ties across
        self.starts = [v.start for v in self.values]


def _whole_reading(text: str, blanks: list[Span]) -> list[str]:
    """The masked text as a whole reading makes it (masks, then the blanked spans)."""
    chars = list(mask_non_values(text))
    for s, e in blanks:
        chars[s:e] = "~" * (e - s)
    return chars


UNITS = ("month", "months", "mo", "week", "weeks", "%")


def has_label_unit_head(text: str) -> bool:
    """``LABEL_UNIT_HEAD.search(text)``, read back from each colon (a regex tries every position)."""
    if ASCII_LOOKALIKES.search(text):
        return bool(LABEL_UNIT_HEAD.search(text))  # 'ſ' or 'K' may stand for 's' or 'k'
    colon = text.find(":")
    while colon != -1:
        before = _skip_space_back(text, colon)
        if text[max(0, before - 6):before].lower().endswith(UNITS):
            return True
        if text[before - 1:before] == ")":
            opened = text.rfind("(", max(0, before - 22), before - 1)
            while opened != -1:  # '(...)' of up to 20 characters, any of its '(' may open it
                head = _skip_space_back(text, opened)
                if text[max(0, head - 6):head].lower().endswith(UNITS):
                    return True
                opened = text.rfind("(", max(0, before - 22), opened)
        colon = text.find(":", colon + 1)
    return False


def _skip_space_back(text: str, pos: int) -> int:
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return pos


def _runs(pieces: set[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for k in sorted(pieces):
        if runs and runs[-1][1] == k - 1:
            runs[-1] = (runs[-1][0], k)
        else:
            runs.append((k, k))
    return runs


def _merge(runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return _runs({k for first, last in runs for k in range(first, last + 1)})


def _takes_a_bracket(text: str, spans: list[Span]) -> bool:
    """Would blanking these spans change the bracket depth anywhere outside them? Not when each
    stretch of overlapping spans holds whole pairs only ('(range 1-5)')."""
    merged: list[list[int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    for s, e in merged:
        depth = 0
        for ch in text[s:e]:
            if ch in BRACKETS:
                depth += 1 if ch == "(" else -1
                if depth < 0:
                    return True
        if depth:
            return True
    return False


def _may_read_over_a_sentence_end(text: str) -> bool:
    if has_label_unit_head(text):
        return True
    return any(could_match(p, text) for _, p in VALUE_PATTERNS if not _stays(p))


# --- what the patterns can do, read once per pattern ------------------------------------------------

# by the pattern's id (hashing a compiled pattern hashes its code); the pattern is kept in the value,
# so its id is never reused while cached
_STAYS: dict[int, tuple[re.Pattern[str], bool]] = {}
_WHOLE: dict[int, tuple[re.Pattern[str], bool]] = {}


def _stays(pattern: re.Pattern[str]) -> bool:
    known = _STAYS.get(id(pattern))
    if known is None or known[0] is not pattern:
        known = _STAYS[id(pattern)] = (pattern, regions.stays_in_sentence(pattern))
    return known[1]


def _scanned_whole(pattern: re.Pattern[str]) -> bool:
    known = _WHOLE.get(id(pattern))
    if known is None or known[0] is not pattern:
        known = _WHOLE[id(pattern)] = (pattern, not _stays(pattern) or _pairs(_parser.parse(pattern.pattern, pattern.flags),
                                                                            pattern.flags) is None)
    return known[1]


def _pairs(items, flags: int) -> int | None:
    """The depth a match of the sequence leaves ('(' up, ')' down) when it only takes brackets as
    literal '(' and ')', never closing one it did not open: 0 for whole pairs ('(range 1-5)',
    'differences (RD)'), so blanking a match leaves the depths around it alone. None when unknown."""
    depth = 0
    for op, av in items:
        if op is C.LITERAL and chr(av) in BRACKETS:
            depth += 1 if chr(av) == "(" else -1
            if depth < 0:
                return None
            continue
        if op in (C.SUBPATTERN, C.ATOMIC_GROUP, C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            body = av[3] if op is C.SUBPATTERN else av if op is C.ATOMIC_GROUP else av[2]
            if _pairs(body, flags) != 0:
                return None  # a group or repeat must hold whole pairs (or none)
        elif op is C.BRANCH:
            if any(_pairs(alternative, flags) != 0 for alternative in av[1]):
                return None
        elif _steps_take([(op, av)], BRACKETS, flags):
            return None
    return depth if depth == 0 else None


def _whole_masks() -> list[re.Pattern[str]]:
    return [p for p in MASK_PATTERNS if _scanned_whole(p)]


def _local_masks() -> list[re.Pattern[str]]:
    return [p for p in MASK_PATTERNS if not _scanned_whole(p)]


def _can_take(pattern: re.Pattern[str], chars: str) -> bool:
    """Can some step of the pattern consume one of ``chars``?"""
    return _steps_take(_parser.parse(pattern.pattern, pattern.flags), chars, pattern.flags)


def _steps_take(items, chars: str, flags: int) -> bool:
    for op, av in items:
        if op in (C.LITERAL, C.NOT_LITERAL, C.ANY, C.IN):
            if any(regions._consumes(op, av, ch, flags) for ch in chars):
                return True
        elif op is C.SUBPATTERN:
            if _steps_take(av[3], chars, flags):
                return True
        elif op is C.ATOMIC_GROUP:
            if _steps_take(av, chars, flags):
                return True
        elif op is C.BRANCH:
            if any(_steps_take(alt, chars, flags) for alt in av[1]):
                return True
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            if _steps_take(av[2], chars, flags):
                return True
        elif op in (C.ASSERT, C.ASSERT_NOT, C.AT):
            continue  # look-arounds and anchors consume nothing
        elif op not in (C.CATEGORY,):
            return True  # anything unknown: assume it may
    return False


_LOOKBEHIND: list[int] = []


def _lookbehind() -> int:
    """The widest look-behind of the value patterns, plus one for '\\b'."""
    if not _LOOKBEHIND:
        _LOOKBEHIND.append(1 + max(_widest_lookbehind(_parser.parse(p.pattern, p.flags)) for _, p in VALUE_PATTERNS))
    return _LOOKBEHIND[0]


def _widest_lookbehind(items) -> int:
    widest = 0
    for op, av in items:
        if op in (C.ASSERT, C.ASSERT_NOT):
            if av[0] < 0:
                widest = max(widest, av[1].getwidth()[1])
            widest = max(widest, _widest_lookbehind(av[1]))
        elif op is C.SUBPATTERN:
            widest = max(widest, _widest_lookbehind(av[3]))
        elif op is C.ATOMIC_GROUP:
            widest = max(widest, _widest_lookbehind(av))
        elif op is C.BRANCH:
            widest = max([widest, *(_widest_lookbehind(alt) for alt in av[1])])
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            widest = max(widest, _widest_lookbehind(av[2]))
    return widest
