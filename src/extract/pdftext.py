"""A PDF page's text rebuilt from pdfplumber word positions, so tables stay tables.

``page.extract_text()`` joins every word of a line with one space: a table's columns then run
together ('Veltarinib Docetaxel HR (95% CI) P' cannot be split into cells) and a superscript
runs into the number it follows ('10⁶' reads '106'). Here words are placed on their line by
position: ordinary word gaps stay one space, a column gap becomes at least two spaces and lands
near the word's x position (so a cell sits under its header), and smaller raised text after a
word is written as Unicode superscript ('10⁶'), or dropped when it is a footnote letter or mark.
"""
from __future__ import annotations

from statistics import median
from typing import Any

SUPERSCRIPT = str.maketrans("0123456789-+−–", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺⁻⁻")
SUPERSCRIPT_SIZE = 0.85     # raised text this much smaller than the line's main size
SUPERSCRIPT_RISE = 0.2      # and whose bottom sits this far (in line sizes) above the baseline
COLUMN_GAP = 0.9            # a gap this wide (in line sizes) separates table cells, not words
SAME_LINE = 0.5             # share of the smaller height two words must overlap to be one line


def page_text(page: Any) -> str:
    """Lines of the page top to bottom, words placed by position."""
    words = page.extract_words(x_tolerance=1.5, y_tolerance=3, keep_blank_chars=False, extra_attrs=["size"])
    if not words:
        return ""
    char_width = _char_width(page)
    left = min(w["x0"] for w in words)
    return "\n".join(_render(line, char_width, left) for line in _lines(words))


def _char_width(page: Any) -> float:
    widths = [c["x1"] - c["x0"] for c in page.chars if c.get("text", " ").strip()]
    return max(median(widths), 1.0) if widths else 5.0


def _lines(words: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Group words whose vertical extents overlap; a raised superscript joins its line."""
    lines: list[dict[str, Any]] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        for line in reversed(lines[-3:]):
            overlap = min(line["bottom"], word["bottom"]) - max(line["top"], word["top"])
            smaller = min(line["bottom"] - line["top"], word["bottom"] - word["top"]) or 1.0
            if overlap >= SAME_LINE * smaller:
                line["words"].append(word)
                if word["size"] >= line["size"]:
                    line.update(top=min(line["top"], word["top"]), bottom=max(line["bottom"], word["bottom"]),
                                size=word["size"])
                break
        else:
            lines.append({"top": word["top"], "bottom": word["bottom"], "size": word["size"], "words": [word]})
    lines.sort(key=lambda line: line["top"])
    return [sorted(line["words"], key=lambda w: w["x0"]) for line in lines]


def _render(words: list[dict[str, Any]], char_width: float, left: float) -> str:
    size = max(w["size"] for w in words)
    baseline = max(w["bottom"] for w in words if w["size"] >= size * SUPERSCRIPT_SIZE)
    out = " " * round((words[0]["x0"] - left) / char_width)  # indented header cells keep their column
    previous: dict[str, Any] | None = None
    for word in words:
        raised = (word["size"] < size * SUPERSCRIPT_SIZE and baseline - word["bottom"] > SUPERSCRIPT_RISE * size)
        if raised and previous is not None:
            text = word["text"]
            if all(ch in "0123456789-+−–" for ch in text):
                out += text.translate(SUPERSCRIPT)
            # other raised text after a word is a footnote mark ('45.2ᵃ', '*', '†'): left out
            continue
        if previous is not None:
            gap = word["x0"] - previous["x1"]
            if gap >= COLUMN_GAP * size:
                out += " " * max(2, round((word["x0"] - left) / char_width) - len(out))
            elif gap > 0.1 * size:
                out += " "
        out += word["text"]
        previous = word
    return out
