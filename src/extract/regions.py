"""Scan only the sentences that hold a digit, for patterns whose every match needs one.

Half the text of an abstract is sentences without a digit (aims, methods in words, conclusions),
yet the value, mask, grade and time-point patterns ran over all of it. A pattern is *local* when
(1) every match consumes a digit, and (2) no match, nor any path the regex engine tries, can read
past a sentence end: a terminator (``. ! ? ;``) followed by whitespace. Both are read from the
pattern's parse tree, so a rule added later is checked the same way (and scanned whole if it fails).

Then every match lies inside one *piece* (the text between two sentence ends) that holds a digit,
and scanning the runs of such pieces, each with ``finditer(text, start, end)``, finds the same
matches, in the same order, as scanning the whole text: look-behinds and ``\\b`` still see the text
before ``start`` (``pos`` does not cut the string), and what lies after ``end`` (whitespace) can be
neither consumed nor inspected after the terminator before it, by (2).
"""
from __future__ import annotations

import re
from re import _constants as C, _parser
from typing import Iterator, NamedTuple

from .prefilter import could_match

TERMINATORS = ".!?;"
SENTENCE_END = re.compile(r"[.!?;](?=\s)")
DIGIT = re.compile(r"\d")
WHITESPACE = "".join(chr(c) for c in range(0x3001) if chr(c).isspace())  # what \s matches (str patterns)

Span = tuple[int, int]


# Digit-free pieces shorter than this are scanned with their neighbours: a scan call costs more than
# the characters it would skip. (Any run of whole pieces may be scanned: the skipped ones hold no match.)
MIN_GAP = 120


def digit_regions(text: str) -> list[Span]:
    """Runs of consecutive pieces (text between sentence ends) that hold a digit."""
    regions: list[Span] = []
    start = 0
    for end in [m.end() for m in SENTENCE_END.finditer(text)] + [len(text)]:
        if start < end and DIGIT.search(text, start, end):
            if regions and start - regions[-1][1] < MIN_GAP:
                regions[-1] = (regions[-1][0], end)
            else:
                regions.append((start, end))
        start = end
    return regions


