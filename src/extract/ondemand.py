"""A list worked out the first time something reads it.

Most documents never get as far as naming an arm (about seven in eight abstracts give no value),
yet the arm search read every one of them. Handing the linker an ``OnDemand`` list instead runs
the search only when a rule asks for the arms, so results are the same, only sooner: the search is
a pure function of the document, and every read goes through the same finished list.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class OnDemand(Generic[T]):
    """Reads like the list ``make()`` returns; ``make`` runs once, on the first read."""

    def __init__(self, make: Callable[[], list[T]]) -> None:
        self._make: Callable[[], list[T]] | None = make
        self._items: list[T] = []

    @property
    def made(self) -> bool:
        return self._make is None

    @property
    def items(self) -> list[T]:
        if self._make is not None:
            self._items, self._make = self._make(), None
        return self._items

    def __len__(self) -> int:
        return len(self.items)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __iter__(self) -> Iterator[T]:
        return iter(self.items)

    def __reversed__(self) -> Iterator[T]:
        return reversed(self.items)

    def __getitem__(self, index):
        return self.items[index]

    def __contains__(self, item: object) -> bool:
        return item in self.items

    def __eq__(self, other: object) -> bool:
        return self.items == (other.items if isinstance(other, OnDemand) else other)

    def __getattr__(self, name: str) -> Any:  # index, count, copy, ...: the list's own
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.items, name)

    def __repr__(self) -> str:
        return f"OnDemand({self.items!r})" if self.made else "OnDemand(<not made yet>)"
