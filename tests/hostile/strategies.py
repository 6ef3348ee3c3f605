"""What hostile and clumsy clients send, as hypothesis strategies: messy Arabic/Latin text, marks and control
characters, command words with random arguments, card data, and Teams activities with fields missing, wrongly
typed, or taken from another community."""

from __future__ import annotations

import copy
import json
import string
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from dialogs.features import build_registry

REGISTRY = build_registry()
FIXTURES = Path(__file__).parents[1] / "fixtures" / "teams"

MARKS = list("\u200e\u200f\u061c\u200b\u200c\u200d\u2066\u2067\u2068\u2069\u202a\u202b\u202c\u202d\u202e\ufeff")
UNSTORABLE = ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\ud800", "\udbff", "\udc00", "\udfff"]
UNSTORABLE += ["\ufffe", "\uffff"]
ODD = ["\t", "\n", "\r\n", "\x7f", "\x85", "\u2028", "\u00a0", "\u3000", "\u202f", "\u0640", "\u064b", "\U0001f600"]
MARKUP = [
    "**bold**",
    "[Click to verify](https://phish.example)",
    "<b>x</b>",
    "<script>alert(1)</script>",
    '{"type": "AdaptiveCard", "body": []}',
    "`code`",
    "# heading",
    "> quote",
    "&amp;&lt;",
    "%s%d",
    "{0}",
    "{ $name }",
    "\\",
    "'; DROP TABLE member; --",
    "<at>Omar Khalil</at>",
    "<at>Leila Haddad</at>",
    "<at>Nobody Here</at>",
    "<at>",
    "</at>",
    "@Omar",
]
SUB_WORDS = (
    "add new done progress blocked due reassign cancel move close accept defer remove order edit publish approvals "
    "quiet weekend digest failed retry all overdue report quarter year join leave lead extend list take reopen mine "
    "open skip every for group tz deadline until anonymous confidential item meeting presenter minutes plan none "
    "area sector me page off weekly monthly yes no facilitator member admin ar en fri sat monday 7d 1d 1h"
).split() + (
    "إضافة تم تقدم متعثر موعد إسناد إلغاء نقل إغلاق قبول تأجيل حذف ترتيب تعديل نشر الهدوء الفاشلة إعادة الكل "
    "المتأخرة تقرير ربع سنة انضمام مغادرة قائد تمديد ميسر عضو العربية الإنجليزية أؤيد أعارض"
).split()
DATES = [
    "next Thursday 10:00",
    "tomorrow",
    "in two weeks",
    "15 December",
    "31 February",
    "yesterday",
    "بعد أسبوعين",
    "١٥/١٢/٢٠٢٦",
    "الخميس القادم ١٠:٠٠",
    "2026-13-45",
    "next year 25:99",
    "every month",
    "every 0 weeks",
    "every 99999 weeks",
    "the last Thursday of every quarter",
    "for 90 minutes",
    "for 99999999 minutes",
    "deadline 24 hours",
    "20:00-08:00",
    "https://teams.microsoft.com/l/meetup-join/x",
    "javascript:alert(1)",
]
ZONES = ["Asia/Amman", "Cairo", "Mars/Olympus", "UTC", "../../etc/passwd", "A" * 300, "Asia/Beirut\x00", "القاهرة"]
COMMAND_WORDS = sorted({word for spec in REGISTRY.commands.values() for word in spec.words})
VERBS = sorted(REGISTRY.submits) + sorted(REGISTRY.presses)
DATA_KEYS = (
    "verb action id ref number meeting item title text details due owners group lang ticket answer faq proposal "
    "vote choice comment note page card question tags source question_en question_ar answer_en answer_ar time day "
    "repeat duration kind minutes offered confidential progress presenter when until anonymous options"
).split()

