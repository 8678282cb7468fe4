"""Assemble a MIME message from finished parts, with headers that cannot be injected into.

Built by hand from MIMEParts with pre-encoded, pre-folded raw headers and fixed boundaries
rather than with EmailMessage.set_content(): the result is an ordinary EmailMessage, but it
is byte-for-byte deterministic for one outbox row, and serialising it costs a fraction of
what the header registry's parse-and-refold does on every send.
"""

from __future__ import annotations

import base64
import email.policy
import hashlib
import re
from email.headerregistry import Address
from email.message import EmailMessage, MIMEPart
from email.utils import parseaddr

from dondoc.errors import ConfigError

# Every character str.splitlines() breaks on, plus the other C0 controls and DEL.
_UNSAFE_IN_HEADER = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]+")
_SPACES = re.compile(r"\s+")
_EAI_LOCAL = re.compile(r"[^\s@<>()\[\]\\,;:\"]+")
_EAI_DOMAIN = re.compile(r"[^\s@<>()\[\]\\,;:\"]+(\.[^\s@<>()\[\]\\,;:\".]+)+")
_MAX_LINE = 78
_MAX_WORD = 75
_POLICY = email.policy.default


def clean_header(value: str) -> str:
    """A single-line header value: every line break and control character becomes one space."""
    return _SPACES.sub(" ", _UNSAFE_IN_HEADER.sub(" ", value)).strip()


# what an address is for, as the one line of a ConfigError says it
_WHAT = {"sender": "người gửi", "recipient": "người nhận", "Reply-To": "trả lời (Reply-To)"}


def address(addr_spec: str, display_name: str | None, *, what: str) -> Address:
    """A validated address; a bad one raises ConfigError naming what it was for."""
    spec = clean_header(addr_spec)
    name = clean_header(display_name or "")
    try:
        return Address(display_name=name, addr_spec=spec)
    except (ValueError, IndexError) as err:
        local, at, domain = spec.rpartition("@")
        if at and _EAI_LOCAL.fullmatch(local) and _EAI_DOMAIN.fullmatch(domain):
            # RFC 6531 mailbox (non-ASCII local part): the stdlib parser refuses it, SMTPUTF8 servers take it
            return Address(display_name=name, username=local, domain=domain)
        raise ConfigError(f"địa chỉ {_WHAT.get(what, what)} {addr_spec!r} không phải một địa chỉ email hợp lệ ({err})") from err


def parse_address(value: str, *, display_name: str | None, what: str) -> Address:
    """Accept either 'name <addr>' or a bare address; a bare one takes display_name."""
    name, spec = parseaddr(clean_header(value))
    if not spec:
        raise ConfigError(f"địa chỉ {_WHAT.get(what, what)} {value!r} không phải một địa chỉ email hợp lệ")
    return address(spec, name or display_name, what=what)


def text_header(name: str, value: str) -> str:
    """The raw, folded value of an unstructured header (Subject)."""
    value = clean_header(value)
    if value.isascii() and len(value) + len(name) + 2 <= _MAX_LINE:
        return value
    return _encoded_words(value, first_room=_MAX_LINE - len(name) - 2)


def address_header(name: str, addr: Address) -> str:
    """The raw, folded value of an address header holding one address."""
    if addr.display_name.isascii():
        value = str(addr)
        if len(value) + len(name) + 2 <= _MAX_LINE:
            return value
        return f"{_encoded_words(addr.display_name, first_room=_MAX_LINE - len(name) - 2)}\n <{addr.addr_spec}>"
    words = _encoded_words(addr.display_name, first_room=_MAX_LINE - len(name) - 2)
    last_line = words.rsplit("\n", 1)[-1]
    room = _MAX_LINE - (len(name) + 2 if "\n" not in words else 0)
    separator = "\n " if len(last_line) + len(addr.addr_spec) + 3 > room else " "
    return f"{words}{separator}<{addr.addr_spec}>"


