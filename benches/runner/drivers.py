"""Running one benchmark driver process and reading its JSON line."""

from __future__ import annotations

import json
import os
import subprocess

from .clients import Client
from .paths import LIBRARY
from .servers import APP_TOKEN, PRIVATE_KEY

# Proxy variables are dropped so that every call goes straight to loopback.
_PROXY_VARIABLES = {"http_proxy", "https_proxy", "all_proxy", "no_proxy", "ftp_proxy"}


class DriverError(RuntimeError):
    """A driver exited with an error; the message carries its stderr."""


def base_environment() -> dict[str, str]:
    env = {name: value for name, value in os.environ.items()
           if name.lower() not in _PROXY_VARIABLES and not name.startswith("ZIGGEO_BENCH_")}
    env.update({
        "LIBZIGGEO_PATH": str(LIBRARY),
        "ZIGGEO_BENCH_APP_TOKEN": APP_TOKEN,
        "ZIGGEO_BENCH_PRIVATE_KEY": PRIVATE_KEY,
        "NO_PROXY": "*",
    })
    return env


def run(client: Client, settings: dict[str, object], ca_file: str | None,
        prefix: list[str] | None = None, timeout: float = 300) -> dict:
    """Run `client`'s driver with ZIGGEO_BENCH_<KEY> set from `settings`; return its result."""
    env = base_environment()
    env.update(client.env)
    env.update({f"ZIGGEO_BENCH_{key.upper()}": str(value) for key, value in settings.items()})
    if ca_file:
        env["ZIGGEO_BENCH_CA_FILE"] = ca_file
        env[client.ca_env] = ca_file
    try:
        process = subprocess.run([*(prefix or []), *client.command], env=env, capture_output=True,
                                 text=True, timeout=timeout)
    except subprocess.TimeoutExpired as error:
        raise DriverError(f"{client.name}: no result within {timeout:.0f} s") from error
    if process.returncode != 0:
        detail = process.stderr.strip().splitlines()[-3:]
        raise DriverError(f"{client.name} exited with status {process.returncode}: {' / '.join(detail)}")
    return json.loads(process.stdout.strip().splitlines()[-1])
