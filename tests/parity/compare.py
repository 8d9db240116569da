#!/usr/bin/env python3
"""Compare two recorder files request by request; print a unified diff on mismatch.

Usage: compare.py EXPECTED.jsonl ACTUAL.jsonl

Compares method, path, Content-Type, Authorization and body bytes. The
body is shown as a Python bytes literal, so equal text means equal bytes.
Exits 0 when both files hold the same requests in the same order, 1 if not.
"""

from __future__ import annotations

import base64
import difflib
import json
import sys

FIELDS = ("method", "path", "content_type", "authorization")


def render(path: str) -> list[str]:
    """Return one line per compared field of every request in a recorder file."""
    lines = []
    with open(path, encoding="utf-8") as recording:
        for number, raw in enumerate(recording, start=1):
            entry = json.loads(raw)
            for field in FIELDS:
                lines.append(f"request {number} {field}: {entry.get(field)!r}\n")
            body = base64.b64decode(entry["body_b64"])
            lines.append(f"request {number} body: {body!r}\n")
    return lines


def main() -> int:
    if len(sys.argv) != 3:
        print("usage: compare.py EXPECTED.jsonl ACTUAL.jsonl", file=sys.stderr)
        return 2
    expected = render(sys.argv[1])
    actual = render(sys.argv[2])
    if not expected:
        print("parity: the official SDK sent no request; nothing to compare", file=sys.stderr)
        return 1
    if expected == actual:
        print(f"parity: all {len(expected) // (len(FIELDS) + 1)} requests match the official SDK byte for byte")
        return 0
    sys.stdout.writelines(difflib.unified_diff(expected, actual, "official SDK", "client"))
    return 1


if __name__ == "__main__":
    sys.exit(main())
