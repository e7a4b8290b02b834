"""A per-document time budget, so one pathological file cannot stall a whole run.

In the main thread an interval timer (``SIGALRM``) interrupts the work wherever it is. Elsewhere
(a Prefect task runs in a worker thread, where signals cannot be used) or when another timer is
already armed, the caller checks the budget between stages instead: a slow stage then finishes,
but the document still becomes a ``timeout`` error row.
"""
from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager
from typing import Iterator

__all__ = ["BudgetExceeded", "Budget", "time_budget"]


class BudgetExceeded(BaseException):
    """Raised inside the budgeted block when its time is up.

    A ``BaseException``, like ``KeyboardInterrupt``: library code that turns every ``Exception`` into
    its own error (the PDF reader calls any parser failure 'corrupt') must not swallow a time-out.
    """

    def __init__(self, seconds: float, stage: str | None = None) -> None:
        self.seconds = seconds
        self.stage = stage
        super().__init__(seconds, stage)

    def __str__(self) -> str:
        where = f" ({self.stage})" if self.stage else ""
        return f"took longer than the {self.seconds:g} s time budget{where}"


class Budget:
    """Elapsed-time bookkeeping for one document; ``check`` is the fallback when no timer runs."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds if seconds and seconds > 0 else None
        self.started = time.monotonic()
        self.interrupts = False  # True when a timer will interrupt the block by itself

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def check(self, stage: str) -> None:
        """Raise ``BudgetExceeded`` if the budget is spent; call it between stages."""
        if self.seconds is not None and self.elapsed() > self.seconds:
            raise BudgetExceeded(self.seconds, f"after {stage}")


def _can_use_timer() -> bool:
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        return False
    # Someone else's timer (a test runner's, a caller's) is running: do not clobber it.
    return signal.getitimer(signal.ITIMER_REAL)[0] == 0


@contextmanager
def time_budget(seconds: float | None) -> Iterator[Budget]:
    """Run a block under a wall-clock budget; ``None`` or ``0`` means no budget.

    Raises:
        BudgetExceeded: the block ran out of time (from the timer, or from ``Budget.check``).
    """
    budget = Budget(seconds)
    if budget.seconds is None or not _can_use_timer():
        yield budget
        return
    active = True

    def _on_alarm(signum, frame):  # noqa: ARG001 - signal handler signature
        if active:
            raise BudgetExceeded(budget.seconds)

    previous = signal.signal(signal.SIGALRM, _on_alarm)
    budget.interrupts = True
    try:
        signal.setitimer(signal.ITIMER_REAL, budget.seconds)  # inside try: a tiny budget may fire at once
        yield budget
    finally:
        active = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
