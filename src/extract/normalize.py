"""Normalise typography for matching while keeping a map back to the original characters.

Rules match on one spelling (``>=``, ``-``, ``.``, ``^6``); evidence is always cut from the
original text through the offset map, so what a curator sees is verbatim.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# One original character -> its matching spelling. Context-dependent characters are handled below.
CHAR_MAP: dict[str, str] = {
    "≥": ">=", "⩾": ">=", "≧": ">=",
    "≤": "<=", "⩽": "<=", "≦": "<=",
    "–": "-", "—": "-", "−": "-", "‐": "-", "‑": "-", "‒": "-", "﹣": "-", "－": "-",
    "×": "x",
    "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2007": " ", "\u2009": " ", "\u200a": " ",
    "\u202f": " ", "\u3000": " ", "\t": "  ",  # a tab parts table columns as a run of spaces does
    "\u200b": "", "\u00ad": "", "\ufeff": "",
    "’": "'", "‘": "'", "“": '"', "”": '"',
    "％": "%", "＜": "<", "＞": ">", "＝": "=",
    "†": " ", "‡": " ", "¶": " ", "‖": " ",  # footnote marks glued to a table label ('Neutropenia†')
}
SUPERSCRIPTS = dict(zip("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789"))
# Glyphs that slide and PDF exporters leave where a bullet was (Wingdings "•" often arrives as "Å").
BULLET_GLYPHS = set("•◦▪▫■□●○►▶➢➤✓✔Å§Øü")
MIDDLE_DOTS = set("·•∙⋅")
# Every character that may be spelled differently; all others are copied as they are.
SPECIAL = re.compile("[" + re.escape("".join(sorted(set(CHAR_MAP) | set(SUPERSCRIPTS) | BULLET_GLYPHS | MIDDLE_DOTS))) + "]"
                     r"|(?<=\d) ?(?:percent|per cent)\b"
                     r"| v\.?(?= \d)"  # '55% v 45%': 'vs' as the rules spell it (after a figure: _v_between_figures)
                     r"|\((?<=[A-Za-z]\()[a-h]\)(?=\s|$)")  # 'Infections(a)': a footnote letter glued to a table label
#                                                  (the '(' first: a look-behind first would be tried at every character)


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
    """Map typographic variants to one spelling; ``len(origin) == len(text)`` always holds.

    Only the few characters that change are visited one by one (found with one regex); the runs
    between them are copied whole, which keeps this off the profile of a typical abstract.
    """
    parts: list[str] = []
    origin: list[int] = []
    n = len(text)
    pos = 0
    for m in SPECIAL.finditer(text):
        i = m.start()
        if i > pos:
            parts.append(text[pos:i])
            origin.extend(range(pos, i))
        if m.group(0).startswith("("):
            parts.append(" " * (m.end() - i))  # the footnote reads as blank: 'Infections' is the label
            origin.extend(range(i, m.end()))
            pos = m.end()
            continue
        if m.group(0).startswith(" v"):
            if _v_between_figures(text, i):
                parts.append(" vs" + m.group(0)[2:])
                origin.extend([i, i + 1, i + 1] + list(range(i + 2, m.end())))
            else:
                parts.append(m.group(0))
                origin.extend(range(i, m.end()))
            pos = m.end()
            continue
        if m.end() - i > 1:  # '62 percent' reads as '62%'; the sign stands for the whole word
            word = m.group(0)
            lead = " " if word.startswith(" ") else ""
            parts.append(lead + "%")
            origin.extend(([i] if lead else []) + [m.end() - 1])
            pos = m.end()
            continue
        rep = _replacement(text, i, n)
        parts.append(rep)
        origin.extend([i] * len(rep))
        pos = i + 1
    if pos < n:
        parts.append(text[pos:])
        origin.extend(range(pos, n))
    return Normalized("".join(parts), origin, text)


def _replacement(text: str, i: int, n: int) -> str:
    """The spelling of the special character at ``i``, which may depend on its neighbours."""
    ch = text[i]
    if ch in SUPERSCRIPTS:
        return ("^" if i == 0 or text[i - 1] not in SUPERSCRIPTS else "") + SUPERSCRIPTS[ch]
    if ch in MIDDLE_DOTS and i and text[i - 1].isdigit() and i + 1 < n and text[i + 1].isdigit():
        return "."  # Lancet-style decimal point: 8·3 months
    if ch in BULLET_GLYPHS and _at_line_start(text, i):
        return "• "
    if ch == "§":
        return " "  # 'Hemorrhage§': a footnote mark, where it is no bullet
    if ch in MIDDLE_DOTS:
        return " "
    return CHAR_MAP.get(ch, ch)


def _at_line_start(text: str, i: int) -> bool:
    """Only whitespace between the last line or page break and ``i``."""
    line = max(text.rfind("\n", 0, i), text.rfind("\f", 0, i)) + 1
    return not text[line:i] or text[line:i].isspace()


V_AFTER = re.compile(r"(?:[\d%]|(?<![A-Za-z])mo|months|weeks)$")


def _v_between_figures(text: str, i: int) -> bool:
    """' v ' at ``i`` follows a figure ('55% v 45%', '11.8 mo v 6.3 mo'), so it reads as 'vs'."""
    return bool(V_AFTER.search(text, max(0, i - 6), i))
