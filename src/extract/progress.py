"""A progress display for long command-line runs: documents done, documents per second, ETA.

On a terminal it redraws one line (``\\r``); into a log file or pipe it prints a plain line at most
every few seconds, so a 4,000-document run does not write 4,000 lines. No dependency needed.
"""
from __future__ import annotations

import sys
import time
from typing import TextIO

WIDTH = 24


def _clock(seconds: float) -> str:
    seconds = int(max(seconds, 0))
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class ProgressBar:
    """Call ``update(done, total)`` after each document and ``close()`` at the end."""

    def __init__(self, stream: TextIO | None = None, every: float = 0.2, log_every: float = 5.0,
                 clock=time.monotonic) -> None:
        self.stream = stream or sys.stderr
        self.tty = getattr(self.stream, "isatty", lambda: False)()
        self.every = every if self.tty else log_every
        self.clock = clock
        self.started = clock()
        self.last = float("-inf")
        self.shown = False

    def line(self, done: int, total: int, label: str = "") -> str:
        elapsed = self.clock() - self.started
        rate = done / elapsed if elapsed > 0 else 0.0
        eta = _clock((total - done) / rate) if rate > 0 else "?"
        filled = int(WIDTH * done / total) if total else WIDTH
        bar = "#" * filled + "-" * (WIDTH - filled)
        tail = f" {label}" if label else ""
        return f"[{bar}] {done}/{total} {rate:.1f} docs/s ETA {eta}{tail}"

    def update(self, done: int, total: int, label: str = "") -> None:
        now = self.clock()
        if done < total and now - self.last < self.every:
            return
        self.last = now
        text = self.line(done, total, label)
        if self.tty:
            self.stream.write("\r" + text[:120].ljust(120))
        else:
            self.stream.write(text + "\n")
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        if self.tty and self.shown:
            self.stream.write("\n")
            self.stream.flush()
