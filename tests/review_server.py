"""A review app in a background thread and the system's Chromium, shared by the browser test and
``scripts/review_screenshot.py``."""
from __future__ import annotations

import os
import shutil
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


def chromium_path() -> str | None:
    """Debian's chromium (browser downloads are not possible here); CHROMIUM=path overrides."""
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


@contextmanager
def running_app(out_dir: Path, reviewer: str = "tester") -> Iterator[str]:
    """Serve the review app on a free 127.0.0.1 port; yields its base URL."""
    import uvicorn

    from extract.review_app import create_app, free_port

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(out_dir, reviewer=reviewer), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("review app did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextmanager
def browser_page(width: int = 1500, height: int = 950):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser.new_page(viewport={"width": width, "height": height})
        finally:
            browser.close()


def select_text(page, needle: str) -> None:
    """Select the first occurrence of ``needle`` inside one piece of the document pane, as a mouse would."""
    page.evaluate("""(needle) => {
        const pane = document.getElementById('doctext');
        for (const el of pane.querySelectorAll('[data-s]')) {
            const node = el.firstChild; const i = node ? node.textContent.indexOf(needle) : -1;
            if (i >= 0) {
                const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + needle.length);
                const sel = document.getSelection(); sel.removeAllRanges(); sel.addRange(r); return;
            }
        }
        throw new Error('text not found: ' + needle);
    }""", needle)
