"""Shared fixtures. Prefect state lives in a temporary PREFECT_HOME, set before Prefect is imported."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ["PREFECT_HOME"] = tempfile.mkdtemp(prefix="prefect-home-")
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ.pop("PREFECT_API_URL", None)

import pytest  # noqa: E402

from extract.documents import from_text  # noqa: E402
from extract.pipeline import extract_records  # noqa: E402

HERE = Path(__file__).parent
GOLDEN_DIR = HERE / "golden"
ROOT = HERE.parent


def records_of(text: str, doc_id: str = "phrase"):
    """Records extracted from a snippet, as plain dicts."""
    return [r.model_dump() for r in extract_records(from_text(text, doc_id)).records]


@pytest.fixture(scope="session")
def prefect_harness():
    """One Prefect test server for the whole session (Prefect's recipe); only flow tests pay for it."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield
