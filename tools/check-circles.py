#!/usr/bin/env python3
"""check-circles.py - no two files of src/ include each other, directly or
round a longer circle.

A unit is a .c file with its public header (src/app/pals.c with
include/peerdesk/app/pals.h).  A private header (src/**/*_priv.h) is not
a unit of its own: it belongs to the family of files that include it, so
an include through it counts as an include by the file that reads it.
In C a call needs a declaration, so a program whose units include each
other in no circle has no call circle between units either.

Prints each circle it finds and exits 1; prints "check-circles: ok" and
exits 0 when there is none.  Run by `make check-layers`.
"""
import os
import re
import sys

INCLUDE = re.compile(r'\s*#\s*include\s+"([^"]+)"')


def unit_of(path):
    """The unit a file belongs to, or None for a private header."""
    if path.endswith("_priv.h"):
        return None
    if path.startswith("include/peerdesk/"):
        rel = path[len("include/peerdesk/"):]
    elif path.startswith("src/"):
        rel = path[len("src/"):]
    else:
        return None
    return os.path.splitext(rel)[0]


def includes(path):
    """The project files path includes, as paths from the top."""
    out = []
    here = os.path.dirname(path)
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = INCLUDE.match(line)
            if not m:
                continue
            name = m.group(1)
            if name.startswith("peerdesk/"):
                target = os.path.join("include", name)
            else:
                target = os.path.normpath(os.path.join(here, name))
            if os.path.exists(target):
                out.append(target)
    return out


def reached(path, seen):
    """The units path reaches, looking through private headers."""
    found = set()
    for target in includes(path):
        unit = unit_of(target)
        if unit is not None:
            found.add(unit)
        elif target not in seen:
            seen.add(target)
            found |= reached(target, seen)
    return found


def circles(graph):
    """Strongly connected groups of more than one unit (Tarjan)."""
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                out.append(sorted(group))

    sys.setrecursionlimit(20000)
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def main():
    graph = {}
    for top in ("src", "include"):
        for d, _, files in os.walk(top):
            for name in files:
                if not name.endswith((".c", ".h")):
                    continue
                path = os.path.join(d, name)
                unit = unit_of(path)
                if unit is None:
                    continue
                edges = reached(path, set()) - {unit}
                graph.setdefault(unit, set()).update(edges)
    found = circles(graph)
    for group in found:
        print("check-circles: these include each other: " +
              ", ".join(group), file=sys.stderr)
    if found:
        return 1
    print("check-circles: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