arabic_word = st.text(st.characters(min_codepoint=0x0621, max_codepoint=0x064A), min_size=1, max_size=8)
arabic_any = st.text(st.characters(min_codepoint=0x0600, max_codepoint=0x06FF), min_size=1, max_size=6)
latin_word = st.text(st.sampled_from(string.ascii_letters), min_size=1, max_size=10)
numbers = st.one_of(
    st.integers(min_value=-5, max_value=40).map(str),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.integers(min_value=0, max_value=9999).map(lambda n: str(n).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))),
    st.integers(min_value=0, max_value=50).map(lambda n: f"#{n}"),
    st.sampled_from(["0", "-0", "1.5", "1e9", "٣٫٥", "²", "½", "Ⅻ", "0x10", "+3"]),
)
any_piece = st.text(max_size=4)  # any Unicode (no surrogates: those are in UNSTORABLE)
piece = st.one_of(
    arabic_word,
    arabic_any,
    latin_word,
    numbers,
    st.sampled_from(MARKUP),
    st.sampled_from(MARKS),
    st.sampled_from(UNSTORABLE),
    st.sampled_from(ODD),
    st.sampled_from(["|", "||", "?", "؟", "/", "@", "-", ":", "،"]),
    any_piece,
)
messy_text = st.tuples(st.lists(piece, max_size=25), st.sampled_from([" ", "", "  ", " | "])).map(
    lambda parts: parts[1].join(parts[0])
)
argument = st.one_of(
    st.sampled_from(SUB_WORDS),
    numbers,
    st.sampled_from(DATES),
    st.sampled_from(ZONES),
    st.sampled_from(MARKUP[-6:]),
    st.just("|"),
    piece,
)
prefix = st.sampled_from(["", "", "", "/", "\u200f", "\u200e", " ", "\u2067", "<at>Tansiq</at> "])
command_text = st.tuples(prefix, st.sampled_from(COMMAND_WORDS), st.lists(argument, max_size=12)).map(
    lambda parts: f"{parts[0]}{parts[1]} {' '.join(parts[2])}".rstrip()
)
long_text = st.tuples(
    st.sampled_from(["", "action add ", "agenda add ", "ask ", "faq add ", "\u200f", "poll "]),
    st.sampled_from(["x", "مرحبا ", "a\u0000", "\u200f", "| ", "<at>Omar Khalil</at> ", "\ud800"]),
    st.integers(min_value=4_001, max_value=30_000),
).map(lambda parts: parts[0] + (parts[1] * (parts[2] // len(parts[1]) + 1))[: parts[2]])

json_leaf = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    messy_text,
    st.sampled_from(VERBS),
)
json_value = st.recursive(
    json_leaf,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.sampled_from(DATA_KEYS), children, max_size=4),
    max_leaves=12,
)


def card_data(ids: list[int]) -> st.SearchStrategy[dict[str, Any]]:
    """An `Action.Submit`'s data: a verb (known or not) and any of the keys the dialogs read, any values."""
    value = st.one_of(json_value, st.sampled_from(ids), st.sampled_from(ids).map(str)) if ids else json_value
    verb = st.one_of(st.sampled_from(VERBS), st.sampled_from(VERBS), messy_text, json_leaf)
    return st.tuples(verb, st.dictionaries(st.sampled_from(DATA_KEYS[1:]), value, max_size=6)).map(
        lambda parts: {"verb": parts[0], **parts[1]}
    )


def fixture(name: str) -> dict[str, Any]:
    result: dict[str, Any] = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    return result


HTTP_FIXTURES = [
    "personal_message_en",
    "personal_message_ar",
    "channel_message_mention",
    "group_chat_message_mention",
    "card_submit",
    "invoke_adaptive_card_action",
    "installation_update_add_personal",
]


def paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a field in an activity (dict keys and list indexes)."""
    found: list[tuple[Any, ...]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            found.append((*prefix, key))
            found += paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.append((*prefix, index))
            found += paths(value, (*prefix, index))
    return found


FIELD_PATHS = sorted({path for name in HTTP_FIXTURES for path in paths(fixture(name))}, key=repr)
UNSETTABLE = {("serviceUrl",)}  # another URL would only send the replies elsewhere (the host validator's job)


def mutate(activity: dict[str, Any], mutation: tuple[Any, ...]) -> None:
    """Apply one mutation in place (a path that is not there is skipped)."""
    kind, path, value = mutation
    parent: Any = activity
    for step in path[:-1]:
        try:
            parent = parent[step]
        except (KeyError, IndexError, TypeError):
            return
    last = path[-1]
    if isinstance(parent, dict) and kind == "set":
        parent[last] = value
    elif (isinstance(parent, dict) and last in parent) or (
        isinstance(parent, list) and isinstance(last, int) and last < len(parent)
    ):
        if kind == "delete":
            del parent[last]
        elif kind == "set":
            parent[last] = value
        elif kind == "inject" and isinstance(parent[last], str):
            cut = len(parent[last]) // 2
            parent[last] = parent[last][:cut] + value + parent[last][cut:]


def mutations(foreign: dict[str, list[Any]]) -> st.SearchStrategy[tuple[Any, ...]]:
    """Fields deleted, set to values of any JSON type, unstorable characters slipped in, another community's ids."""
    field = st.sampled_from(FIELD_PATHS)
    return st.one_of(
        st.tuples(st.just("delete"), field, st.none()),
        st.tuples(st.just("set"), field.filter(lambda p: p not in UNSETTABLE), json_value),
        st.tuples(st.just("inject"), field, st.sampled_from(UNSTORABLE + MARKS)),
        st.tuples(st.just("set"), st.just(("text",)), st.one_of(messy_text, command_text)),
        st.tuples(st.just("set"), st.just(("from", "name")), messy_text),
        st.tuples(st.just("set"), st.just(("locale",)), st.one_of(messy_text, st.sampled_from(["ar", "en-US", "x"]))),
        st.tuples(st.just("set"), st.just(("localTimezone",)), st.one_of(messy_text, st.sampled_from(ZONES))),
        st.tuples(st.just("set"), st.just(("serviceUrl",)), st.sampled_from([None, 5, "", "javascript:x", "ftp://x"])),
        st.tuples(st.just("set"), st.just(("value",)), json_value),
        *(st.tuples(st.just("set"), st.just(path), st.sampled_from(values)) for path, values in foreign.items()),
    )


def activity(base: str, changes: list[tuple[Any, ...]], *, service_url: str, activity_id: str) -> dict[str, Any]:
    made = copy.deepcopy(fixture(base))
    made.update(serviceUrl=service_url, id=activity_id, deliveryMode="expectReplies")
    for change in changes:
        mutate(made, change)
    return made


raw_bodies = st.one_of(
    st.binary(max_size=200),
    st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.sampled_from(
        [
            b"",
            b"[]",
            b"null",
            b"42",
            b'"text"',
            b'{"type": "message"',
            b'{"type": "message", "value": NaN}',
            b'{"type": "message", "text": "\\ud800"}',
            b"[" * 5000 + b"]" * 5000,
            b'{"a": ' * 3000 + b"1" + b"}" * 3000,
            b"\xef\xbb\xbf{}",
            b"\xff\xfe{\x00}\x00",
        ]
    ),
    json_value.map(lambda value: json.dumps(value).encode()),
)
