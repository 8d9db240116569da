#!/usr/bin/env python3
"""Sorts the races in a helgrind XML report into explained and unexplained.

Usage: helgrind_races.py REPORT.xml

helgrind does not model the atomics and futexes that Rust's standard library
locks with. So it reports a race wherever ureq hands a pooled connection, or a
lazily built static, from one thread to the next through a std Mutex or Once.
ureq and ureq-proto are built with #![forbid(unsafe_code)], so safe Rust's
rules already rule out a data race in memory that only they own. Such
reports are the tool's blind spot, not a fault.

A race is explained only when all three of these belong to ureq:
- the access: its first frame, walking down from the top, that is in ureq,
  in ureq-proto, or in code that can race (libziggeo's own sources or the C
  test). Frames of the Rust standard library, of libc and of the other crates
  ureq calls (http, httparse, rustls) are passed over;
- the earlier access it conflicts with, when helgrind recorded one;
- the memory: a heap block allocated from ureq, or a static of ureq's.
  Memory that libziggeo or the C test owns and lends to ureq fails the check,
  because unsafe code there could share it between threads.
Any other race, or any other kind of error, fails the check and is printed
with its stacks.

Exit status: 0 when every race is explained, 1 otherwise, 2 for a report
that cannot be read or that is not a finished helgrind run.
"""

import collections
import pathlib
import re
import sys
import xml.etree.ElementTree as ElementTree

# The repository: sources under it are libziggeo's own or the C tests'.
PROJECT = str(pathlib.Path(__file__).resolve().parents[2])

# Crates that forbid unsafe code, so a race in their own memory cannot be real.
SAFE_CRATES = ("ureq", "ureq-proto")

# A registry source path: .../registry/src/<index>/<crate>-<version>/...
CRATE_DIRECTORY = re.compile(r"/registry/src/[^/]+/([A-Za-z0-9_-]+?)-\d+\.\d+\.\d+[^/]*")

# What a conflicting access may be when helgrind gives no frame to attribute.
UNATTRIBUTED = ("not recorded", "truncated")

# helgrind's description of memory in a static: ... inside data symbol "NAME".
DATA_SYMBOL = re.compile(r'inside data symbol "([^"]+)"')

# A legacy-mangled Rust symbol starts with its crate: _ZN<length><crate>...
MANGLED_CRATE = re.compile(r"_ZN(\d+)")


def frame_origin(frame):
    """Return where a frame's code comes from: a crate's name, "project" or None.

    None is code outside the repository and the crate registry, such as the
    Rust standard library, libc and valgrind's allocator. The caller passes
    over such frames.
    """

    directory = frame.findtext("dir") or ""
    crate = CRATE_DIRECTORY.search(directory)
    if crate:
        return crate.group(1)
    if directory == PROJECT or directory.startswith(PROJECT + "/"):
        return "project"
    return None


def describe(frame):
    """Return a frame as "function (file:line)", or with its object file."""

    name = frame.findtext("fn") or "???"
    file = frame.findtext("file")
    if file:
        return f"{name} ({file}:{frame.findtext('line')})"
    return f"{name} ({frame.findtext('obj') or 'unknown object'})"


def owner(stack):
    """Return the crate, "project" or "unknown" that a stack's access belongs to."""

    for frame in stack.findall("frame"):
        origin = frame_origin(frame)
        if origin in SAFE_CRATES or origin == "project":
            return origin
    return "unknown"


def conflict_owner(conflicting):
    """Return who made the conflicting access, or one of UNATTRIBUTED.

    helgrind keeps only 8 frames of an earlier access, so its stack may end
    inside the standard library before it reaches any frame of ureq's or
    ours. Such a side is "truncated" and passes like an unrecorded one,
    because the memory rule still holds: only ureq's own memory passes, and
    our code reaches that only through ureq.
    """

    if conflicting is None:
        return "not recorded"
    found = owner(conflicting)
    return "truncated" if found == "unknown" else found


