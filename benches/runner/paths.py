"""Paths of the repository, its build outputs and the programs the harness runs."""

from __future__ import annotations

import os
from pathlib import Path

BENCHES = Path(__file__).resolve().parent.parent
ROOT = BENCHES.parent
# Ignored outputs: drivers, the official SDKs, raw results.
BUILD = ROOT / "build" / "bench"
LIBRARY = Path(os.environ.get("LIBZIGGEO_PATH") or ROOT / "target/release/libziggeo.so")
SANDBOX = Path(os.environ.get("ZIGGEO_BENCH_SANDBOX_BIN") or ROOT / "target/release/ziggeo-sandbox")
