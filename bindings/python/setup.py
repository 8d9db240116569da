"""Bundle the built libziggeo shared library into the package, if one is found.

The library is taken from LIBZIGGEO_PATH, else from the repository's
target/release/. Without one, the package installs without a bundled copy
and finds the library at import time through LIBZIGGEO_PATH or the system
library. A wheel that bundles the library is tagged for this platform.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.dist import Distribution

try:
    from wheel.bdist_wheel import bdist_wheel
except ImportError:  # building an sdist or installing without the wheel package
    bdist_wheel = None

HERE = Path(__file__).resolve().parent
FILE_NAME = {"darwin": "libziggeo.dylib", "win32": "ziggeo.dll"}.get(sys.platform, "libziggeo.so")


def built_library() -> Path | None:
    candidates = [os.environ.get("LIBZIGGEO_PATH"), HERE.parent.parent / "target" / "release" / FILE_NAME]
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


class BuildWithLibrary(build_py):
    """Copy the built library next to the package's modules."""

    def run(self) -> None:
        super().run()
        library = built_library()
        if library is None:
            print(f"libziggeo: no built {FILE_NAME} found; the package will look for it at import time")
            return
        target = Path(self.build_lib) / "libziggeo" / FILE_NAME
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(library, target)
        print(f"libziggeo: bundled {library}")


class PlatformDistribution(Distribution):
    """A distribution whose wheel carries a native library, so it is not tagged pure Python."""

    def has_ext_modules(self) -> bool:
        return built_library() is not None


commands: dict[str, type] = {"build_py": BuildWithLibrary}

if bdist_wheel is not None:

    class PlatformWheel(bdist_wheel):
        """Tag the wheel py3-none-PLATFORM: ctypes loads the library from any Python 3."""

        def get_tag(self) -> tuple[str, str, str]:
            _, _, platform = super().get_tag()
            return "py3", "none", platform

    commands["bdist_wheel"] = PlatformWheel

setup(cmdclass=commands, distclass=PlatformDistribution)
