"""One post in the community's channel, made from the card each of its languages gets, with the people it concerns
@mentioned.

- Languages: each language's card body is a section in its own direction (Arabic right-to-left, English
  left-to-right), the first language (the community's default) on top. Input fields and buttons come once, after
  the sections, labelled in every language ("أؤيد · Endorse"): two copies would repeat the fields' ids, and a button
  would send the fields of both copies. A card's own refresh (a proposal's) stays: Teams then shows each member it
  lists the card in their own language.
- Mentions: the people are named once, under the sections (not in every language), each with a Teams mention entity
  whose `<at>…</at>` text stands in the card. Past MENTION_CAP nobody is named; the post says how many they are.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from bot.cards.context import Card
from bot.cards.parts import FSI, PDI, text_block
from bot.i18n import Catalogs
from dialogs.common.people import Mentions, Person

Element = dict[str, Any]
MENTION_CAP = 20
"""At most this many people are @mentioned one by one in a post. Past it nobody is, and the post only counts them:
naming the first twenty and "12 others" would notify an arbitrary few and tell the rest, wrongly, that the post is not
about them; and a line of more than twenty names reads as a roll call, not a reminder (each owner still has their own
1:1 nudges)."""
_MARKUP = re.compile(r"[<>\[\]*_`~\\#|]")
_LABELS = frozenset({"title", "label", "placeholder", "errorMessage"})  # the words of an input or a button


@dataclass(frozen=True)
class Concerned:
    """The people a post concerns as it shows them: the line introducing them in each language, and those
    @mentioned one by one (none past MENTION_CAP)."""

    intros: Mapping[str, str]
    people: tuple[Person, ...]


def concerned(catalogs: Catalogs, mentions: Mentions | None, langs: Sequence[str]) -> Concerned | None:
    """How a post shows `mentions` in `langs` (None: it concerns nobody in particular)."""
    if mentions is None or not mentions.people:
        return None
    count, named = len(mentions.people), len(mentions.people) <= MENTION_CAP
    intros = {lang: catalogs.text(lang, mentions.why, count=count, named=str(named).lower()) for lang in langs}
    people = tuple(person for person in mentions.people if mention_name(person)) if named else ()
    return Concerned(intros, people)


def mention_name(person: Person) -> str:
    """A person's name as it stands inside `<at>…</at>`. Names are data: characters that would end the tag or read
    as Markdown (< > [ ] * _ ` ~ \\ # |) become spaces."""
    return " ".join(_MARKUP.sub(" ", person.name).split())


def mention_entities(people: Sequence[Person]) -> list[Element]:
    """Teams mention entities, one per person, each naming the `<at>…</at>` text that stands for them."""
    return [
        {"type": "mention", "text": f"<at>{mention_name(p)}</at>", "mentioned": {"id": p.teams_user_id, "name": p.name}}
        for p in people
    ]


def mention_line(about: Concerned, *, lang: str) -> str:
    """The introducing line in `lang`, then the people."""
    return f"{about.intros[lang]} {mention_names(about.people, lang=lang)}".rstrip()


def mention_names(people: Sequence[Person], *, lang: str) -> str:
    """The people as `<at>Name</at>`, each kept in its own direction, listed as `lang` lists."""
    return ("، " if lang == "ar" else ", ").join(f"{FSI}<at>{mention_name(p)}</at>{PDI}" for p in people)


def post(cards: Sequence[tuple[str, Card]], about: Concerned | None) -> Card:
    """One card from each language's card (`(lang, card)`, the first on top), the people it concerns @mentioned once
    at the end."""
    langs = [lang for lang, _ in cards]
    first = cards[0][1]
    if len(cards) == 1:
        body, actions = list(first["body"]), list(first["actions"])
    else:
        split = [_without_inputs(card["body"]) for _, card in cards]
        body = [
            {"type": "Container", "rtl": lang == "ar", "separator": index > 0, "items": items}
            for index, (lang, (items, _)) in enumerate(zip(langs, split, strict=True))
        ]
        body += _once([inputs for _, inputs in split])
        actions = _once([card["actions"] for _, card in cards])
    merged = {**first, "body": body, "actions": actions}
    if about is not None:
        merged["body"] = [*body, _mention_block(about, langs)]
        if about.people:
            merged["msteams"] = {**first.get("msteams", {}), "entities": mention_entities(about.people)}
    return merged


def _mention_block(about: Concerned, langs: Sequence[str]) -> Element:
    """The introducing line in each language (its own direction), then the names once; one language: one line."""
    if len(langs) == 1:
        return {"type": "Container", "separator": True, "items": [text_block(mention_line(about, lang=langs[0]))]}
    items: list[Element] = [
        {"type": "Container", "rtl": lang == "ar", "items": [text_block(about.intros[lang], spacing="None")]}
        for lang in langs
    ]
    if about.people:
        items.append(text_block(mention_names(about.people, lang=langs[0]), spacing="Small"))
    return {"type": "Container", "separator": True, "items": items}


def _without_inputs(elements: list[Element]) -> tuple[list[Element], list[Element]]:
    """The elements without their input fields (inside containers and columns too), and those fields in order."""
    kept: list[Element] = []
    inputs: list[Element] = []
    for element in elements:
        if str(element.get("type", "")).startswith("Input."):
            inputs.append(element)
            continue
        element = dict(element)
        for key in ("items", "columns"):
            if isinstance(element.get(key), list):
                element[key], found = _without_inputs(element[key])
                inputs += found
        kept.append(element)
    return kept, inputs


def _once(versions: Sequence[list[Element]]) -> list[Element]:
    """Input fields or buttons once, their words joined across the languages; the first language's when the
    versions do not pair up (other fields, other links)."""
    try:
        return [_joined(list(same)) for same in zip(*versions, strict=True)]
    except ValueError:
        return list(versions[0])


def _joined(values: list[Any], key: str = "") -> Any:
    """One value from each language's: equal ones kept, the words of labels joined ("أؤيد · Endorse"), dicts and
    lists joined part by part; ValueError for anything else that differs."""
    first = values[0]
    if all(value == first for value in values):
        return first
    if key in _LABELS and all(isinstance(value, str) for value in values):
        return " · ".join(f"{FSI}{value}{PDI}" for value in dict.fromkeys(values))
    if all(isinstance(value, dict) and value.keys() == first.keys() for value in values):
        return {name: _joined([value[name] for value in values], name) for name in first}
    if all(isinstance(value, list) for value in values):
        return [_joined(list(same)) for same in zip(*values, strict=True)]
    raise ValueError(f"{key or 'a value'} differs between the languages")