def scan_regions(pattern: re.Pattern[str], text: str, regions: list[Span]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, reading only ``regions`` (from ``digit_regions(text)``) when the
    pattern is local; skipped, as by ``prefilter.scan``, when the text lacks the pattern's literals."""
    if not could_match(pattern, text):
        return iter(())
    if not is_local(pattern):
        return pattern.finditer(text)
    return (m for start, end in regions for m in pattern.finditer(text, start, end))


# --- reading the parse tree ----------------------------------------------------------------------

_LOCAL: dict[int, tuple[re.Pattern[str], bool]] = {}


def is_local(pattern: re.Pattern[str]) -> bool:
    """Every match needs a digit and stays inside one sentence (see the module docstring)."""
    known = _LOCAL.get(id(pattern))
    if known is None or known[0] is not pattern:
        known = _LOCAL[id(pattern)] = (pattern, _local(pattern))
    return known[1]


def _local(pattern: re.Pattern[str]) -> bool:
    if not isinstance(pattern.pattern, str) or pattern.flags & (re.ASCII | re.LOCALE):
        return False
    tree = _parser.parse(pattern.pattern, pattern.flags)
    shape = _sequence(tree)
    return shape is not None and not shape.crosses and _needs_digit(tree)


class Shape(NamedTuple):
    """What a part of a pattern can do at a sentence end."""
    empty: bool        # can match the empty string (or is zero-width)
    first_ws: bool     # its first step can consume, or inspect, whitespace or the end of the text
    last_term: bool    # its last consumed character can be a terminator
    crosses: bool      # it can consume a terminator and then consume or inspect what follows


NOTHING = Shape(True, False, False, False)


def _then(a: Shape, b: Shape) -> Shape:
    return Shape(a.empty and b.empty, a.first_ws or (a.empty and b.first_ws), b.last_term or (b.empty and a.last_term),
                 a.crosses or b.crosses or (a.last_term and b.first_ws))


def _either(shapes: list[Shape]) -> Shape:
    return Shape(*(any(s[k] for s in shapes) for k in range(4)))


def _sequence(items) -> Shape | None:
    shape = NOTHING
    for op, av in items:
        part = _item(op, av)
        if part is None:
            return None
        shape = _then(shape, part)
    return shape


SAFE_AT = {C.AT_BOUNDARY, C.AT_NON_BOUNDARY, C.AT_UNI_BOUNDARY, C.AT_UNI_NON_BOUNDARY}


def _item(op, av) -> Shape | None:
    """A part's shape; None for what is not read here (back-references, conditionals)."""
    if op in (C.LITERAL, C.NOT_LITERAL, C.ANY, C.IN):
        term = any(_consumes(op, av, ch) for ch in TERMINATORS)
        ws = any(_consumes(op, av, ch) for ch in WHITESPACE)
        return Shape(False, ws, term, False)
    if op is C.SUBPATTERN:
        return _sequence(av[3])
    if op is C.ATOMIC_GROUP:
        return _sequence(av)
    if op is C.BRANCH:
        shapes = [_sequence(alternative) for alternative in av[1]]
        return None if None in shapes else _either(shapes)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, high, body = av
        inner = _sequence(body)
        if inner is None:
            return None
        again = high >= 2 and inner.last_term and inner.first_ws
        return Shape(low == 0 or inner.empty, inner.first_ws, inner.last_term, inner.crosses or again)
    if op in (C.ASSERT, C.ASSERT_NOT):
        direction, body = av
        if direction < 0:
            return NOTHING  # a look-behind reads what came before: the real text in every scan
        inner = _sequence(body)
        if inner is None:
            return None
        # a look-ahead whose body can be empty may hinge on the end of the text: count it as whitespace
        return Shape(True, inner.first_ws or inner.empty, False, inner.crosses)
    if op is C.AT:
        return NOTHING if av in SAFE_AT else Shape(True, True, False, False)  # '$' tells the end from a space
    return None


def _consumes(op, av, ch: str) -> bool:
    """Can this one-character step consume ``ch``? (Terminators and whitespace have no case.)"""
    if op is C.LITERAL:
        return ch == chr(av)
    if op is C.NOT_LITERAL:
        return ch != chr(av)
    if op is C.ANY:
        return True  # '.' takes every terminator, and ' ' at least
    negate = bool(av) and av[0][0] is C.NEGATE
    hit = any(_in_class(kind, value, ch) for kind, value in av if kind is not C.NEGATE)
    return hit != negate


CATEGORY_TEST = {
    C.CATEGORY_DIGIT: str.isdecimal, C.CATEGORY_NOT_DIGIT: lambda c: not c.isdecimal(),
    C.CATEGORY_SPACE: str.isspace, C.CATEGORY_NOT_SPACE: lambda c: not c.isspace(),
    C.CATEGORY_WORD: lambda c: c.isalnum() or c == "_", C.CATEGORY_NOT_WORD: lambda c: not (c.isalnum() or c == "_"),
    C.CATEGORY_LINEBREAK: lambda c: c == "\n", C.CATEGORY_NOT_LINEBREAK: lambda c: c != "\n",
}


def _in_class(kind, value, ch: str) -> bool:
    if kind is C.LITERAL:
        return ch == chr(value)
    if kind is C.RANGE:
        return value[0] <= ord(ch) <= value[1]
    if kind is C.CATEGORY:
        return CATEGORY_TEST[value](ch)
    return True  # anything else: assume it may


def _needs_digit(items) -> bool:
    """Every match of the sequence consumes a digit (look-arounds do not count: they consume nothing)."""
    for op, av in items:
        if op is C.LITERAL and DIGIT.fullmatch(chr(av)):
            return True
        if op is C.IN and _digits_only(av):
            return True
        if op is C.SUBPATTERN and _needs_digit(av[3]):
            return True
        if op is C.ATOMIC_GROUP and _needs_digit(av):
            return True
        if op is C.BRANCH and all(_needs_digit(alternative) for alternative in av[1]):
            return True
        if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT) and av[0] >= 1 and _needs_digit(av[2]):
            return True
    return False


def _digits_only(items) -> bool:
    for kind, value in items:
        if kind is C.LITERAL and DIGIT.fullmatch(chr(value)):
            continue
        if kind is C.RANGE and all(DIGIT.fullmatch(chr(c)) for c in range(value[0], value[1] + 1)):
            continue
        if kind is C.CATEGORY and value is C.CATEGORY_DIGIT:
            continue
        return False
    return bool(items)
