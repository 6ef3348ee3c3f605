"""People as Teams describes them: the sender, someone mentioned, a roster entry; and the people a post concerns."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from storage.models import Member


@dataclass(frozen=True)
class Person:
    """Someone Teams tells us about (sender, mentioned user or roster entry)."""

    teams_user_id: str
    aad_object_id: str | None = None
    name: str = ""
    email: str | None = None
    is_guest: bool = False


@dataclass(frozen=True)
class Mentions:
    """The people a channel post concerns, to @mention in it, and `why`: the catalog message that introduces them.
    That message takes `count` (how many they are) and `named` ("true" when the post names them one by one, "false"
    when they are too many and it only counts them)."""

    why: str
    people: tuple[Person, ...]


def _person(member: Member) -> Person:
    """A roster member as Teams knows them."""
    return Person(member.teams_user_id, member.aad_object_id, member.name, member.email, member.is_guest)


def concerning(why: str, members: Iterable[Member]) -> Mentions | None:
    """The active ones among `members`, each once and in the order given, as the people a post concerns (introduced
    by the message `why`); None when there is nobody."""
    seen: dict[int, Member] = {}
    for member in members:
        if member.active:
            seen.setdefault(member.id, member)
    return Mentions(why, tuple(_person(member) for member in seen.values())) if seen else None
