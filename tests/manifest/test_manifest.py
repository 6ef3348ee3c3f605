"""The Teams app package: valid against the official v1.30 schemas, commands the bot understands, icons."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator, FormatChecker
from PIL import Image

from bot.cli import manifest as app
from bot.cli.manifest import MANIFEST_DIR, PLACEHOLDER_ID, ManifestSettings, build_manifest, write_package
from dialogs.common.commands import Command
from dialogs.common.registry import CommandSpec
from dialogs.common.replies import Reply
from dialogs.common.text import script_language
from dialogs.common.turn import Turn
from dialogs.features import build_registry

REGISTRY = build_registry()
COMMANDS = REGISTRY.commands  # name -> CommandSpec, as every feature declares them
SCHEMAS = MANIFEST_DIR / "schema"
BOT_ID = "6f1c2a9e-3b7d-4c5e-9a8f-0d2b4e6a8c10"
MANIFEST_SCHEMA_URL = "https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json"
LOCALIZATION_SCHEMA_URL = (
    "https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.Localization.schema.json"
)
SITE = {
    "website_url": "https://coop.example.net",
    "privacy_url": "https://coop.example.net/privacy",
    "terms_url": "https://coop.example.net/terms",
}


def validator(name: str) -> Draft4Validator:
    """A validator for a vendored schema (no `check_schema`: one ECMA-only pattern, see manifest/schema)."""
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    return Draft4Validator(schema, format_checker=FormatChecker())


def errors(name: str, document: dict[str, Any]) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator(name).iter_errors(document)]


def settings(**overrides: Any) -> ManifestSettings:
    return ManifestSettings(**({"bot_id": BOT_ID} | SITE | overrides))


@pytest.fixture(params=[False, True], ids=["mention", "slash"])
def built(request: pytest.FixtureRequest) -> tuple[dict[str, Any], dict[str, Any]]:
    """The manifest and its Arabic file, with and without slash commands."""
    manifest, translations = build_manifest(settings(slash_commands=request.param))
    return manifest, translations["ar.json"]


def strings(node: Any) -> list[str]:
    if isinstance(node, dict):
        return [s for value in node.values() for s in strings(value)]
    if isinstance(node, list):
        return [s for item in node for s in strings(item)]
    return [node] if isinstance(node, str) else []


def test_manifest_is_valid_v1_30(built) -> None:
    manifest, _ = built
    assert manifest["$schema"] == MANIFEST_SCHEMA_URL
    assert manifest["manifestVersion"] == "1.30"
    assert errors("MicrosoftTeams.schema.json", manifest) == []


def test_arabic_file_is_valid(built) -> None:
    manifest, arabic = built
    assert manifest["localizationInfo"] == {
        "defaultLanguageTag": "en",
        "additionalLanguages": [{"languageTag": "ar", "file": "ar.json"}],
    }
    assert arabic["$schema"] == LOCALIZATION_SCHEMA_URL
    assert errors("MicrosoftTeams.Localization.schema.json", arabic) == []


def test_the_validator_catches_mistakes() -> None:
    manifest, translations = build_manifest(settings())
    del manifest["developer"]
    manifest["name"]["short"] = "x" * 31
    manifest["bots"][0]["botId"] = "not-a-guid"
    manifest["$schema"] = "not a uri"
    assert len(errors("MicrosoftTeams.schema.json", manifest)) == 4
    arabic = translations["ar.json"] | {"bots[0].commandLists[3].commands[0].title": "مساعدة", "name.short": ""}
    assert len(errors("MicrosoftTeams.Localization.schema.json", arabic)) == 2


def test_no_template_placeholder_is_left(built) -> None:
    manifest, arabic = built
    assert not [s for s in strings(manifest) + strings(arabic) if "${" in s]


def test_ids_version_names_and_links_come_from_settings() -> None:
    manifest, translations = build_manifest(
        settings(
            app_id="0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", version="2.3.4", short_name="CoP", short_name_ar="المجتمع"
        )
    )
    assert manifest["bots"][0]["botId"] == BOT_ID
    assert manifest["id"] == "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
    assert manifest["version"] == "2.3.4"
    assert manifest["developer"]["privacyUrl"] == SITE["privacy_url"]
    assert manifest["name"]["short"] == "CoP"
    assert translations["ar.json"]["name.short"] == "المجتمع"


def test_app_id_defaults_to_the_bot_id(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONNECTIONS__SERVICE_CONNECTION__SETTINGS__CLIENTID", BOT_ID)
    manifest, _ = build_manifest(ManifestSettings())
    assert manifest["id"] == manifest["bots"][0]["botId"] == BOT_ID


def test_one_command_list_per_bot_scope_with_at_most_12_commands(built) -> None:
    manifest, _ = built
    bot = manifest["bots"][0]
    assert set(bot["scopes"]) == {"team", "groupChat", "personal"}
    assert [entry["scopes"] for entry in bot["commandLists"]] == [[scope] for scope in bot["scopes"]]
    assert all(0 < len(entry["commands"]) <= 12 for entry in bot["commandLists"])


def test_every_command_title_is_a_command_the_bot_understands(built) -> None:
    manifest, arabic = built
    for i, entry in enumerate(manifest["bots"][0]["commandLists"]):
        for j, command in enumerate(entry["commands"]):
            english = REGISTRY.parse(command["title"])
            assert english is not None and english.name in COMMANDS, command["title"]
            assert english == Command(english.name), command["title"]
            arabic_title = arabic[f"bots[0].commandLists[{i}].commands[{j}].title"]
            assert REGISTRY.parse(arabic_title) == english, arabic_title
            assert (script_language(command["title"]), script_language(arabic_title)) == ("en", "ar")
            assert command["description"] and arabic[f"bots[0].commandLists[{i}].commands[{j}].description"]


def test_arabic_file_translates_exactly_the_manifest_commands(built) -> None:
    manifest, arabic = built
    expected = {
        f"bots[0].commandLists[{i}].commands[{j}].{field}"
        for i, entry in enumerate(manifest["bots"][0]["commandLists"])
        for j, _ in enumerate(entry["commands"])
        for field in ("title", "description")
    }
    assert {key for key in arabic if key.startswith("bots[")} == expected


def test_menus_offer_every_command_while_there_is_room(built) -> None:
    manifest, _ = built
    for entry in manifest["bots"][0]["commandLists"]:
        names = {REGISTRY.parse(command["title"]).name for command in entry["commands"]}
        assert names == set(COMMANDS) if len(COMMANDS) <= 12 else len(names) == 12


async def unused_handler(turn: Turn, args: str) -> Reply:
    raise AssertionError("the menu never runs a command")


def test_member_commands_win_the_twelve_places() -> None:
    facilitators = tuple(CommandSpec(f"f{n}", (f"f{n}",), unused_handler, facilitator_only=True) for n in range(10))
    members = tuple(CommandSpec(f"m{n}", (f"m{n}",), unused_handler) for n in range(5))
    chosen = [spec.name for spec in app.menu_commands(facilitators + members)]
    assert chosen == [f"m{n}" for n in range(5)] + [f"f{n}" for n in range(7)]


def test_the_menus_lead_with_what_members_use_most() -> None:
    chosen = [spec.name for spec in app.menu_commands(COMMANDS.values())]
    assert chosen[:5] == ["help", "agenda", "meetings", "actions", "action"]
    assert {"ask", "faq", "votes", "minutes"} <= set(chosen) and "role" not in chosen


def test_slash_commands_in_group_scopes_by_default_and_off_when_asked() -> None:
    slash_manifest, _ = build_manifest(settings())
    bot = slash_manifest["bots"][0]
    assert bot["supportsTargetedMessages"] is True
    triggers = {entry["scopes"][0]: entry.get("triggers") for entry in bot["commandLists"]}
    assert triggers == {"team": ["mention", "slash"], "groupChat": ["mention", "slash"], "personal": None}

    plain_manifest, _ = build_manifest(settings(slash_commands=False))
    assert plain_manifest["bots"][0]["supportsTargetedMessages"] is False
    assert all("triggers" not in entry for entry in plain_manifest["bots"][0]["commandLists"])


def test_no_resource_specific_permissions(built) -> None:
    """The bot reads the roster through the Bot Connector (pagedMembers), which needs no RSC, and only
    answers @mentions; an RSC permission added later must be justified in the README and here."""
    manifest, _ = built
    assert "authorization" not in manifest


def test_icons_have_teams_sizes_and_the_outline_is_white_on_transparent() -> None:
    manifest, _ = build_manifest(settings())
    with Image.open(MANIFEST_DIR / "icons" / manifest["icons"]["color"]) as color:
        assert color.format == "PNG" and color.size == (192, 192)
        assert color.convert("RGBA").getchannel("A").getextrema() == (255, 255)
    with Image.open(MANIFEST_DIR / "icons" / manifest["icons"]["outline"]) as outline:
        assert outline.format == "PNG" and outline.size == (32, 32) and outline.mode == "RGBA"
        access = outline.load()
        pixels = [access[x, y] for y in range(32) for x in range(32)]
    alphas = [a for *_, a in pixels]
    assert min(alphas) == 0 and max(alphas) == 255
    assert all((r, g, b) == (255, 255, 255) for r, g, b, a in pixels if a)
    assert all(pixels[i][3] == 0 for i in (0, 31, 32 * 31, 32 * 32 - 1))


def test_package_has_manifest_translation_and_icons_at_its_root(tmp_path: Path) -> None:
    chosen = settings()
    path = write_package(chosen, tmp_path / "out" / "tansiq.zip")
    manifest, translations = build_manifest(chosen)
    with zipfile.ZipFile(path) as package:
        assert sorted(package.namelist()) == ["ar.json", "color.png", "manifest.json", "outline.png"]
        assert json.loads(package.read("manifest.json")) == manifest
        assert json.loads(package.read("ar.json")) == translations["ar.json"]
        for icon in ("color.png", "outline.png"):
            assert package.read(icon) == (MANIFEST_DIR / "icons" / icon).read_bytes()
            Image.open(io.BytesIO(package.read(icon))).verify()
    assert write_package(chosen, tmp_path / "again.zip").read_bytes() == path.read_bytes()


def test_command_warns_about_placeholders(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert app.main(tmp_path / "tansiq.zip") == 0
    out = capsys.readouterr().out
    assert "warning: the bot id is the placeholder" in out
    assert PLACEHOLDER_ID in out and "CONNECTIONS__SERVICE_CONNECTION__SETTINGS__CLIENTID" in out
    assert "TEAMS_APP_PRIVACY_URL" in out
    with zipfile.ZipFile(tmp_path / "tansiq.zip") as package:
        assert json.loads(package.read("manifest.json"))["bots"][0]["botId"] == PLACEHOLDER_ID


def test_command_is_quiet_when_everything_is_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CONNECTIONS__SERVICE_CONNECTION__SETTINGS__CLIENTID", BOT_ID)
    for name, value in SITE.items():
        monkeypatch.setenv(f"TEAMS_APP_{name.upper()}", value)
    assert app.main(tmp_path / "tansiq.zip") == 0
    out = capsys.readouterr().out
    assert "warning" not in out
    assert f"Teams app {BOT_ID}" in out


@pytest.mark.parametrize(
    "name, value",
    [("TEAMS_APP_VERSION", "1.0"), ("TEAMS_APP_PRIVACY_URL", "http://insecure.example"), ("TEAMS_APP_ID", "42")],
)
def test_command_refuses_bad_settings(
    name: str, value: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(name, value)
    assert app.main(tmp_path / "tansiq.zip") == 2
    assert "manifest settings error" in capsys.readouterr().err
    assert not (tmp_path / "tansiq.zip").exists()
