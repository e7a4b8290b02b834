"""The real Prefect flow, under one session test server: same tables as `extract run`, an artifact."""
from __future__ import annotations

import shutil

import pandas as pd

from conftest import GOLDEN_DIR, ROOT
from extract.runner import run_directory


def test_flow_writes_the_same_table_as_the_cli(prefect_harness, tmp_path):
    from flows.ingest import ingest

    raw = tmp_path / "raw"
    shutil.copytree(ROOT / "raw", raw)
    (raw / "broken.pdf").write_bytes(b"not a pdf")
    summary = ingest(raw_dir=raw, curated_dir=tmp_path / "flow", gold_dir=GOLDEN_DIR, batch_size=1)
    run_directory(raw, tmp_path / "cli")
    flow_table = pd.read_parquet(tmp_path / "flow" / "endpoints.parquet")
    cli_table = pd.read_parquet(tmp_path / "cli" / "endpoints.parquet")
    pd.testing.assert_frame_equal(flow_table, cli_table)
    assert summary["errors"] == 1 and summary["f1"] == 1.0
    errors = pd.read_csv(tmp_path / "flow" / "errors.csv", encoding="utf-8-sig")
    assert list(errors["doc_id"]) == ["broken"]


def test_flow_publishes_a_run_artifact(prefect_harness, tmp_path):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    from flows.ingest import ingest

    ingest(raw_dir=ROOT / "raw", curated_dir=tmp_path / "out", gold_dir=GOLDEN_DIR)

    async def latest():
        async with get_client() as client:
            return await client.read_artifacts(
                artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=["ingest-endpoints-run"])))

    import asyncio

    artifacts = asyncio.run(latest())
    assert artifacts
    newest = max(artifacts, key=lambda a: a.created)  # other flow tests publish under the same key
    assert "Golden check" in newest.data and "records" in newest.data
