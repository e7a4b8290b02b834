"""The flow on Prefect's Dask task runner, against the address of a running (local) Dask cluster."""
from __future__ import annotations

import os
import shutil

import pandas as pd

from conftest import GOLDEN_DIR, ROOT
from extract.runner import run_directory


def test_flow_on_a_dask_cluster_writes_the_same_table(prefect_harness, tmp_path, monkeypatch):
    from distributed import LocalCluster

    from flows.ingest import dask_runner, ingest

    raw = tmp_path / "raw"
    raw.mkdir()
    for path in sorted(GOLDEN_DIR.glob("*.txt"))[:6]:
        shutil.copy(path, raw)
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        summary = ingest.with_options(task_runner=dask_runner(cluster.scheduler_address))(
            raw_dir=raw, curated_dir=tmp_path / "flow", gold_dir=None, batch_size=2)
        ran_on_cluster = set(cluster.scheduler.task_prefixes)
    assert summary["documents"] == 6
    assert "extract_batch" in ran_on_cluster  # the batches were Dask tasks, not local threads
    run_directory(raw, tmp_path / "cli")
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "flow" / "endpoints.parquet"),
                                  pd.read_parquet(tmp_path / "cli" / "endpoints.parquet"))
