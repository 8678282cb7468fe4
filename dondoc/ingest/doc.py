"""Old Word 97–2003 .doc files: the text of the main document, read through the piece table.

A .doc is an OLE2 compound file (read with olefile). Its "WordDocument" stream opens with the File
Information Block (FIB, [MS-DOC] 2.5): whether the file is encrypted, which table stream holds the
piece table ("0Table" or "1Table"), how many characters the main document has (ccpText) and where
its Clx lies (fcClx, lcbClx). The Clx's piece table (PlcPcd) cuts the character positions into
pieces, each stored in the WordDocument stream either as 8-bit text (Windows-1252) or as UTF-16.

Paragraph marks become line breaks; a table cell's end mark ends a line, a row's end too; the
instructions of fields are dropped and their results kept. Word's automatic list numbers live in
the paragraph properties and list tables, which are not read: numbers typed in the text stay.
"""

from __future__ import annotations

import io
import struct

import olefile

from dondoc.ingest.limits import TextBudget, TooLarge, mb, thousands

_FIB_IDENT = 0xA5EC
_FC_CLX = 0x01A2
_LCB_CLX = 0x01A6
_CCP_TEXT = 0x004C
_MAX_PIECES = 1_000_000


class DocError(ValueError):
    """A .doc that cannot be read: encrypted, broken, or not a Word document; the message says which."""


def _u16(data: bytes, at: int) -> int:
    return int(struct.unpack_from("<H", data, at)[0])


def _u32(data: bytes, at: int) -> int:
    return int(struct.unpack_from("<I", data, at)[0])


def _pieces(table: bytes, fc_clx: int, lcb_clx: int) -> list[tuple[int, int, int, bool]]:
    """(first cp, last cp, offset in WordDocument, 8-bit) of each piece of the piece table."""
    clx = table[fc_clx : fc_clx + lcb_clx]
    if len(clx) < lcb_clx or not clx:
        raise DocError("bảng mảnh văn bản (piece table) nằm ngoài tệp: tệp hỏng")
    pos = 0
    while pos < len(clx) and clx[pos] == 0x01:  # Prc: formatting, skipped
        pos += 3 + _u16(clx, pos + 1)
    if pos >= len(clx) or clx[pos] != 0x02:
        raise DocError("không tìm thấy bảng mảnh văn bản (piece table): tệp hỏng")
    size = _u32(clx, pos + 1)
    plc = clx[pos + 5 : pos + 5 + size]
    n = (len(plc) - 4) // 12  # n + 1 character positions (4 bytes), n descriptors (8 bytes)
    if n <= 0 or n > _MAX_PIECES or len(plc) != 4 * (n + 1) + 8 * n:
        raise DocError("bảng mảnh văn bản (piece table) sai kích thước: tệp hỏng")
    cps = struct.unpack_from(f"<{n + 1}I", plc, 0)
    out = []
    for i in range(n):
        fc = _u32(plc, 4 * (n + 1) + 8 * i + 2)
        compressed = bool(fc & 0x40000000)
        fc &= 0x3FFFFFFF
        out.append((cps[i], cps[i + 1], fc // 2 if compressed else fc, compressed))
    return out


def _clean(raw: str) -> str:
    """Word's control characters as text: paragraphs and cells as lines, field codes dropped."""
    out: list[str] = []
    depth = 0  # inside a field's instruction (between 0x13 and 0x14)
    for ch in raw:
        code = ord(ch)
        if code == 0x13:
            depth += 1
        elif code == 0x14:
            depth = max(0, depth - 1)
        elif code == 0x15:
            depth = max(0, depth - 1) if depth else 0
        elif depth:
            continue
        elif ch in "\r\x07\x0c":
            out.append("\n")
        elif ch == "\x0b":
            out.append("\n")
        elif ch == "\x1e":
            out.append("-")
        elif ch == "\t" or code >= 0x20:
            out.append(ch)
    return "".join(out)


def doc_text(data: bytes, budget: TextBudget | None = None) -> str:
    """The main document's text of a Word 97–2003 .doc; DocError when it cannot be read."""
    budget = budget or TextBudget()
    if not olefile.isOleFile(io.BytesIO(data)):
        raise DocError("không phải tệp Word 97–2003 (.doc) hợp lệ: tệp hỏng")
    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except (OSError, ValueError, struct.error) as exc:
        raise DocError(f"tệp Word 97–2003 (.doc) hỏng: {exc}") from None
    with ole:
        if not ole.exists("WordDocument"):
            raise DocError("không có phần WordDocument: không phải văn bản Word")
        word = ole.openstream("WordDocument").read()
        if len(word) < _LCB_CLX + 4 or _u16(word, 0) != _FIB_IDENT:
            raise DocError("phần đầu (FIB) của văn bản Word sai: tệp hỏng")
        flags = _u16(word, 0x0A)
        if flags & 0x0100 or flags & 0x8000:
            raise DocError("được mã hóa (đặt mật khẩu); hãy mở bằng Word, bỏ mật khẩu rồi lưu lại")
        table_name = "1Table" if flags & 0x0200 else "0Table"
        if not ole.exists(table_name):
            raise DocError(f"thiếu phần {table_name}: tệp hỏng")
        table = ole.openstream(table_name).read()
        ccp_text = _u32(word, _CCP_TEXT)
        if ccp_text > budget.limit:
            raise TooLarge(f"văn bản có {thousands(ccp_text)} ký tự, vượt giới hạn {mb(budget.limit)}; không đọc")
        parts: list[str] = []
        for first, last, fc, compressed in _pieces(table, _u32(word, _FC_CLX), _u32(word, _LCB_CLX)):
            if first >= ccp_text:
                break  # past the main document: footnotes, headers, comments
            count = min(last, ccp_text) - first
            if count <= 0:
                continue
            size = count if compressed else 2 * count
            chunk = word[fc : fc + size]
            if len(chunk) < size:
                raise DocError("một mảnh văn bản nằm ngoài tệp: tệp hỏng")
            parts.append(budget.take(chunk.decode("cp1252", "replace") if compressed else chunk.decode("utf-16-le", "replace")))
    return _clean("".join(parts))
