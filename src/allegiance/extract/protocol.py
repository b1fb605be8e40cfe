"""What an extractor is, and what it needs from the reference data.

A stronger backend (a trained model, a hosted service) plugs in by implementing
:class:`Extractor`. The rule backend needs only the narrow views of the gazetteer
and the weapons catalogue below, so tests can hand in small stand-ins.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, Protocol, runtime_checkable

from allegiance.model import Claim, Document


@runtime_checkable
class Extractor(Protocol):
    """Turns one document into claims, each carrying the evidence that supports it."""

    name: str

    def extract(self, doc: Document) -> list[Claim]: ...


class AliasLike(Protocol):
    """One way a text names an actor (allegiance.actors.Alias)."""

    @property
    def text(self) -> str: ...
    @property
    def code(self) -> str: ...
    @property
    def form(self) -> Any: ...
    @property
    def case_sensitive(self) -> bool: ...
    @property
    def ambiguous(self) -> bool: ...


class ActorLike(Protocol):
    @property
    def code(self) -> str: ...
    @property
    def kind(self) -> Any: ...


class GazetteerLike(Protocol):
    """The part of allegiance.actors.Gazetteer the extractor reads."""

    def aliases(self) -> Iterator[Any]: ...
    def actor(self, code: str) -> Any: ...


class WeaponLike(Protocol):
    @property
    def designation(self) -> str: ...
    @property
    def origin(self) -> str | None: ...
    @property
    def category(self) -> Any: ...


class TermLike(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def category(self) -> Any: ...


class CatalogueLike(Protocol):
    """The part of allegiance.weapons.Catalogue the extractor reads."""

    def aliases(self) -> Iterable[tuple[str, Any]]: ...
    def terms(self) -> Iterable[Any]: ...
