"""A Word .docx package read with bounds: its zip parts unpacked only as far as they may go.

Only the parts that hold text or shape it are ever unpacked (the main document, its styles and
numbering, the relationships that name them), never the images. Each is refused before it is read
when the zip says it unpacks past its bound, and read through a stream that stops at that bound
whatever the zip says (zipfile already stops at the size the zip declares and then checks the
CRC: a lying header gives a broken file, not an endless one). The body is parsed one paragraph or
table at a time (lxml.iterparse), each dropped once read.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Iterator
from types import TracebackType
from typing import IO, Any

from lxml import etree

from dondoc.ingest.limits import MAX_SMALL_PART_BYTES, MAX_XML_BYTES, TooLarge, mb

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_BODY = f"{{{_W}}}body"
_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_DOCUMENT = "/officeDocument"
_RELATED = {"styles": "/styles", "numbering": "/numbering"}


class _Bounded(io.RawIOBase):
    """A part's stream that refuses to give more than `limit` bytes."""

    def __init__(self, raw: IO[bytes], name: str, limit: int) -> None:
        self.raw, self.name, self.limit, self.read_so_far = raw, name, limit, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self.raw.read(min(len(buffer), 1 << 16))
        self.read_so_far += len(data)
        if self.read_so_far > self.limit:
            raise TooLarge(f"phần {self.name} của tệp nén giải nén ra quá {mb(self.limit)}; đã dừng đọc")
        buffer[: len(data)] = data
        return len(data)


def _parser_options() -> dict[str, Any]:
    # no entities resolved, no network, no huge text nodes: a part is data, never instructions
    return {"resolve_entities": False, "no_network": True, "huge_tree": False}


class WordPackage:
    """The parts of a .docx that dondoc reads, each within its bound."""

    def __init__(self, data: bytes) -> None:
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        self.names = {i.filename: i for i in self.zip.infolist()}
        self.main = self._target("_rels/.rels", "", _OFFICE_DOCUMENT) or "word/document.xml"
        if self.main not in self.names:
            raise zipfile.BadZipFile("no main document part (word/document.xml)")
        self._rels = posixpath.join(posixpath.dirname(self.main), "_rels", posixpath.basename(self.main) + ".rels")

    def __enter__(self) -> WordPackage:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.zip.close()

    def _open(self, name: str, limit: int) -> IO[bytes]:
        size = self.names[name].file_size
        if size > limit:
            raise TooLarge(f"phần {name} của tệp nén giải nén ra {mb(size)}, vượt giới hạn {mb(limit)}; không đọc")
        return io.BufferedReader(_Bounded(self.zip.open(name), name, limit))

    def _xml(self, name: str) -> Any:
        with self._open(name, MAX_SMALL_PART_BYTES) as fh:
            return etree.parse(fh, etree.XMLParser(**_parser_options())).getroot()

    def _target(self, rels: str, base: str, kind: str) -> str | None:
        """The part a relationship of `kind` in the `rels` part points to, as a name in the zip."""
        if rels not in self.names:
            return None
        for rel in self._xml(rels).iter(f"{{{_REL}}}Relationship"):
            if (rel.get("Type") or "").endswith(kind) and rel.get("TargetMode") != "External":
                target = rel.get("Target") or ""
                return target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(base, target))
        return None

    def part(self, kind: str) -> Any | None:
        """The root element of the main document's styles or numbering part, if it has one."""
        name = self._target(self._rels, posixpath.dirname(self.main), _RELATED[kind])
        return self._xml(name) if name is not None and name in self.names else None

    def body(self) -> Iterator[Any]:
        """The children of the document's body, in order, each dropped once the caller is done with it."""
        with self._open(self.main, MAX_XML_BYTES) as fh:
            for _, elem in etree.iterparse(fh, events=("end",), **_parser_options()):
                parent = elem.getparent()
                if parent is None or parent.tag != _BODY:
                    continue
                yield elem
                elem.clear()
                while elem.getprevious() is not None:
                    del parent[0]
