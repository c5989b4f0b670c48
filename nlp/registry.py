"""The one registry: string names -> parsers, extractors and check kinds.

YAML (rules, specs) refers to implementations by these names; nothing else keeps lists of implementations.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


class Catalogue:
    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._items: dict[str, Callable[..., Any]] = {}

    def register(self, name: str) -> Callable[[F], F]:
        def decorator(func: F) -> F:
            if name in self._items and self._items[name] is not func:
                raise ValueError(f"{self.kind} '{name}' is registered twice")
            self._items[name] = func
            return func

        return decorator

    def get(self, name: str) -> Callable[..., Any]:
        try:
            return self._items[name]
        except KeyError:
            known = ", ".join(sorted(self._items))
            raise KeyError(f"unknown {self.kind} '{name}' (known: {known})") from None

    def names(self) -> list[str]:
        return sorted(self._items)

    def items(self) -> list[tuple[str, Callable[..., Any]]]:
        return sorted(self._items.items())

    def __contains__(self, name: object) -> bool:
        return name in self._items


parsers = Catalogue("parser")  # suffix -> (data: bytes, source: str) -> ParsedFile
extractors = Catalogue("extractor")  # name -> (text: str) -> list[Entity]
checks = Catalogue("check kind")  # name -> (case: CaseView, rule: Rule) -> list[Finding]
