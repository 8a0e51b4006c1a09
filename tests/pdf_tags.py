"""Read a PDF's tags back with pikepdf: language, structure tree, parent tree (every kind of PDF)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pikepdf


def structure(path: Path) -> tuple[list[str], Counter[str]]:
    """What is wrong with the tagging of `path` (empty: nothing) and its structure types.

    Checked: ``/Lang`` is French, ``/MarkInfo /Marked``, a structure tree whose elements only
    point to pages of this document, and every page tagged (its ``/StructParents`` is a key of
    the parent tree).
    """
    problems: list[str] = []
    types: Counter[str] = Counter()
    with pikepdf.open(path) as pdf:
        root = pdf.Root
        if str(root.get("/Lang", "")) != "fr":
            problems.append(f"/Lang is {root.get('/Lang')!r}, not 'fr'")
        if not bool(root.get("/MarkInfo", pikepdf.Dictionary()).get("/Marked", False)):
            problems.append("/MarkInfo /Marked is not true")
        tree = root.get("/StructTreeRoot")
        if tree is None:
            return [*problems, "no structure tree"], types
        pages = {page.obj.objgen for page in pdf.pages}
        seen: set[tuple[int, int]] = set()
        stack: list[pikepdf.Object] = [tree.K]
        while stack:
            node = stack.pop()
            if isinstance(node, pikepdf.Array):
                stack += list(node)
                continue
            if not isinstance(node, pikepdf.Dictionary) or "/S" not in node:
                continue
            if node.is_indirect:
                if node.objgen in seen:
                    continue
                seen.add(node.objgen)
            types[str(node.S)[1:]] += 1
            if "/Pg" in node and node.Pg.objgen not in pages:
                problems.append(f"a {node.S} element points to a page not in the document")
            if "/K" in node:
                stack.append(node.K)
        keys: set[int] = set()
        parents = [tree.get("/ParentTree", pikepdf.Dictionary())]
        while parents:
            node = parents.pop()
            nums = node.get("/Nums", pikepdf.Array())
            keys |= {int(nums[i]) for i in range(0, len(nums), 2)}
            parents += list(node.get("/Kids", pikepdf.Array()))
        for number, page in enumerate(pdf.pages, start=1):
            key = page.obj.get("/StructParents")
            if key is None or int(key) not in keys:
                problems.append(f"page {number} is not in the parent tree")
    if sum(types.values()) < 3:
        problems.append(f"only {sum(types.values())} structure elements")
    return problems, types


def figure_alts(path: Path) -> list[str]:
    """The /Alt of every /Figure of the structure tree of `path` ("" when one has none)."""
    alts: list[str] = []
    with pikepdf.open(path) as pdf:
        stack: list[pikepdf.Object] = [pdf.Root.StructTreeRoot.K]
        while stack:
            node = stack.pop()
            if isinstance(node, pikepdf.Array):
                stack += list(node)
            elif isinstance(node, pikepdf.Dictionary):
                if str(node.get("/S", "")) == "/Figure":
                    alts.append(str(node.get("/Alt", "")))
                if "/K" in node:
                    stack.append(node.K)
    return alts
