"""The scheduled deployment and the incremental flow, under the session Prefect test server."""
from __future__ import annotations

import asyncio
import shutil

import pandas as pd
import pytest

from conftest import ROOT


def _read_deployment(name: str):
    from prefect.client.orchestration import get_client

    async def read():
        async with get_client() as client:
            return await client.read_deployment_by_name(f"ingest-endpoints/{name}")

    return asyncio.run(read())


def test_deployment_registers_cron_schedule_and_folders(prefect_harness, tmp_path):
    from flows.serve import build_deployment

    deployment = build_deployment(tmp_path / "inbox", tmp_path / "curated", cron="0 6 * * 1", name="weekly-test")
    deployment.apply()
    stored = _read_deployment("weekly-test")
    assert [s.schedule.cron for s in stored.schedules] == ["0 6 * * 1"]
    assert stored.parameters["raw_dir"] == str((tmp_path / "inbox").resolve())
    assert stored.parameters["curated_dir"] == str((tmp_path / "curated").resolve())
    assert stored.global_concurrency_limit.limit == 1


def test_deployment_with_interval_schedule(prefect_harness, tmp_path):
    from flows.serve import build_deployment

    build_deployment(tmp_path / "in", tmp_path / "out", interval=3600, name="hourly-test").apply()
    stored = _read_deployment("hourly-test")
    assert [s.schedule.interval.total_seconds() for s in stored.schedules] == [3600.0]


def test_deployment_needs_one_schedule(tmp_path):
    from flows.serve import build_deployment

    with pytest.raises(ValueError, match="exactly one"):
        build_deployment(tmp_path, tmp_path, cron="0 6 * * 1", interval=60)


def test_flow_second_run_does_only_new_work(prefect_harness, tmp_path):
    from flows.ingest import ingest

    raw, out = tmp_path / "raw", tmp_path / "out"
    shutil.copytree(ROOT / "raw", raw)
    first = ingest(raw_dir=raw, curated_dir=out, gold_dir=None, batch_size=1)
    assert first["documents"] == 2 and first["changes"]["appeared"] == first["records"]
    table = pd.read_parquet(out / "endpoints.parquet")
    second = ingest(raw_dir=raw, curated_dir=out, gold_dir=None)
    assert second["documents"] == 0 and second["skipped"] == 2 and second["tables"] == {}
    (raw / "new.txt").write_text("The ORR was 45%.", encoding="utf-8")
    third = ingest(raw_dir=raw, curated_dir=out, gold_dir=None, workers=2)
    assert third["documents"] == 1 and third["changes"]["appeared"] == 1
    after = pd.read_parquet(out / "endpoints.parquet")
    assert len(after) == len(table) + 1
    assert set(pd.read_parquet(out / "documents.parquet")["doc_id"]) == {p.stem for p in raw.iterdir()}
