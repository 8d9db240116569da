"""Facts for the report: the machine, the tool versions and the library file."""

from __future__ import annotations

import os
import platform
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from .paths import BUILD, LIBRARY, ROOT

# Libraries the stripped libziggeo.so may need at run time.
ALLOWED_NEEDED = ("libc.so", "libm.so", "libpthread.so", "libdl.so", "ld-linux")


def _output(command: list[str], cwd: Path | None = None) -> str:
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=60, cwd=cwd)
    except (OSError, subprocess.TimeoutExpired):
        return "not found"
    text = (done.stdout or done.stderr).strip()
    return text.splitlines()[0] if text else "unknown"


def machine() -> dict:
    cpuinfo = Path("/proc/cpuinfo").read_text()
    model = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.M)
    memory = re.search(r"^MemTotal:\s*(\d+)", Path("/proc/meminfo").read_text(), re.M)
    return {
        "cores": os.cpu_count(),
        "cpu_model": model.group(1).strip() if model else "unknown",
        "memory_gib": round(int(memory.group(1)) / 2**20, 1) if memory else None,
        "kernel": platform.release(),
        "load_average": os.getloadavg(),
    }


def versions(python: str) -> dict:
    node_official = BUILD / "node-official/node_modules/ziggeo/package.json"
    return {
        "libziggeo": _output(["sed", "-n", 's/^version = "\\(.*\\)"/\\1/p', str(ROOT / "Cargo.toml")]),
        "rustc": _output(["rustc", "--version"]),
        "cc": _output(["cc", "--version"]),
        "python": _output([python, "--version"]),
        "node": _output(["node", "--version"]),
        "go": _output(["go", "version"]),
        "wrk": _output(["wrk", "-v"]),
        "official Python SDK": _output([python, "-c", "import importlib.metadata as m; print(m.version('ziggeo'))"]),
        "official Node SDK": _output(["node", "-p", f"require('{node_official}').version"]),
    }


def library() -> dict:
    """Size of a stripped copy of libziggeo.so, and the libraries it needs at run time."""
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / LIBRARY.name
        shutil.copy(LIBRARY, copy)
        subprocess.run(["strip", "--strip-all", str(copy)], check=True)
        stripped = copy.stat().st_size
    dynamic = subprocess.run(["readelf", "-d", str(LIBRARY)], capture_output=True, text=True, check=True).stdout
    needed = re.findall(r"\(NEEDED\)\s+Shared library: \[(.+?)\]", dynamic)
    symbols = subprocess.run(["readelf", "-W", "--dyn-syms", str(LIBRARY)], capture_output=True, text=True).stdout
    return {
        "path": str(LIBRARY.relative_to(ROOT)) if LIBRARY.is_relative_to(ROOT) else str(LIBRARY),
        "size_bytes": LIBRARY.stat().st_size,
        "stripped_bytes": stripped,
        "needed": needed,
        "unexpected_needed": [name for name in needed if not name.startswith(ALLOWED_NEEDED)],
        # TLS is built in when no TLS library is needed and the HTTPS runs succeed.
        "tls_library_needed": any(re.match(r"lib(ssl|crypto|gnutls)", name) for name in needed),
        "exported_ziggeo_functions": len(set(re.findall(r"\b(ziggeo_\w+)", symbols))),
    }
