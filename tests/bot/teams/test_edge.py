"""The edge's parts without a server: cleaning strings, checking shapes, reading tokens (the HTTP behaviour is in
tests/hostile/test_edge_regressions.py)."""

from __future__ import annotations

import json
from pathlib import Path

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from bot.teams import edge

FIXTURES = Path(__file__).parents[2] / "fixtures" / "teams"


def fixture(name: str) -> dict:
    return json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


def test_every_teams_fixture_passes_the_edge_unchanged() -> None:
    for path in sorted(FIXTURES.glob("*.json")):
        activity = json.loads(path.read_text(encoding="utf-8"))
        cleaned = edge.clean(activity)
        assert (cleaned.body, cleaned.removed, cleaned.cut) == (activity, 0, 0), path.name
        edge.check(cleaned.body)


def test_unstorable_characters_go_from_every_string_keys_included() -> None:
    cleaned = edge.clean({"text": "a\x00b\ud800c\x1b", "value": {"k\x00ey": ["\udfff", "\ufffe\uffffx"]}})
    assert cleaned.body == {"text": "abc", "value": {"key": ["", "x"]}}
    assert cleaned.removed == 7 and cleaned.bad_identifier is None


def test_tab_newline_marks_and_other_scripts_stay() -> None:
    text = "سطر\tأول\r\n\u200fline two \u2067WASH\u2069 \U0001f600 \x7f\u0085"
    assert edge.clean({"text": text}).body == {"text": text}


@pytest.mark.parametrize("path", [("from", "id"), ("conversation", "id"), ("serviceUrl",), ("type",)])
def test_an_identifier_with_an_unstorable_character_is_named(path: tuple[str, ...]) -> None:
    activity = fixture("personal_message_en")
    node = activity
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] += "\x00"
    assert edge.clean(activity).bad_identifier == ".".join(path)


def test_display_names_are_cut_to_what_the_database_keeps() -> None:
    activity = fixture("personal_message_en")
    activity["from"]["name"] = "ل" * 500
    cleaned = edge.clean(activity)
    assert len(cleaned.body["from"]["name"]) == 200 and cleaned.cut == 1


def test_nesting_is_bounded() -> None:
    deep: object = []
    for _ in range(edge.MAX_DEPTH + 1):
        deep = [deep]
    with pytest.raises(edge.Refused) as refused:
        edge.clean({"value": deep})
    assert refused.value.status == 400


@pytest.mark.parametrize(
    "raw",
    [b"[1]", b"nul", b'{"a": NaN}', b'{"a": Infinity}', b'{"a": 1e400}', b"\xff", b"9" * 5000],
)
def test_only_strict_json_is_read(raw: bytes) -> None:
    with pytest.raises(edge.Refused):
        edge._read(raw)


def test_a_byte_order_mark_before_the_json_is_fine() -> None:
    activity = fixture("personal_message_en")
    assert edge._read(b"\xef\xbb\xbf" + json.dumps(activity).encode()) == activity


def test_validation_errors_never_log_the_values(caplog) -> None:
    activity = fixture("personal_message_en")
    activity["text"] = {"secret member text": 1}
    with pytest.raises(edge.Refused) as refused:
        edge.check(activity)
    assert refused.value.reason == "text: Input should be a valid string."
    assert "secret" not in caplog.text


def test_an_invoke_the_bot_does_not_answer_is_refused() -> None:
    activity = fixture("invoke_adaptive_card_action")
    edge.check(activity)
    with pytest.raises(edge.Refused):
        edge.check({**activity, "name": "composeExtension/query"})


KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.mark.parametrize(
    "headers, refused",
    [({"kid": "k1"}, False), ({}, True), ({"kid": ""}, True)],
)
def test_tokens_without_a_signing_key_id_are_refused_here(headers: dict, refused: bool) -> None:
    token = jwt.encode({"aud": "x"}, KEY, algorithm="RS256", headers=headers)
    assert (edge.token_refusal(f"Bearer {token}") is not None) is refused


@pytest.mark.parametrize("header", [None, "", "Basic abc", "Bearer", "Bearer not-a-jwt", "Bearer a b"])
def test_what_the_sdk_refuses_by_itself_is_left_to_it(header: str | None) -> None:
    assert edge.token_refusal(header) is None
