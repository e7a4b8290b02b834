"""Normalise typography for matching while keeping a map back to the original characters.

Rules match on one spelling (``>=``, ``-``, ``.``, ``^6``); evidence is always cut from the
original text through the offset map, so what a curator sees is verbatim.
"""
from __future__ import annotations

from dataclasses import dataclass

# One original character -> its matching spelling. Context-dependent characters are handled below.
CHAR_MAP: dict[str, str] = {
    "≥": ">=", "⩾": ">=", "≧": ">=",
    "≤": "<=", "⩽": "<=", "≦": "<=",
    "–": "-", "—": "-", "−": "-", "‐": "-", "‑": "-", "‒": "-", "﹣": "-", "－": "-",
    "×": "x",
    "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2007": " ", "\u2009": " ", "\u200a": " ",
    "\u202f": " ", "\u3000": " ", "\t": " ",
    "\u200b": "", "\u00ad": "", "\ufeff": "",
    "’": "'", "‘": "'", "“": '"', "”": '"',
    "％": "%", "＜": "<", "＞": ">", "＝": "=",
}
SUPERSCRIPTS = dict(zip("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789"))
# Glyphs that slide and PDF exporters leave where a bullet was (Wingdings "•" often arrives as "Å").
BULLET_GLYPHS = set("•◦▪▫■□●○►▶➢➤✓✔Å§Øü")
MIDDLE_DOTS = set("·•∙⋅")


@dataclass(frozen=True)
class Normalized:
    """Normalised text plus, for every normalised character, the index of its original character."""

    text: str
    origin: list[int]
    original: str

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            pos = self.origin[start] if start < len(self.origin) else len(self.original)
            return pos, pos
        return self.origin[start], self.origin[end - 1] + 1

    def original_text(self, start: int, end: int) -> str:
        a, b = self.span_to_original(start, end)
        return self.original[a:b]


def normalize(text: str) -> Normalized:
    """Map typographic variants to one spelling; ``len(origin) == len(text)`` always holds."""
    out: list[str] = []
    origin: list[int] = []
    n = len(text)
    line_start = True
    prev_sup = False
    for i, ch in enumerate(text):
        prev = text[i - 1] if i else ""
        nxt = text[i + 1] if i + 1 < n else ""
        if ch in SUPERSCRIPTS:
            rep = ("" if prev_sup else "^") + SUPERSCRIPTS[ch]
            prev_sup = True
        else:
            prev_sup = False
            if ch in MIDDLE_DOTS and prev.isdigit() and nxt.isdigit():
                rep = "."  # Lancet-style decimal point: 8·3 months
            elif line_start and ch in BULLET_GLYPHS:
                rep = "• "
            elif ch in MIDDLE_DOTS:
                rep = " "
            else:
                rep = CHAR_MAP.get(ch, ch)
        for r in rep:
            out.append(r)
            origin.append(i)
        if ch == "\n" or ch == "\f":
            line_start = True
        elif not ch.isspace():
            line_start = False
    return Normalized("".join(out), origin, text)
