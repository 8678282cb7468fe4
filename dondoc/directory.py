"""The organisation directory: agencies, their groups and contacts, and name resolution.

Loading validates the YAML file and names the bad entry; resolution is pure.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from dondoc import orgmatch
from dondoc.errors import DirectoryError, InputFileError

Level = Literal["trung-uong", "tinh", "huyen", "xa"]
Role = Literal["coordinator", "head", "admin"]


class Contact(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    email: str
    role: Role = "coordinator"


class Organization(BaseModel):
    model_config = ConfigDict(extra="forbid")
    code: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str
    aliases: list[str] = Field(default_factory=list)
    level: Level = "tinh"
    parent: str | None = None
    groups: list[str] = Field(default_factory=list)
    contacts: list[Contact] = Field(default_factory=list)
    valid_from: date | None = None
    valid_to: date | None = None
    successor: str | None = None

    def valid_on(self, day: date | None) -> bool:
        """Whether the organisation existed on that day (any day when unknown)."""
        if day is None:
            return True
        if self.valid_from and day < self.valid_from:
            return False
        return not (self.valid_to and day > self.valid_to)


class Group(BaseModel):
    model_config = ConfigDict(extra="forbid")
    code: str
    names: list[str] = Field(default_factory=list)


class DirectoryFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    province: str | None = None  # the province's name, optional in owner names
    organizations: list[Organization] = Field(default_factory=list)
    groups: list[Group] = Field(default_factory=list)


def fold(text: str) -> str:
    """The accent-insensitive matching key (imported late: dondoc.parse imports this module)."""
    from dondoc.parse.normalize import fold as _fold

    return _fold(text)


@dataclass(frozen=True)
class Resolution:
    """What an owner name in a dispatch resolves to, and how (dondoc/orgmatch.py)."""

    name: str
    codes: tuple[str, ...] = ()
    group: str | None = None  # set when a collective name expanded through a group
    how: str = ""  # which reading matched ("as written", "without the place", "the body of the post" …)
    candidates: tuple[str, ...] = ()  # two organisations or more fit equally: none is picked

    @property
    def resolved(self) -> bool:
        return bool(self.codes)

    @property
    def ambiguous(self) -> bool:
        return len(self.candidates) > 1


@dataclass
class Directory:
    """The validated directory with a name index built once."""

    province: str | None
    organizations: dict[str, Organization]
    groups: dict[str, Group]
    _names: dict[str, list[str]] = field(default_factory=dict, repr=False)
    _group_names: dict[str, str] = field(default_factory=dict, repr=False)

    @classmethod
    def from_file_model(cls, model: DirectoryFile) -> Directory:
        d = cls(
            province=model.province,
            organizations={o.code: o for o in model.organizations},
            groups={g.code: g for g in model.groups},
        )
        for org in model.organizations:
            for n in [org.name, *org.aliases]:
                for key in orgmatch.province_keys(orgmatch.key(n), d.province):
                    d._names.setdefault(key, [])
                    if org.code not in d._names[key]:
                        d._names[key].append(org.code)
        for g in model.groups:
            for n in g.names:
                for key in orgmatch.province_keys(orgmatch.key(n), d.province):
                    d._group_names.setdefault(key, g.code)
        return d

    def members(self, group: str, *, on: date | None = None) -> list[str]:
        """Codes of the organisations answering to a group on that day."""
        return [o.code for o in self.organizations.values() if group in o.groups and o.valid_on(on)]

    def resolve(self, name: str, *, on: date | None = None, locality: str | None = None) -> Resolution:
        """Resolve an owner name as written, as of a day: tolerant of accents, tone placement, case,
        abbreviations and the province's name, then the looser readings of orgmatch; `locality` is
        the commune that wrote the dispatch ("xã Hòa Thuận"), for "Công an xã". Two organisations
        that fit equally leave the name unresolved, with both as candidates: never a silent pick."""

        def lookup(keys: list[str]) -> list[str]:
            # key by key, the name as written before the same without the province's name
            for k in keys:
                codes = [c for c in self._names.get(k, ()) if self.organizations[c].valid_on(on)]
                if codes:
                    return codes
                if k in self._group_names:
                    return [f"group:{self._group_names[k]}"]
            return []

        how, codes = orgmatch.first_match(name, lookup, province=self.province, locality=locality)
        if not codes:
            return Resolution(name=name)
        if codes[0].startswith("group:"):
            group = codes[0][len("group:") :]
            return Resolution(name=name, codes=tuple(self.members(group, on=on)), group=group, how=how)
        if len(codes) > 1:
            return Resolution(name=name, how=how, candidates=tuple(codes))
        return Resolution(name=name, codes=(codes[0],), how=how)

    def supervisor(self, code: str) -> Organization | None:
        """The supervising organisation (parent) that escalations go to."""
        org = self.organizations.get(code)
        if org is None or org.parent is None:
            return None
        return self.organizations.get(org.parent)


def parse_directory(data: Any, *, path: str | Path) -> Directory:
    """Validate plain data as a directory, emails and bounds included; errors name the entry and the
    field (`orgs.yaml: organizations[12].contacts[0].email (mã ca-tinh): "x" không phải …`)."""
    from dondoc.bounds import directory_problems
    from dondoc.fielderrors import entry_label, first_error, path_of

    if not isinstance(data, dict):
        raise DirectoryError(path, "tệp", "cần một bảng có các khóa organizations và groups")

    def where(loc: Any) -> str:
        name = entry_label(data, loc, section=loc[0] if loc else "", field="code", noun="mã")
        return path_of(loc) + (f" ({name})" if name else "")

    try:
        model = DirectoryFile.model_validate(data)
    except ValidationError as exc:
        place, reason = first_error(exc, label=lambda loc: entry_label(
            data, loc, section=loc[0] if loc else "", field="code", noun="mã"))
        raise DirectoryError(path, place, reason) from None
    problems = directory_problems(model)
    if problems:
        more = f" (và {len(problems) - 1} lỗi khác)" if len(problems) > 1 else ""
        raise DirectoryError(path, where(problems[0].loc), problems[0].message + more)
    seen: set[str] = set()
    for i, o in enumerate(model.organizations):
        if o.code in seen:
            raise DirectoryError(path, where(("organizations", i, "code")), f'mã "{o.code}" xuất hiện hai lần')
        seen.add(o.code)
    groups = {g.code for g in model.groups}
    for i, o in enumerate(model.organizations):
        for ref, what in ((o.parent, "parent"), (o.successor, "successor")):
            if ref is not None and ref not in seen:
                raise DirectoryError(path, where(("organizations", i, what)), f'không có đơn vị mã "{ref}" trong danh bạ')
        for j, g in enumerate(o.groups):
            if g not in groups:
                raise DirectoryError(path, where(("organizations", i, "groups", j)), f'không có nhóm mã "{g}" trong danh bạ')
    return Directory.from_file_model(model)


_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_directory(path: Path) -> Directory:
    """Read and validate an organisation directory file."""
    try:
        # libyaml's parser when PyYAML has it: a nation's directory file is read ~4× faster
        data = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=_SAFE_LOADER)  # noqa: S506 - a SafeLoader
    except FileNotFoundError:
        raise InputFileError(path, "không có tệp này") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputFileError(path, f"không đọc được tệp ({exc.__class__.__name__})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise DirectoryError(path, f"dòng {mark.line + 1}" if mark else "tệp", "không phải YAML hợp lệ") from None
    return parse_directory(data, path=path)
