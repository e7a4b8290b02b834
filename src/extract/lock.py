"""One run at a time per output folder: an exclusive ``flock`` on ``OUT_DIR/.lock``.

A scheduled run that starts while the previous one still writes waits for it, then plans against
the ledger that run left behind, so it neither duplicates rows nor reads half-written tables. The
kernel drops the lock when a process dies, so a crashed run never leaves the folder locked.
"""
from __future__ import annotations

import fcntl
import os
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

LOCK_NAME = ".lock"


class RunInProgress(RuntimeError):
    """Another run holds the output folder and the wait ran out."""


def _holder(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8").strip() or "unknown"
    except OSError:
        return "unknown"


@contextmanager
def exclusive(out_dir: str | Path, timeout: float | None = None,
              waiting: Callable[[str], None] | None = None) -> Iterator[Path]:
    """Hold the folder's lock for the ``with`` block; wait up to ``timeout`` seconds (None: for ever)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    path = out / LOCK_NAME
    with open(path, "a+", encoding="utf-8") as fh:
        started, told = time.monotonic(), False
        while True:
            try:
                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if timeout is not None and time.monotonic() - started >= timeout:
                    raise RunInProgress(f"{out}: another run (pid {_holder(path)}) is still writing here") from None
                if waiting and not told:
                    waiting(f"waiting for another run (pid {_holder(path)}) to finish writing {out}")
                    told = True
                time.sleep(0.1)
        try:
            fh.seek(0)
            fh.truncate()
            fh.write(str(os.getpid()))
            fh.flush()
            yield path
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
