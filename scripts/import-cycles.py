#!/usr/bin/env python3
"""Fails when modules of a crate import each other in a loop, directly or through others, and
lists each loop with the lines that close it.

The graph has one node per source file (a module; inline modules such as `mod tests { … }`
belong to their file) and an edge A → B when A names B by a path: `use` lines and paths in code
alike (`crate::…`, `super::…`, `self::…`, and a child module's name), resolved to the longest
prefix that is a module. A module naming one of its own ancestors (`super::AppState` in a
handler of `api`) is no edge: a child lives inside its parent's namespace, and the parent lists
its children; what counts is two modules neither of which contains the other leaning on each
other, like `orders` importing `api::AppState` while `api` imports `orders`. Paths into other
crates are no edges either (Cargo refuses circles between crates).

Each crate target is walked from its roots (lib.rs, main.rs, bin/*.rs) along its `mod`
declarations, so a file no root declares is not part of the graph.

Usage: scripts/import-cycles.py [--skip SRC_DIR]... [SRC_DIR...]
  SRC_DIR defaults to every crate's source folder: crates/*/src, src-tauri/src, xtask/src,
  benches/fixtures/*/src. Exit 1 when any checked crate has a loop.
"""
import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCES = ["crates/*/src", "src-tauri/src", "xtask/src", "benches/fixtures/*/src"]

IDENT = r"[A-Za-z_][A-Za-z0-9_]*"
PATH_IN_CODE = re.compile(rf"(?<![A-Za-z0-9_:]){IDENT}(?:\s*::\s*{IDENT})+")
MOD_DECLARATION = re.compile(rf"\bmod\s+(?:r#)?({IDENT})\s*(;|\{{)")
PATH_ATTRIBUTE = re.compile(r'#\[path\s*=\s*"([^"]+)"\]\s*$')
USE = re.compile(r"\buse\s+")


def strip_comments_and_strings(text):
    """The source with comments, string and character literals blanked to spaces (newlines kept,
    so offsets still give line numbers). `#[path = "…"]` attributes are kept: they place a
    module's file."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            end = text.find("\n", i)
            end = n if end < 0 else end
            out.append(" " * (end - i))
            i = end
        elif text.startswith("/*", i):
            depth, j = 1, i + 2
            while j < n and depth:
                if text.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif text.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c == '"' or (c in "rb" and re.match(r'(?:b?r#*"|b")', text[i:i + 260])):
            if re.search(r'#\[path\s*=\s*$', text[max(0, i - 40):i]):
                end = text.find('"', i + 1) + 1
                out.append(text[i:end])
                i = end
                continue
            raw = re.match(r'(b?)r(#*)"', text[i:i + 260])
            if raw:
                close = '"' + raw.group(2)
                j = text.find(close, i + raw.end())
                j = n if j < 0 else j + len(close)
            else:
                j = i + (2 if c == "b" else 1)
                while j < n and text[j] != '"':
                    j += 2 if text[j] == "\\" else 1
                j += 1
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c == "'":
            # A character literal ('a', '\n', '\u{1F600}'), not a lifetime ('a).
            literal = re.match(r"'(?:\\(?:u\{[0-9A-Fa-f]+\}|x[0-9A-Fa-f]{2}|.)|[^\\'])'", text[i:])
            length = literal.end() if literal else 1
            out.append(" " * length if literal else c)
            i += length
        elif re.match(r"[A-Za-z0-9_]", c):
            word = re.match(r"[A-Za-z0-9_]+", text[i:]).group(0)
            out.append(word)
            i += len(word)
        else:
            out.append(c)
            i += 1
    return "".join(out)


class Module:
    def __init__(self, path, file, directory, span):
        self.path = path            # ("api", "error")
        self.file = file            # the file it is, or is inline in
        self.directory = directory  # where its `mod x;` children live
        self.span = span            # (start, end) offsets in the file's text


class Crate:
    """The modules of one crate target, found from its root along `mod` declarations."""

    def __init__(self, root_file):
        self.root_file = root_file
        self.modules = {}   # path tuple -> Module
        self.texts = {}     # file -> blanked text
        self.add_file((), root_file, root_file.parent)

    def add_file(self, path, file, directory):
        if file in self.texts or not file.exists():
            return
        text = strip_comments_and_strings(file.read_text())
        self.texts[file] = text
        self.modules[path] = Module(path, file, directory, (0, len(text)))
        self.add_children(path, file, directory, text, 0, len(text))

    def add_children(self, path, file, directory, text, start, end):
        i = start
        while True:
            found = MOD_DECLARATION.search(text, i, end)
            if not found:
                return
            name, kind = found.group(1), found.group(2)
            line_start = text.rfind("\n", 0, found.start()) + 1
            before = text[max(0, line_start - 200):line_start].rstrip("\n").split("\n")[-1]
            placed = PATH_ATTRIBUTE.search(before.strip())
            if kind == ";":
                if placed:
                    self.add_file(path + (name,), (directory / placed.group(1)).resolve(),
                                  (directory / placed.group(1)).resolve().parent)
                else:
                    for candidate in (directory / f"{name}.rs", directory / name / "mod.rs"):
                        if candidate.exists():
                            self.add_file(path + (name,), candidate, directory / name)
                            break
                i = found.end()
            else:
                close = matching_brace(text, found.end() - 1)
                self.modules[path + (name,)] = Module(path + (name,), file, directory / name,
                                                      (found.end(), close))
                self.add_children(path + (name,), file, directory / name, text, found.end(), close)
                i = close

    def innermost(self, file, offset):
        """The module whose code is at `offset` of `file`."""
        inside = [m for m in self.modules.values()
                  if m.file == file and m.span[0] <= offset < m.span[1]]
        return max(inside, key=lambda m: len(m.path))

    def children(self, path):
        return {p[-1] for p in self.modules if len(p) == len(path) + 1 and p[:-1] == path}

    def file_module(self, path):
        """The path of the file-module that holds the module at `path`."""
        module = self.modules[path]
        while path and self.modules[path[:-1]].file == module.file:
            path = path[:-1]
        return path


def matching_brace(text, opening):
    depth = 0
    for j in range(opening, len(text)):
        if text[j] == "{":
            depth += 1
        elif text[j] == "}":
            depth -= 1
            if depth == 0:
                return j
    return len(text)


def use_paths(tree):
    """The paths a use tree names: `crate::{a::{b, c as d}, e}` → crate::a::b, crate::a::c,
    crate::e."""
    tree = re.sub(r"\s+", "", re.sub(rf"\s+as\s+{IDENT}", "", tree))
    return [p for p in expand(tree) if p]


def expand(tree):
    brace = tree.find("{")
    if brace < 0:
        return [tree.removesuffix("::*").removesuffix("::self")]
    prefix = tree[:brace]
    inner = tree[brace + 1:matching_brace(tree, brace)]
    parts, depth, current = [], 0, ""
    for c in inner:
        if c == "," and depth == 0:
            parts.append(current)
            current = ""
            continue
        depth += (c == "{") - (c == "}")
        current += c
    parts.append(current)
    paths = []
    for part in filter(None, parts):
        if part in ("self", "*"):
            paths.append(prefix.removesuffix("::"))
        else:
            paths.extend(prefix + p for p in expand(part))
    return paths


def references(crate, file):
    """(module path the code is in, referenced path segments, offset) for every use and path
    in `file`."""
    text = crate.texts[file]
    uses = []
    for found in USE.finditer(text):
        end = text.find(";", found.end())
        tree = text[found.end():end]
        if re.fullmatch(r"[\sA-Za-z0-9_:{},*]*", tree):
            uses.append((found.start(), end))
            for path in use_paths(tree):
                yield found.start(), path.lstrip(":").split("::"), path.startswith("::")
    for found in PATH_IN_CODE.finditer(text):
        if any(start <= found.start() < end for start, end in uses):
            continue
        yield found.start(), re.sub(r"\s+", "", found.group(0)).split("::"), False


def resolve(crate, here, segments):
    """The module path `segments` (as written in module `here`) lands in, or None when it
    leaves the crate or names no module."""
    first = segments[0]
    if first == "crate":
        base, rest = (), segments[1:]
    elif first in ("super", "self"):
        base, rest = here, segments
        while rest and rest[0] in ("super", "self"):
            if rest[0] == "super":
                if not base:
                    return None
                base = base[:-1]
            rest = rest[1:]
    elif first in crate.children(here):
        base, rest = here, segments
    else:
        return None
    target = tuple(base) + tuple(rest)
    while target not in crate.modules:
        target = target[:-1]
    return target


def graph(crate):
    """{file module path: {file module path: (file, line, text)}} of the crate's imports."""
    edges = defaultdict(dict)
    for file in crate.texts:
        for offset, segments, absolute in references(crate, file):
            if absolute:
                continue
            here = crate.innermost(file, offset).path
            target = resolve(crate, here, segments)
            if target is None:
                continue
            source, target = crate.file_module(here), crate.file_module(target)
            if source == target or source[:len(target)] == target:
                continue  # itself, or one of its ancestors
            line = crate.texts[file].count("\n", 0, offset) + 1
            edges[source].setdefault(target, (file, line, "::".join(segments)))
    return edges