def symbol_crate(symbol):
    """Return the crate of a legacy-mangled Rust symbol, or "unknown"."""

    length = MANGLED_CRATE.match(symbol)
    if not length:
        return "unknown"
    start = length.end()
    return symbol[start : start + int(length.group(1))].replace("_", "-")


def stack_after(children, index):
    """Return the first stack after position `index`, or None."""

    return next((child for child in children[index + 1 :] if child.tag == "stack"), None)


def race_parts(error):
    """Return the access stack, the conflicting access's stack and the memory's owner.

    The conflicting stack is None when helgrind recorded no earlier access,
    which it does when the memory's last owner is the thread that allocated
    it. The memory's owner is the crate or "project" that allocated the heap
    block, the crate of the static, or "unknown".
    """

    children = list(error)
    access = error.find("stack")
    conflicting = None
    memory = "unknown"
    for index, child in enumerate(children):
        text = child.findtext("text") or child.text or ""
        if child.tag == "xauxwhat" and text.startswith("This conflicts with"):
            conflicting = stack_after(children, index)
        elif child.tag == "auxwhat" and text.startswith("Address") and text.endswith("alloc'd"):
            allocation = stack_after(children, index)
            memory = owner(allocation) if allocation is not None else "unknown"
        elif child.tag == "auxwhat" and DATA_SYMBOL.search(text):
            memory = symbol_crate(DATA_SYMBOL.search(text).group(1))
    return access, conflicting, memory


def print_race(error, access, conflicting, memory):
    """Print an unexplained race with its stacks and the memory's owner."""

    print(error.findtext("xwhat/text") or error.findtext("what") or "race")
    for child in error:
        if child.tag == "auxwhat" and (child.text or "").startswith("Address"):
            print(f"  {child.text}")
    for frame in access.findall("frame"):
        print(f"    {describe(frame)}")
    if conflicting is None:
        print("  conflicting access: not recorded")
    else:
        print("  conflicting access:")
        for frame in conflicting.findall("frame"):
            print(f"    {describe(frame)}")
    print(f"  memory owned by: {memory}")


def check_report(report):
    """Return why `report` is not a finished helgrind run, or None."""

    tool = report.findtext("protocoltool")
    if tool != "helgrind":
        return f"the report is from {tool or 'no tool'}, not helgrind"
    states = [status.findtext("state") for status in report.findall("status")]
    if "FINISHED" not in states:
        return "the run did not finish; rerun the program under helgrind"
    return None


def main(arguments):
    if len(arguments) != 2:
        print("usage: helgrind_races.py REPORT.xml", file=sys.stderr)
        return 2
    try:
        report = ElementTree.parse(arguments[1]).getroot()
    except (OSError, ElementTree.ParseError) as error:
        print(f"cannot read helgrind report {arguments[1]!r}: {error}", file=sys.stderr)
        return 2
    problem = check_report(report)
    if problem:
        print(f"invalid helgrind report {arguments[1]!r}: {problem}", file=sys.stderr)
        return 2

    explained = collections.Counter()
    failures = 0
    for error in report.findall("error"):
        if error.findtext("kind") != "Race":
            failures += 1
            print(f"helgrind error of kind {error.findtext('kind')}: {error.findtext('what')}")
            continue

        access, conflicting, memory = race_parts(error)
        conflict = conflict_owner(conflicting)
        parts = (owner(access), conflict, memory)
        if parts[0] in SAFE_CRATES and conflict in SAFE_CRATES + UNATTRIBUTED and memory in SAFE_CRATES:
            explained[parts] += 1
            continue

        failures += 1
        print_race(error, access, conflicting, memory)

    print(f"races explained by ureq's std locks (access / conflicting access / memory): {sum(explained.values())}")
    for parts, count in sorted(explained.items()):
        print(f"    {count:6d}  {' / '.join(parts)}")
    print(f"races or errors elsewhere: {failures}")
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
