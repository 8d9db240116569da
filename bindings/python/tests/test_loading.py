"""Finding the library: bundled copy, LIBZIGGEO_PATH, and the error listing every path tried."""

from __future__ import annotations

import ctypes
import re
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import libziggeo
from libziggeo import _ffi

PACKAGE_DIR = Path(libziggeo.__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
LIBRARY = os.environ.get("LIBZIGGEO_PATH", "")

PROBE = (
    "import libziggeo, libziggeo._ffi as ffi; "
    "print(ffi.lib._name); print(libziggeo.library_version()); print(libziggeo.__file__)"
)


def run_probe(python_path: Path, cwd: Path, library_path: str | None) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key not in ("LIBZIGGEO_PATH", "PYTHONPATH")}
    env["PYTHONPATH"] = str(python_path)
    if library_path is not None:
        env["LIBZIGGEO_PATH"] = library_path
    return subprocess.run(
        [sys.executable, "-c", PROBE], cwd=cwd, env=env, capture_output=True, text=True, timeout=60
    )


def copy_sources(target: Path) -> Path:
    """Copy the package's Python files, without any bundled library, under ``target``."""
    package = target / "libziggeo"
    shutil.copytree(PACKAGE_DIR, package, ignore=shutil.ignore_patterns("*.so", "*.dylib", "*.dll", "__pycache__"))
    return package


@pytest.fixture
def library_path() -> str:
    if not os.path.isfile(LIBRARY):
        pytest.fail(f"LIBZIGGEO_PATH is {LIBRARY!r}; build with `make lib` and export it")
    return LIBRARY


def test_every_function_declared():
    prototypes = _header_prototypes()

    assert set(prototypes) == set(_ffi.SIGNATURES)
    for name, (return_type, parameters) in prototypes.items():
        restype, argtypes = _ffi.SIGNATURES[name]
        function = getattr(_ffi.lib, name)
        assert function.restype is restype, name
        assert function.argtypes == argtypes, name
        assert restype is _expected_restype(return_type), f"{name} returns {return_type}"
        assert len(argtypes) == len(parameters), name


def test_pointers_are_typed():
    pointer_types = (ctypes._Pointer, ctypes.c_char_p, ctypes.c_void_p)
    for name, (_, parameters) in _header_prototypes().items():
        _, argtypes = _ffi.SIGNATURES[name]
        for parameter, argtype in zip(parameters, argtypes):
            if "*" in parameter:
                assert issubclass(argtype, pointer_types), f"{name}: {parameter} is {argtype}"
            else:
                assert not issubclass(argtype, pointer_types), f"{name}: {parameter} is {argtype}"
        for parameter, argtype in zip(parameters, argtypes):
            if parameter.startswith("char **"):
                assert argtype is _ffi.OwnedStringOut, f"{name}: owned string {parameter} must be c_void_p"
            if parameter.startswith(("const struct Ziggeo", "struct Ziggeo")) and parameter.count("*") == 1:
                assert argtype is not ctypes.c_void_p, f"{name}: handle {parameter} is untyped"


def test_bundled_library_from_other_directory(tmp_path, library_path):
    package = copy_sources(tmp_path / "site")
    shutil.copyfile(library_path, package / "libziggeo.so")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    result = run_probe(tmp_path / "site", elsewhere, None)

    assert result.returncode == 0, result.stderr
    loaded, version, module = result.stdout.split()
    assert loaded == str(package / "libziggeo.so")
    assert version == libziggeo.library_version()
    assert module == str(package / "__init__.py")


def test_env_path_from_other_directory(tmp_path, library_path):
    copy_sources(tmp_path / "site")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    result = run_probe(tmp_path / "site", elsewhere, library_path)

    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[0] == library_path


def test_bundled_copy_wins_over_env(tmp_path, library_path):
    package = copy_sources(tmp_path / "site")
    shutil.copyfile(library_path, package / "libziggeo.so")

    result = run_probe(tmp_path / "site", tmp_path, str(tmp_path / "missing.so"))

    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[0] == str(package / "libziggeo.so")


def test_missing_library_lists_paths(tmp_path):
    package = copy_sources(tmp_path / "site")
    missing = str(tmp_path / "nowhere" / "libziggeo.so")

    result = run_probe(tmp_path / "site", tmp_path, missing)

    assert result.returncode != 0
    assert "OSError: libziggeo could not be loaded" in result.stderr
    assert str(package / "libziggeo.so") in result.stderr
    assert missing in result.stderr
    assert "system library" in result.stderr
    assert "make lib" in result.stderr


def test_pip_install_bundles_library(tmp_path, library_path):
    target = tmp_path / "installed"
    install = subprocess.run(
        [
            sys.executable, "-m", "pip", "install", "-q", "--no-build-isolation", "--no-deps",
            "--target", str(target), str(PROJECT_DIR),
        ],
        env={**os.environ, "LIBZIGGEO_PATH": library_path},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert install.returncode == 0, install.stderr

    result = run_probe(target, tmp_path, None)

    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[0] == str(target / "libziggeo" / "libziggeo.so")
    assert (target / "libziggeo" / "py.typed").is_file()


def _header_prototypes() -> dict[str, tuple[str, list[str]]]:
    """Return each function of include/ziggeo.h as (return type, parameter declarations)."""
    header = (PROJECT_DIR.parents[1] / "include" / "ziggeo.h").read_text()
    prototypes = {}
    for match in re.finditer(r"^([a-z][\w ]*?\s*\**)\s*(ziggeo_\w+)\(([^)]*)\);", header, re.MULTILINE):
        return_type, name, parameters = match.groups()
        parameter_list = [] if parameters.strip() == "void" else [p.strip() for p in parameters.split(",")]
        prototypes[name] = (return_type.strip(), parameter_list)
    return prototypes


def _expected_restype(return_type: str) -> object:
    return {
        "enum ZiggeoStatus": _ffi.Status,
        "enum ZiggeoDeliveryKind": _ffi.DeliveryKind,
        "void": None,
        "const char *": ctypes.c_char_p,
        "int32_t": ctypes.c_int32,
        "bool": ctypes.c_bool,
        "struct ZiggeoOptions *": _ffi.OptionsPtr,
    }[return_type]