def loops(edges):
    """The strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []
    counter = [0]

    def visit(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for target in edges.get(node, {}):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    sys.setrecursionlimit(10000)
    for node in sorted(set(edges) | {t for targets in edges.values() for t in targets}):
        if node not in index:
            visit(node)
    return found


def name(path):
    return "::".join(("crate",) + path)


def shown(path):
    return path.relative_to(ROOT) if path.is_relative_to(ROOT) else path


def crate_roots(source):
    return [f for f in [source / "lib.rs", source / "main.rs", *sorted(source.glob("bin/*.rs"))]
            if f.exists()]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sources", nargs="*", help="crate source folders (default: all)")
    parser.add_argument("--skip", action="append", default=[], help="a source folder to leave out")
    arguments = parser.parse_args()
    if arguments.sources:
        sources = [Path(p).resolve() for p in arguments.sources]
    else:
        sources = sorted({p.resolve() for pattern in DEFAULT_SOURCES for p in ROOT.glob(pattern)
                          if p.is_dir()})
    skipped = {Path(p).resolve() for p in arguments.skip}
    failed = 0
    for source in sources:
        if source in skipped:
            print(f"{shown(source)}: skipped")
            continue
        for root_file in crate_roots(source):
            crate = Crate(root_file)
            edges = graph(crate)
            found = loops(edges)
            label = shown(root_file)
            count = sum(len(targets) for targets in edges.values())
            print(f"{label}: {len(crate.texts)} files, {count} imports between them, "
                  f"{len(found)} loops")
            for component in found:
                failed += 1
                print(f"  loop of {len(component)}: {', '.join(map(name, component))}")
                members = set(component)
                for source_module in component:
                    for target, (file, line, text) in sorted(edges[source_module].items()):
                        if target in members:
                            print(f"    {name(source_module)} → {name(target)}  "
                                  f"({shown(file)}:{line} {text})")
    if failed:
        print(f"{failed} import loops")
    return int(failed > 0)


if __name__ == "__main__":
    sys.exit(main())
