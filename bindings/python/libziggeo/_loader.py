"""Locate and load the libziggeo shared library.

The library is searched for in this order, and the first one that loads wins:

1. the copy bundled inside this package (wheels and ``pip install`` with a
   built library ship one);
2. the path in the environment variable ``LIBZIGGEO_PATH``;
3. the system library, as the dynamic loader finds it (``ctypes.util``).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
from pathlib import Path

ENV_VAR = "LIBZIGGEO_PATH"


def _library_file_name() -> str:
    if sys.platform == "darwin":
        return "libziggeo.dylib"
    if sys.platform == "win32":
        return "ziggeo.dll"
    return "libziggeo.so"


def candidate_paths() -> list[tuple[str, str | None]]:
    """Return (source, path) pairs in search order; path is None when the source has none.

    The system library's path is the name ``ctypes.util.find_library`` returns.
    """
    bundled = str(Path(__file__).resolve().parent / _library_file_name())
    from_env = os.environ.get(ENV_VAR) or None
    system = ctypes.util.find_library("ziggeo")
    return [("bundled", bundled), (ENV_VAR, from_env), ("system library", system)]


def load_library() -> ctypes.CDLL:
    """Load the first library that opens, or raise OSError listing every path tried.

    ``ctypes.CDLL`` (not ``PyDLL``) releases the GIL around each foreign call.
    """
    failures = []
    for source, path in candidate_paths():
        if path is None:
            failures.append(f"{source}: not set or not found")
            continue
        try:
            return ctypes.CDLL(path)
        except OSError as error:
            failures.append(f"{source}: {error}")

    tried = "\n  ".join(failures)
    raise OSError(
        "libziggeo could not be loaded. Tried, in order:\n  "
        f"{tried}\n"
        f"Build it with `make lib` and set {ENV_VAR} to target/release/{_library_file_name()}, "
        "install a wheel that bundles it, or install it system-wide."
    )
