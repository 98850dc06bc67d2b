"""Records files: YAML lists of records, read field by field with errors that name file and record."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Collection, Iterator
from pathlib import Path
from typing import Any, TypeVar

import yaml

from bot.records.errors import RecordsDataError

T = TypeVar("T")
RELATIVE_DATE = re.compile(r"today\s*(?:([+-])\s*(\d+))?")


class RecordReader:
    """One record (a YAML mapping) being read; its errors name the file and the record."""

    def __init__(self, path: Path, label: str, item: dict[str, Any], today: dt.date) -> None:
        self.path, self.label, self.item, self.today = path, label, item, today

    def fail(self, fault: str) -> RecordsDataError:
        """The error to raise for ``fault`` in this record."""
        return RecordsDataError(str(self.path), self.label, fault)

    def value(self, name: str, default: Any = ...) -> Any:
        """The raw value of field ``name``; without a ``default`` it must be there."""
        value = self.item.get(name)
        if value is None or value == "":
            if default is ...:
                raise self.fail(f"field {name!r} is missing; add it")
            return default
        return value

    def text(self, name: str, default: str | None = None) -> str:
        """Field ``name`` as stripped text."""
        return str(self.value(name, ... if default is None else default)).strip()

    def choice(self, name: str, options: Collection[str], default: str | None = None) -> str:
        """Field ``name``, which must be one of ``options``."""
        value = self.text(name, default)
        if value not in options:
            raise self.fail(f"{name} {value!r} is not one of: {', '.join(options)}")
        return value

    def matching(self, name: str, pattern: re.Pattern[str], hint: str) -> str:
        """Field ``name``, which must match ``pattern`` (``hint`` says how, in the error)."""
        value = self.text(name)
        if not pattern.fullmatch(value):
            raise self.fail(f"{name} {value!r} is not {hint}")
        return value

    def whole(self, name: str, default: int | None = None) -> int:
        """Field ``name``, a whole number above 0."""
        value = self.value(name, ... if default is None else default)
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            raise self.fail(f"{name} {value!r} is not a whole number above 0")
        return value

    def date(self, name: str, optional: bool = False) -> dt.date | None:
        """Field ``name``: ``YYYY-MM-DD`` or ``today``/``today-N``/``today+N`` (days)."""
        value = self.value(name, None if optional else ...)
        if value is None or isinstance(value, dt.date):
            return value.date() if isinstance(value, dt.datetime) else value
        match = RELATIVE_DATE.fullmatch(str(value).strip())
        if match is None:
            raise self.fail(
                f"{name} {value!r} is not a date; write YYYY-MM-DD, today, today-N or today+N"
            )
        sign, days = match.groups()
        offset = int(days or 0) * (-1 if sign == "-" else 1)
        return self.today + dt.timedelta(days=offset)

    def required_date(self, name: str) -> dt.date:
        """Field ``name`` as a date that must be there."""
        value = self.date(name)
        assert value is not None
        return value


def read_records(
    path: Path,
    key: str,
    kind: type[Any],
    id_field: str,
    today: dt.date,
    build: Callable[[RecordReader], T],
) -> Iterator[T]:
    """Each record of the list under ``key`` in ``path``, built by ``build``.

    ``kind`` is the dataclass the records become: a field it lacks is refused as a typo.

    Raises:
        RecordsDataError: the file is missing, is not YAML, or a record is wrong.
    """
    items = read_list(path, key)
    seen: set[str] = set()
    for number, item in enumerate(items, start=1):
        label = f"item {number}"
        if not isinstance(item, dict):
            raise RecordsDataError(str(path), label, "is not a mapping of field: value")
        if item.get(id_field):
            label = f"{kind.__name__.lower()} {item[id_field]}"
        record = RecordReader(path, label, item, today)
        known = {f.name for f in dataclasses.fields(kind)}
        unknown = sorted(set(item) - known)
        if unknown:
            raise record.fail(
                f"unknown field(s) {', '.join(map(str, unknown))}; the fields are "
                f"{', '.join(sorted(known))}"
            )
        built = build(record)
        key_value = getattr(built, id_field)
        if key_value in seen:
            raise record.fail(f"{id_field} {key_value!r} appears twice; give each record its own")
        seen.add(key_value)
        yield built


def read_list(path: Path, key: str) -> list[Any]:
    """The list under ``key`` in the YAML file ``path``.

    Raises:
        RecordsDataError: the file is missing, is not YAML, or holds no such list.
    """
    if not path.is_file():
        raise RecordsDataError(str(path), "", f"file is missing; create it with a '{key}:' list")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        raise RecordsDataError(
            str(path), where, f"is not valid YAML: {exc.problem}; fix the syntax"
        ) from exc
    except yaml.YAMLError as exc:
        raise RecordsDataError(str(path), "", f"is not valid YAML: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        raise RecordsDataError(str(path), "", f"must hold a list under the key '{key}:'")
    return list(data[key])