# CPython 3.11's folder drops the space between two RFC 2047 encoded words when it splits a long
# non-ASCII header ("quá hạn" arrives as "quáhạn"). So non-ASCII headers are encoded here, split
# only at spaces (the space goes inside the next encoded word, as RFC 2047 wants), and stored
# pre-folded as raw values, which the generator emits untouched.
def _encoded_words(text: str, *, first_room: int) -> str:
    """RFC 2047 base64 encoded words, one per line, each ≤ 75 characters and fitting its line."""
    chunks: list[str] = []
    current = ""

    def room() -> int:
        return min(_MAX_WORD, first_room if not chunks else _MAX_LINE - 1)

    for piece in re.split(r"(?= )", text):  # every piece but the first starts with its space
        candidate = current + piece
        if current and len(_b_word(candidate)) > room():
            chunks.append(current)
            current = piece
        else:
            current = candidate
        while len(_b_word(current)) > room():  # one word too long for an encoded word: cut it
            cut = len(current) - 1
            while cut > 1 and len(_b_word(current[:cut])) > room():
                cut -= 1
            chunks.append(current[:cut])
            current = current[cut:]
    if current or not chunks:
        chunks.append(current)
    return "\n ".join(_b_word(chunk) for chunk in chunks)


def _b_word(text: str) -> str:
    return "=?utf-8?b?" + base64.b64encode(text.encode("utf-8")).decode("ascii") + "?="


def assemble(
    headers: list[tuple[str, str]],
    *,
    text: str,
    html: str,
    attachment: tuple[str, str, str] | None,
    seed: str,
) -> EmailMessage:
    """multipart/mixed[ multipart/alternative[text, html], attachment ] (no mixed without an attachment).

    `headers` are (name, raw folded value); `attachment` is (content type with params, filename, text).
    Boundaries derive from `seed` and contain "=_", which base64 bodies can never hold.
    """
    tag = hashlib.sha256(seed.encode()).hexdigest()[:24]
    alternative = _multipart("alternative", f"=_alt_{tag}")
    alternative.attach(_text_part('text/plain; charset="utf-8"', text))
    alternative.attach(_text_part('text/html; charset="utf-8"', html))
    if attachment is None:
        top = alternative
    else:
        content_type, filename, body = attachment
        top = _multipart("mixed", f"=_mixed_{tag}")
        top.attach(alternative)
        top.attach(_text_part(f'{content_type};\n name="{filename}"', body, disposition=f'attachment; filename="{filename}"'))
    msg = EmailMessage(policy=_POLICY)
    for name, value in headers:
        msg.set_raw(name, value)
    msg.set_raw("MIME-Version", "1.0")
    for name, value in top.raw_items():
        msg.set_raw(name, value)
    msg.set_payload(top.get_payload())
    return msg


def _multipart(subtype: str, boundary: str) -> MIMEPart:
    part = MIMEPart(policy=_POLICY)
    part.set_raw("Content-Type", f'multipart/{subtype};\n boundary="{boundary}"')
    return part


def _text_part(content_type: str, body: str, *, disposition: str | None = None) -> MIMEPart:
    part = MIMEPart(policy=_POLICY)
    part.set_raw("Content-Type", content_type)
    part.set_raw("Content-Transfer-Encoding", "base64")
    if disposition:
        part.set_raw("Content-Disposition", disposition)
    part.set_payload(base64.encodebytes(body.replace("\r\n", "\n").encode("utf-8")).decode("ascii"))
    return part


_BOUNDARY = re.compile(r'boundary="([^"]+)"')


def wire_bytes(msg: EmailMessage) -> bytes | None:
    """The message as sent (CRLF), for a message whose headers are all raw ASCII strings; else None.

    Messages from assemble() qualify, and serialising them here skips the email package's
    re-parsing of every header on every send (the cost that dominated sending). A message with
    any other kind of header is left to the standard generator by returning None.
    """
    out: list[bytes] = []
    return b"".join(out) if _write_part(msg, out) else None


def _write_part(part: MIMEPart, out: list[bytes]) -> bool:
    boundary = None
    for name, value in part.raw_items():
        if type(value) is not str or not value.isascii() or "\r" in value:  # header objects subclass str
            return False
        out.append(f"{name}: {value}\r\n".replace("\n ", "\r\n ").encode("ascii"))
        if name.lower() == "content-type" and value.startswith("multipart/"):
            found = _BOUNDARY.search(value)
            if found is None:
                return False
            boundary = found.group(1).encode("ascii")
    out.append(b"\r\n")
    payload = part._payload  # type: ignore[attr-defined]  # get_payload() re-parses the CTE header each time
    if isinstance(payload, list):
        if boundary is None:
            return False
        for sub in payload:
            out.append(b"--" + boundary + b"\r\n")
            if not _write_part(sub, out):
                return False
            out.append(b"\r\n")
        out.append(b"--" + boundary + b"--\r\n")
        return True
    if not isinstance(payload, str) or not payload.isascii():
        return False
    out.append(payload.replace("\n", "\r\n").encode("ascii"))
    return True
