"""Numbered items and their hierarchy, in every numbering style of real dispatches (pure).

`1.` `1)` `(1)` `1-` `a)` `a.` `I.` `A-` `2.1` `2.1.3` `Điều 2`, bold or not; dash bullets under
an item. A stack of numbering styles gives the hierarchy: a style seen before closes the items
opened after it, a new style opens a level below. Keys join the labels: `2.a`, `II.1`.
Which lines go on with the text before them is continuations.py's question; where the last
item ends and the dispatch's closing begins, closing.py's.
"""

from __future__ import annotations

import re
from typing import Final

from dondoc.parse.closing import cut_tail
from dondoc.parse.continuations import continues_sentence, quoted_passages
from dondoc.parse.row_numbers import numbered_rows
from dondoc.parse.lines import Line
from dondoc.parse.markers import read_marker
from dondoc.parse.outline_nodes import Bullet, Node, Outline
from dondoc.parse.outline_place import _misread, _place
from dondoc.parse.owner_headings import GROUP_HEADING, OWNER_HEADING_TAIL, only_owners, owner_heading

_BULLET: Final = re.compile(r"^[-–—+•·◦▪●∙]\s*")
_CHAPTER = re.compile(r"^(?:Chương|CHƯƠNG|Phần|PHẦN|Mục|MỤC)\s+(?:[IVXL]{1,6}|\d{1,2})(?![\w/])[.:\s\-–]*(.*)$")
_PAGE_NUMBER = re.compile(r"^(?:[-–]\s*)?\d{1,3}(?:\s*[-–])?$")


def _owner_before_colon(body: str) -> bool:
    """Whether a bullet opens with its own owners and a colon ("Công an xã: bảo đảm an ninh …")."""
    colon = body.find(":", 0, 120)
    return colon > 0 and bool(body[colon + 1 :].strip()) and only_owners(body[:colon].strip("* "))


