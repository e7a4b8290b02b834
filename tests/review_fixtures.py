"""Fixtures and helpers for the review tests: a copy of raw/ and a first run over it."""
from __future__ import annotations

import csv
import shutil

import pandas as pd
import pytest

from conftest import ROOT
from extract.runner import run_directory

DOC = "000_84ca8e7f984b772b"


@pytest.fixture
def raw(tmp_path):
    folder = tmp_path / "raw"
    shutil.copytree(ROOT / "raw", folder)
    return folder


@pytest.fixture
def out(raw, tmp_path):
    folder = tmp_path / "out"
    run_directory(raw, folder)
    return folder


def curated(out) -> pd.DataFrame:
    return pd.read_parquet(out / "endpoints.parquet")


def log_rows(out) -> list[dict[str, str]]:
    with open(out / "corrections.csv", encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))
