"""Join tagged PDFs into one tagged PDF: pages, structure tree, named destinations, bookmarks.

pypdf and ``qpdf --pages`` keep the pages of the documents they join but drop their structure
trees, so a joined handout would no longer be tagged. `join_tagged` copies each kept page with
pikepdf, grafts each document's top-level structure elements under one ``/Document`` element,
renumbers the pages' ``/StructParents`` (and links' ``/StructParent``) into one parent tree,
merges the named destinations (links between parts keep working) and writes the bookmarks it
is given. `number_pages` stamps « page n / N » on every page from a small overlay document, as
an artifact (page furniture, not content).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name, Pdf

#: Marked as an artifact so that screen readers skip it, as WeasyPrint does for margin boxes.
_ARTIFACT = b"/Artifact <</Type /Pagination>> BDC q /%s Do Q EMC"


@dataclass(frozen=True)
class Bookmark:
    """One bookmark: its title, the 0-based page it opens and its sub-entries."""

    title: str
    page: int
    children: tuple[Bookmark, ...] = field(default=())


@dataclass(frozen=True)
class Part:
    """A PDF to join (bytes or a path) and the 0-based indices of the pages to keep."""

    source: bytes | Path
    pages: Sequence[int] | None = None  # None: every page


def _open(source: bytes | Path) -> Pdf:
    return Pdf.open(io.BytesIO(source) if isinstance(source, bytes) else source)


def _copy(out: Pdf, source: Pdf, obj: pikepdf.Object) -> pikepdf.Object:
    """`obj` of `source` copied into `out` (pages and elements already copied are reused)."""
    return out.copy_foreign(obj if obj.is_indirect else source.make_indirect(obj))


def _pages_of(element: Dictionary, seen: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """Object ids of the pages a structure element (or its descendants) shows content on."""
    found: set[tuple[int, int]] = set()
    if element.is_indirect:
        if element.objgen in seen:
            return found
        seen.add(element.objgen)
    page = element.get("/Pg")
    if page is not None:
        found.add(page.objgen)
    kids = element.get("/K")
    for kid in kids if isinstance(kids, Array) else [kids]:
        if isinstance(kid, Dictionary):
            found |= _pages_of(kid, seen)
    return found


def _as_list(value: pikepdf.Object | None) -> list[pikepdf.Object]:
    if value is None:
        return []
    return list(value) if isinstance(value, Array) else [value]


def _document_kids(pdf: Pdf) -> list[Dictionary]:
    """The top-level structure elements (children of the ``/Document`` element)."""
    root = pdf.Root.get("/StructTreeRoot")
    if root is None:
        return []
    elements: list[pikepdf.Object] = []
    for element in _as_list(root.get("/K")):
        if isinstance(element, Dictionary) and element.get("/S") == Name.Document:
            elements += _as_list(element.get("/K"))
        else:
            elements.append(element)
    return [e for e in elements if isinstance(e, Dictionary)]


def named_pages(pdf: Pdf) -> dict[str, int]:
    """Each named destination of `pdf` → the 0-based index of the page it opens."""
    pages: dict[tuple[int, int], int] = {p.obj.objgen: i for i, p in enumerate(pdf.pages)}
    dests = pdf.Root.get("/Names", Dictionary()).get("/Dests")
    if dests is None:
        return {}
    return {
        str(name): pages[target[0].objgen]
        for name, target in pikepdf.NameTree(dests).items()
        if isinstance(target, Array) and target[0].objgen in pages
    }


def _parent_tree(pdf: Pdf) -> dict[int, pikepdf.Object]:
    """The parent tree as a dict (WeasyPrint writes it flat, in ``/Nums``)."""
    root = pdf.Root.get("/StructTreeRoot")
    if root is None or "/ParentTree" not in root:
        return {}
    flat: dict[int, pikepdf.Object] = {}
    stack = [root.ParentTree]
    while stack:
        node = stack.pop()
        nums = node.get("/Nums", Array())
        for index in range(0, len(nums), 2):
            flat[int(nums[index])] = nums[index + 1]
        stack += list(node.get("/Kids", Array()))
    return flat


def join_tagged(
    parts: Sequence[Part], *, title: str, lang: str = "fr", bookmarks: Sequence[Bookmark] = ()
) -> Pdf:
    """One tagged PDF from `parts` in order (see the module docstring)."""
    out = Pdf.new()
    document: pikepdf.Object = out.make_indirect(
        Dictionary(Type=Name.StructElem, S=Name.Document, K=Array(), Lang=pikepdf.String(lang))
    )
    nums = Array()
    next_key = 0
    names: dict[str, pikepdf.Object] = {}
    for part in parts:
        pdf = _open(part.source)
        keep = list(range(len(pdf.pages))) if part.pages is None else list(part.pages)
        kept = {pdf.pages[i].objgen for i in keep}
        tree = _parent_tree(pdf)
        renumber: dict[int, int] = {}
        # Elements first (their /P cut, so that copying one does not copy its old parents).
        elements = [e for e in _document_kids(pdf) if _pages_of(e, set()) & kept]
        for element in elements:
            del element["/P"]
        for element in elements:
            copy = _copy(out, pdf, element)
            copy.P = document
            document.K.append(copy)
        for index in keep:
            page = pdf.pages[index]
            for holder in [page.obj, *page.obj.get("/Annots", Array())]:
                for key in ("/StructParents", "/StructParent"):
                    if key in holder:
                        renumber[int(holder[key])] = next_key
                        holder[key] = next_key
                        next_key += 1
            out.pages.append(page)
        for old, new in sorted(renumber.items(), key=lambda item: item[1]):
            if old in tree:
                nums.append(new)
                nums.append(_copy(out, pdf, tree[old]))
        dests = pdf.Root.get("/Names", Dictionary()).get("/Dests")
        if dests is not None:
            for name, target in pikepdf.NameTree(dests).items():
                if isinstance(target, Array) and target[0].objgen in kept:
                    names[str(name)] = _copy(out, pdf, target)
    sorted_names = Array()  # a name tree's /Names is sorted by key
    for name in sorted(names):
        sorted_names.append(pikepdf.String(name))
        sorted_names.append(names[name])
    out.Root.StructTreeRoot = out.make_indirect(
        Dictionary(
            Type=Name.StructTreeRoot,
            K=document,
            ParentTree=out.make_indirect(Dictionary(Nums=nums)),
            ParentTreeNextKey=next_key,
        )
    )
    document.P = out.Root.StructTreeRoot
    out.Root.MarkInfo = Dictionary(Marked=True)
    out.Root.Lang = pikepdf.String(lang)
    out.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
    out.Root.Names = Dictionary(Dests=out.make_indirect(Dictionary(Names=sorted_names)))
    _write_bookmarks(out, bookmarks)
    with out.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["dc:title"] = title
        meta["dc:language"] = [lang]
        meta["pdfuaid:part"] = "1"
    out.docinfo[Name.Title] = title
    out.docinfo[Name.Creator] = "parler-kit"
    return out


def _write_bookmarks(out: Pdf, bookmarks: Sequence[Bookmark]) -> None:
    def item(mark: Bookmark) -> pikepdf.OutlineItem:
        entry = pikepdf.OutlineItem(mark.title, mark.page)
        entry.children.extend(item(child) for child in mark.children)
        return entry

    with out.open_outline() as outline:
        outline.root.extend(item(mark) for mark in bookmarks)
    if bookmarks:
        out.Root.PageMode = Name.UseOutlines


def number_pages(pdf: Pdf, overlay: bytes | Path) -> None:
    """Stamp page i of `overlay` on page i of `pdf` (same page count), marked as an artifact."""
    stamps = _open(overlay)
    if len(stamps.pages) != len(pdf.pages):
        raise ValueError(f"{len(stamps.pages)} overlay pages for {len(pdf.pages)} pages")
    for page, stamp in zip(pdf.pages, stamps.pages, strict=True):
        form = pdf.copy_foreign(stamp.as_form_xobject())
        name = page.add_resource(form, Name.XObject, prefix="Pk")
        # The page's own content may leave a transformation in place (WeasyPrint flips the y
        # axis without restoring it): wrap it in q … Q so the stamp is drawn in page space.
        page.contents_add(pdf.make_stream(b"q\n"), prepend=True)
        stamp_ops = b"\nQ\n" + _ARTIFACT % str(name)[1:].encode()
        page.contents_add(pdf.make_stream(stamp_ops), prepend=False)


def to_bytes(pdf: Pdf) -> bytes:
    """The PDF as bytes (object streams compressed)."""
    buffer = io.BytesIO()
    pdf.save(buffer, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return buffer.getvalue()