def build_outline(lines: list[Line]) -> Outline:
    """Segment the body's lines into preamble, item tree, and tail."""
    lines = numbered_rows(lines)  # a flattened task table's bare row numbers ("1⏎Thực hiện …") are its rows' labels
    roots: list[Node] = []
    stack: list[Node] = []
    preamble: list[Line] = []
    loose: list[Bullet] = []
    current_bullet: Bullet | None = None
    owner_of_text: Node | None = None  # the node that continuation lines extend
    after_blank = False
    group = ""  # the last "Đối với X:" heading paragraph, for the items after it at one level
    group_parent: Node | None = None
    group_level: int | None = None  # len(stack) of the first item after it (None: none yet)
    bullet_group = ""  # the owner heading line over the bullets that follow it
    added: dict[int, tuple[Node | Bullet, list[str]]] = {}  # the lines each item's text goes on with
    quoted = quoted_passages(lines)
    part = ""  # the title of the current chapter
    titling = False  # a chapter line without its title: the next line in capitals is it
    for i, ln in enumerate(lines):
        t = ln.text
        if not t:
            after_blank = True
            continue
        if i in quoted:
            # a passage quoted from another document ("… quy định:⏎"1. Đối tượng …⏎a) …"): its labels
            # are that document's, not this one's; the passage is text of what quotes it
            if current_bullet is not None:
                current_bullet.lines.append(ln)
                _more(added, current_bullet).append(" " + t)
            elif owner_of_text is not None:
                owner_of_text.lines.append(ln)
                _more(added, owner_of_text).append("\n" + t)
            else:
                preamble.append(ln)
            continue
        if len(t) < 10 and _PAGE_NUMBER.match(t):
            continue  # "2", "- 2 -": a page's number, pasted with the text of a PDF
        blank_before, after_blank = after_blank, False
        chapter = _CHAPTER.match(t)
        if chapter is not None or titling and t.isupper() and read_marker(t) is None:
            # "Chương I⏎NHỮNG QUY ĐỊNH CHUNG": a chapter groups articles numbered on through the
            # document; it opens no level of the keys and is no text of the article before it
            part = chapter.group(1).strip(" .:-–") if chapter is not None else t
            titling = chapter is not None and not part
            owner_of_text, current_bullet = None, None
            continue
        titling = False
        mk = read_marker(t)
        if mk is not None:
            node = _place(mk, ln, stack, roots)
            if node is None:
                node = _misread(mk, ln, stack, roots, loose, current_bullet, added)
            if node is not None:
                node.part = part
                current_bullet = None
                owner_of_text = node
                bullet_group = ""
                if group:
                    if group_level is None:
                        group_level, group_parent = len(stack), node.parent
                    if len(stack) < group_level or len(stack) == group_level and node.parent is not group_parent:
                        group = ""  # a higher item ends the group
                    elif len(stack) == group_level:
                        node.group = group
                continue
        if len(t) < 160 and t.rstrip().endswith(":") and GROUP_HEADING.match(t.strip("* ")):
            group, group_level, group_parent = t.strip("* ").rstrip(":").strip(), None, None
            owner_of_text, current_bullet = None, None
            if not stack:
                preamble.append(ln)
            continue
        # "**Sở Nội vụ:**", "Công an xã:", or a whole line in bold without the colon ("**Trạm Y tế xã**", as
        # commune plans set their owners over their duties; not a line in capitals, as a signature's)
        if stack and len(t) < 120 and (t.rstrip(" *").endswith(":") or ln.bold == t and not t.isupper()) \
                and not _BULLET.match(t):
            name = OWNER_HEADING_TAIL.sub("", t.strip("* ").rstrip(":* "))
            if name and only_owners(name):
                bullet_group, current_bullet = t.strip("* ").rstrip(":* "), None  # "**Sở Nội vụ:**" then its bullets
                continue
        if stack and _BULLET.match(t) and owner_heading(_BULLET.sub("", t, count=1)):
            # "- Đối với Công an xã:", "* Trưởng các thôn:": an owner heading written as a bullet, over the
            # lines or bullets of its duties
            bullet_group, current_bullet = _BULLET.sub("", t, count=1).strip("* ").rstrip(":* ").strip(), None
            continue
        prev = current_bullet.lines[-1].text if current_bullet is not None else (
            owner_of_text.lines[-1].text if owner_of_text is not None and not blank_before else "")
        wrapped = continues_sentence(prev, t)  # a sentence the page's width broke ("… chính trị⏎- xã hội …", "… Sở⏎Công Thương …")
        if _BULLET.match(t) and not wrapped and not re.match(r"^[-–]\s*\d", t[:0]):
            body = _BULLET.sub("", t, count=1)
            if bullet_group and _owner_before_colon(body):
                # "- Ban công tác Mặt trận khu dân cư: vận động …" after "**Trạm Y tế xã**" and its duties: a bullet
                # that names its own owner opens that owner's unit, not one more duty of the heading before
                bullet_group, body = body[: body.find(":")].strip("* "), body[body.find(":") + 1 :].strip()
            if stack:
                parent = stack[-1]
                current_bullet = Bullet([ln], body, len(parent.bullets) + 1, bullet_group)
                parent.bullets.append(current_bullet)
            else:
                current_bullet = Bullet([ln], body, len(loose) + 1)
                loose.append(current_bullet)
            continue
        continues = t[:1].islower() or wrapped
        # a bullet before any item takes the lines that follow it, but not a new paragraph after a blank line
        # (nor a paragraph in capitals after a bullet whose sentence has ended: "… xử lý.⏎Yêu cầu các cơ quan …")
        if current_bullet is not None and (continues or not stack and not (
                t[:1].isupper() and (blank_before or current_bullet.lines[-1].text.rstrip(" *").endswith((".", ";", "!", "?"))))):
            current_bullet.lines.append(ln)
            _more(added, current_bullet).append(" " + t)
            continue
        if stack and group and group_level is None and not t.rstrip(" *").endswith(":"):
            bullet_group, group = group, ""  # "Đối với X:" over a paragraph, not over numbered items
        if stack and bullet_group and not continues:
            # a paragraph under an owner heading is one of that owner's duties
            current_bullet = Bullet([ln], t, len(stack[-1].bullets) + 1, bullet_group)
            stack[-1].bullets.append(current_bullet)
            continue
        if owner_of_text is not None:
            owner_of_text.lines.append(ln)
            _more(added, owner_of_text).append((" " if continues else "\n") + t)
            current_bullet = None
        else:
            preamble.append(ln)
            current_bullet = None
    for item, more in added.values():
        item.text += "".join(more)
    tail = cut_tail(roots)
    return Outline(preamble, roots, tail, loose)


def _more(added: dict[int, tuple[Node | Bullet, list[str]]], item: Node | Bullet) -> list[str]:
    """The lines to be added to an item's or bullet's text, joined once at the end (adding each to
    the text as it comes would copy a long item's text once for each of its lines)."""
    hit = added.get(id(item))
    if hit is None:
        hit = added[id(item)] = (item, [])
    return hit[1]


