"""The clients under test and the commands that run their benchmark drivers.

Every driver reads the ZIGGEO_BENCH_* environment variables and prints one
JSON line (see benches/README.md). A client whose driver or runtime is
missing is skipped with the reason, so that the run still reports the rest.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from .paths import BENCHES, BUILD, ROOT


@dataclass(frozen=True)
class Client:
    name: str
    label: str
    command: list[str]
    env: dict[str, str] = field(default_factory=dict)
    libziggeo: bool = True
    # False for clients that cannot share one client between threads.
    concurrent: bool = True
    # Which environment variable makes the client trust the sandbox CA.
    ca_env: str = "ZIGGEO_BENCH_CA_FILE"
    # Files the client needs besides its command, such as a binding's dependencies.
    requires: tuple[Path, ...] = ()

    def missing(self) -> str | None:
        """Return why the client cannot run here, or None when it can."""
        program = self.command[0]
        if not (Path(program).exists() or shutil.which(program)):
            return f"{program} not found"
        for path in (*(Path(arg) for arg in self.command[1:] if arg.endswith((".py", ".js"))), *self.requires):
            if not path.exists():
                return f"{path} not found"
        return None


def all_clients(python: str) -> list[Client]:
    """Return every client, in the order the report lists them."""
    python_env = {"PYTHONPATH": os.pathsep.join([str(ROOT / "bindings/python"), str(BENCHES / "python")])}
    official_python_env = {"PYTHONPATH": str(BENCHES / "python")}
    node_official = {"ZIGGEO_BENCH_NODE_OFFICIAL": str(BUILD / "node-official")}
    node_binding = (ROOT / "bindings/node/index.js", ROOT / "bindings/node/node_modules/koffi")
    return [
        Client("rust", "Rust API", [str(ROOT / "target/release/ziggeo-bench")]),
        Client("c", "C ABI", [str(BUILD / "bench-c")]),
        Client("go", "Go binding", [str(BUILD / "bench-go")]),
        Client("python", "Python binding", [python, str(BENCHES / "python/bench_libziggeo.py")], python_env,
               requires=(ROOT / "bindings/python/libziggeo/__init__.py",)),
        Client("node-sync", "Node binding, sync", ["node", str(BENCHES / "node/bench_libziggeo.js")],
               {"ZIGGEO_BENCH_NODE_MODE": "sync"}, concurrent=False, requires=node_binding),
        Client("node-promise", "Node binding, Promise", ["node", str(BENCHES / "node/bench_libziggeo.js")],
               {"ZIGGEO_BENCH_NODE_MODE": "promise"}, requires=node_binding),
        Client("python-official", "official Python SDK 2.30",
               [python, str(BENCHES / "python/bench_official.py")], official_python_env,
               libziggeo=False, ca_env="SSL_CERT_FILE"),
        Client("node-official", "official Node SDK 0.1.26", ["node", str(BENCHES / "node/bench_official.js")],
               node_official, libziggeo=False, ca_env="NODE_EXTRA_CA_CERTS",
               requires=(BUILD / "node-official/node_modules/ziggeo",)),
    ]


def stale_bundled_libraries(library: Path) -> list[str]:
    """Return a warning for each binding that bundles a libziggeo.so other than `library`.

    The Python and Node bindings load a bundled copy before LIBZIGGEO_PATH.
    """
    warnings = []
    wanted = library.read_bytes()
    for bundled in (ROOT / "bindings/python/libziggeo/libziggeo.so", ROOT / "bindings/node/libziggeo.so"):
        if bundled.exists() and bundled.read_bytes() != wanted:
            warnings.append(f"{bundled.relative_to(ROOT)} differs from {library} and is loaded first; "
                            "remove it to measure the current build")
    return warnings
