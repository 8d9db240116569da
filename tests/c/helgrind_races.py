#!/usr/bin/env python3
"""Sorts the races in a helgrind XML report into explained and unexplained.

Usage: helgrind_races.py REPORT.xml

helgrind does not model the atomics and futexes that Rust's standard library
locks with, so it reports a race wherever ureq hands a pooled connection or a
lazily built static from one thread to the next through a std Mutex or Once.
ureq and ureq-proto are built with #![forbid(unsafe_code)], so safe Rust's
rules already rule out a data race in them; such reports are the tool's blind
spot, not a fault.

Each side of a race (the access, and the earlier access it conflicts with) is
attributed to the first frame, walking down from the top, that is either in
ureq or ureq-proto, or in code that can race: libziggeo's own sources or the
C test. Frames of the Rust standard library, of libc and of the other crates
ureq calls (http, httparse, rustls) are passed over. A race is explained only
when both sides are attributed to ureq. Any other race fails the check and is
printed with both stacks.

Exit status: 0 when every race is explained, 1 otherwise, 2 for a report
that cannot be read.
"""

import collections
import pathlib
import re
import sys
import xml.etree.ElementTree as ElementTree

# The repository: sources under it are libziggeo's own or the C tests'.
PROJECT = str(pathlib.Path(__file__).resolve().parents[2])

# Crates that forbid unsafe code, so a race in them cannot be real.
SAFE_CRATES = ("ureq", "ureq-proto")

# A registry source path: .../registry/src/<index>/<crate>-<version>/...
CRATE_DIRECTORY = re.compile(r"/registry/src/[^/]+/([A-Za-z0-9_-]+?)-\d+\.\d+\.\d+[^/]*")


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


def race_sides(error):
    """Return the access stack and the stack of the race's other side.

    The other side is the earlier access that helgrind recorded. helgrind
    records none when the block's last owner is the thread that allocated
    it, so then the allocation stands in for that side; a 15 times larger
    --conflict-cache-size left these races unchanged. None when helgrind
    names neither.
    """

    children = list(error)
    access = error.find("stack")
    other = None
    for index, child in enumerate(children):
        text = child.findtext("text") or child.text or ""
        conflict = child.tag == "xauxwhat" and text.startswith("This conflicts with")
        allocation = child.tag == "auxwhat" and text.endswith("alloc'd")
        if conflict or (allocation and other is None):
            following = children[index + 1 :]
            other = next((item for item in following if item.tag == "stack"), None)
        if conflict:
            break
    return access, other


def print_race(error, access, conflicting):
    """Print an unexplained race with both of its stacks."""

    print(error.findtext("xwhat/text") or error.findtext("what") or "race")
    for frame in access.findall("frame"):
        print(f"    {describe(frame)}")
    if conflicting is None:
        print("  other side: not recorded")
        return
    print("  other side (earlier access, or the allocation):")
    for frame in conflicting.findall("frame"):
        print(f"    {describe(frame)}")


def main(arguments):
    if len(arguments) != 2:
        print("usage: helgrind_races.py REPORT.xml", file=sys.stderr)
        return 2
    try:
        report = ElementTree.parse(arguments[1]).getroot()
    except (OSError, ElementTree.ParseError) as error:
        print(f"cannot read helgrind report {arguments[1]!r}: {error}", file=sys.stderr)
        return 2

    explained = collections.Counter()
    unexplained = 0
    other_errors = 0
    for error in report.findall("error"):
        if error.findtext("kind") != "Race":
            other_errors += 1
            print(f"helgrind error of kind {error.findtext('kind')}: {error.findtext('what')}")
            continue

        access, conflicting = race_sides(error)
        sides = (owner(access), owner(conflicting) if conflicting is not None else "unknown")
        if all(side in SAFE_CRATES for side in sides):
            explained[sides] += 1
            continue

        unexplained += 1
        print_race(error, access, conflicting)

    total = sum(explained.values())
    print(f"races explained by ureq's std locks (both sides in safe Rust): {total}")
    for sides, count in sorted(explained.items()):
        print(f"    {count:6d}  {sides[0]} / {sides[1]}")
    print(f"races or errors elsewhere: {unexplained + other_errors}")
    return 0 if unexplained + other_errors == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
