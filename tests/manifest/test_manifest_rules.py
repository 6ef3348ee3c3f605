"""Teams' rules beyond the JSON schema: the real package keeps them all, and each rule, broken on purpose in a copy
of the package (a manifest field, a line of ar.json, an icon), is reported."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from bot.cli import manifest as app
from bot.cli.manifest import ManifestSettings, fit_menu, package_files, write_package
from bot.cli.manifest_rules import package_problems

BOT_ID = "6f1c2a9e-3b7d-4c5e-9a8f-0d2b4e6a8c10"
MENU = "bots.0.commandLists.0"  # the team scope's command list
Files = dict[str, bytes]
DELETE = object()


def settings(**overrides: Any) -> ManifestSettings:
    return ManifestSettings(**({"bot_id": BOT_ID, "website_url": "https://coop.example.net"} | overrides))


@pytest.fixture(scope="module")
def files() -> Files:
    return package_files(settings())


def edited(files: Files, name: str, path: str, value: Any) -> Files:
    """A copy of the package where the JSON file `name` has `value` at `path` (`bots.0.scopes`; one past a list's
    end appends; DELETE removes it)."""
    document = json.loads(files[name])
    *parents, last = [int(step) if step.isdigit() else step for step in path.split(".")]
    node = document
    for step in parents:
        node = node[step]
    if value is DELETE:
        del node[last]
    elif isinstance(node, list) and last == len(node):
        node.append(value)
    else:
        node[last] = value
    return files | {name: json.dumps(document, ensure_ascii=False).encode()}


def png(size: tuple[int, int], paint: Callable[[Image.Image], None] = lambda image: None, mode: str = "RGBA") -> bytes:
    image = Image.new(mode, size, (0, 0, 0, 0) if mode == "RGBA" else (11, 110, 105))
    paint(image)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def white_square(image: Image.Image) -> None:
    image.paste((255, 255, 255, 255), (8, 8, 24, 24))


@pytest.mark.parametrize("slash", [True, False], ids=["slash", "mention"])
def test_the_real_package_keeps_every_rule(slash: bool) -> None:
    assert package_problems(package_files(settings(slash_commands=slash))) == []


def test_the_bot_takes_files_in_personal_chat(files: Files) -> None:
    bot = json.loads(files["manifest.json"])["bots"][0]
    assert bot["supportsFiles"] is True and "personal" in bot["scopes"]


def test_every_menu_text_fits_in_both_languages(files: Files) -> None:
    manifest, arabic = json.loads(files["manifest.json"]), json.loads(files["ar.json"])
    descriptions = [c["description"] for e in manifest["bots"][0]["commandLists"] for c in e["commands"]]
    descriptions += [text for key, text in arabic.items() if key.endswith(".description")]
    assert all(0 < len(text) <= 128 for text in descriptions)
    assert any(text.endswith("…") for text in descriptions)  # the long help lines (faq, actions) were cut


def test_a_long_help_line_keeps_its_whole_first_sentences() -> None:
    line = "Record or update an action point (a form). " + "Example: action add " + "x " * 60
    assert fit_menu(line) == "Record or update an action point (a form)."
    assert fit_menu("Short. Example: short") == "Short. Example: short"


def test_a_long_sentence_is_cut_between_words_with_an_ellipsis() -> None:
    arabic = "أسئلة المجتمع المتكررة: " + "الأسئلة الشائعة تعرض قائمتها، " * 10
    cut = fit_menu(arabic)
    assert len(cut) <= 128 and cut.endswith("…") and not cut.endswith("،…")
    assert arabic.startswith(cut[:-1]) and arabic[len(cut) - 1] in " ،"
    assert len(fit_menu("x" * 300)) == 128


LONG = "x" * 4001
MANIFEST_MISTAKES = [
    ("name.short", "x" * 31, "manifest.json: name.short is 31 characters, more than 30"),
    ("name.full", "x" * 101, "manifest.json: name.full is 101 characters, more than 100"),
    ("description.short", "x" * 81, "manifest.json: description.short is 81 characters, more than 80"),
    ("description.full", LONG, "manifest.json: description.full is 4001 characters, more than 4000"),
    ("name.full", "Tansiq", "manifest.json: name.short and name.full are the same"),
    (f"{MENU}.commands.0.title", "x" * 33, "commands[0].title is 33 characters, more than 32"),
    (f"{MENU}.commands.0.description", "x" * 129, "commands[0].description is 129 characters, more than 128"),
    ("bots.0.scopes", ["team", "groupChat", "personal", "meeting"], "'meeting' is not a bot scope"),
    ("bots.0.scopes", ["team", "groupChat"], "commandLists[2]: personal is not one of the bot's scopes"),
    ("bots.0.scopes", [], "bots[0] has no scopes"),
    ("bots.1", {"botId": BOT_ID, "scopes": ["personal"]}, "the app has 2 bots; Teams allows 1"),
    ("bots.0.commandLists.3", {"scopes": ["copilot"], "commands": []}, "bots[0] has 4 command lists"),
    ("bots.0.commandLists.1.scopes", ["team"], "the team scope has 2 command lists"),
    (f"{MENU}.commands.12", {"title": "tz", "description": "Time zone"}, "commandLists[0] has 13 commands"),
    (f"{MENU}.commands.1.title", "Help", "commandLists[0]: the title 'help' is there 2 times"),
    ("bots.0.supportsTargetedMessages", False, "commandLists[0] has the slash trigger but"),
    ("accentColor", "teal", "accentColor 'teal' is not a hex colour"),
    ("accentColor", "#0B6E6", "accentColor '#0B6E6' is not a hex colour"),
    ("version", "1.0", "version '1.0' is not MAJOR.MINOR.PATCH"),
    ("version", "1.02.3", "version '1.02.3' is not MAJOR.MINOR.PATCH"),
    ("id", "tansiq", "id 'tansiq' is not a GUID"),
    ("bots.0.botId", "6f1c2a9e3b7d4c5e9a8f0d2b4e6a8c10", "botId '6f1c2a9e3b7d4c5e9a8f0d2b4e6a8c10' is not a GUID"),
    ("localizationInfo.additionalLanguages.0.file", "fr.json", "names fr.json, which is not in the package"),
    ("localizationInfo.additionalLanguages.0.file", "fr.json", "ar.json is in the package but localizationInfo"),
    ("localizationInfo.additionalLanguages.0.languageTag", "en", "the default language en as an additional"),
    ("localizationInfo.additionalLanguages.1", {"languageTag": "ar", "file": "ar.json"}, "the language ar 2 times"),
    ("localizationInfo.additionalLanguages.0.languageTag", "arabic", "'arabic' is not <language>"),
    ("localizationInfo.defaultLanguageTag", DELETE, "localizationInfo has no defaultLanguageTag"),
    ("validDomains", ["coop.example.net", "*.onmicrosoft.com"], "'*.onmicrosoft.com' covers domains outside"),
    ("validDomains", ["*.org"], "'*.org' covers domains outside your control"),
    ("validDomains", ["https://coop.example.net/tansiq"], "'https://coop.example.net/tansiq' is not a domain"),
    ("validDomains", [f"d{n}.example.net" for n in range(17)], "validDomains has 17 domains; Teams allows 16"),
    ("icons.color", "colour.png", "the color icon colour.png is not in the package"),
]


@pytest.mark.parametrize("path, value, problem", MANIFEST_MISTAKES, ids=[row[2][:50] for row in MANIFEST_MISTAKES])
def test_a_broken_manifest_rule_is_reported(files: Files, path: str, value: Any, problem: str) -> None:
    problems = package_problems(edited(files, "manifest.json", path, value))
    assert any(problem in line for line in problems), problems


def test_good_domains_and_a_second_language_pass(files: Files) -> None:
    package = edited(files, "manifest.json", "validDomains", ["coop.example.net", "*.coop.example.net"])
    assert package_problems(package) == []
    package = edited(
        package,
        "manifest.json",
        "localizationInfo.additionalLanguages.1",
        {"languageTag": "ar-SY", "file": "ar-sy.json"},
    )
    assert package_problems(package | {"ar-sy.json": files["ar.json"]}) == []


COMMAND_KEY = "bots[0].commandLists[0].commands[0]"
ARABIC_MISTAKES = [
    ("name.short", "ت" * 31, "ar.json: name.short is 31 characters, more than 30"),
    ("name.full", "ت" * 101, "ar.json: name.full is 101 characters, more than 100"),
    ("description.short", "ت" * 81, "ar.json: description.short is 81 characters, more than 80"),
    ("description.full", "ت" * 4001, "ar.json: description.full is 4001 characters, more than 4000"),
    ("description.full", DELETE, "ar.json lacks description.full, which every localisation file must have"),
    (f"{COMMAND_KEY}.title", "ت" * 33, f"ar.json: {COMMAND_KEY}.title is 33 characters, more than 32"),
    (f"{COMMAND_KEY}.description", "ت" * 129, f"ar.json: {COMMAND_KEY}.description is 129 characters"),
    ("bots[0].commandLists[0].commands[12].title", "توقيت", "commands[12].title names no text in the manifest"),
    ("staticTabs[0].name", "الرئيسية", "ar.json: staticTabs[0].name names no text in the manifest"),
    ("bots.0.commandLists.0.commands.0.title", "مساعدة", "'bots.0.commandLists.0.commands.0.title' is not a"),
    ("name short", "تنسيق", "ar.json: 'name short' is not a localisation key"),
]


@pytest.mark.parametrize("key, value, problem", ARABIC_MISTAKES, ids=[row[2][:50] for row in ARABIC_MISTAKES])
def test_a_broken_localisation_rule_is_reported(files: Files, key: str, value: Any, problem: str) -> None:
    arabic = json.loads(files["ar.json"])
    if value is DELETE:
        del arabic[key]
    else:
        arabic[key] = value
    problems = package_problems(files | {"ar.json": json.dumps(arabic, ensure_ascii=False).encode()})
    assert any(problem in line for line in problems), problems


def test_a_localisation_file_that_is_not_json_is_reported(files: Files) -> None:
    assert any(line.startswith("ar.json is not JSON") for line in package_problems(files | {"ar.json": b"{"}))


ICON_MISTAKES = [
    ("color.png", png((96, 96), mode="RGB"), "the color icon color.png is 96×96, not 192×192"),
    ("color.png", b"GIF89a not really", "the color icon color.png is not an image"),
    ("outline.png", png((48, 48), white_square), "the outline icon outline.png is 48×48, not 32×32"),
    ("outline.png", png((32, 32), mode="RGB"), "the outline icon outline.png has no transparent background"),
    ("outline.png", png((32, 32), lambda image: image.putpixel((3, 3), (255, 0, 0, 255))), "has 1 pixels that are"),
    ("outline.png", png((32, 32), lambda image: image.putpixel((3, 3), (250, 250, 250, 40))), "neither white nor"),
]


@pytest.mark.parametrize("name, data, problem", ICON_MISTAKES, ids=[row[2][:50] for row in ICON_MISTAKES])
def test_a_broken_icon_rule_is_reported(files: Files, name: str, data: bytes, problem: str) -> None:
    problems = package_problems(files | {name: data})
    assert any(problem in line for line in problems), problems


def test_a_colour_icon_that_is_not_a_png_is_reported(files: Files) -> None:
    out = io.BytesIO()
    Image.new("RGB", (192, 192), (11, 110, 105)).save(out, format="JPEG")
    assert package_problems(files | {"color.png": out.getvalue()}) == ["the color icon color.png is a JPEG, not a PNG"]


def test_an_outline_icon_white_on_transparent_passes(files: Files) -> None:
    assert package_problems(files | {"outline.png": png((32, 32), white_square)}) == []


def test_the_command_refuses_a_package_that_breaks_a_rule(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    icons = tmp_path / "icons"
    shutil.copytree(app.ICONS_DIR, icons)
    (icons / "outline.png").write_bytes(png((32, 32), lambda image: image.paste((11, 110, 105, 255), (4, 4, 28, 28))))
    monkeypatch.setattr(app, "ICONS_DIR", icons)
    assert app.main(tmp_path / "tansiq.zip") == 1
    err = capsys.readouterr().err.splitlines()
    assert (
        "manifest rule broken: the outline icon outline.png has 576 pixels that are neither white nor transparent"
        in err
    )
    assert not (tmp_path / "tansiq.zip").exists()
    with pytest.raises(app.PackageRejected):
        write_package(settings(), tmp_path / "other.zip")


def test_the_written_zip_is_the_checked_package(tmp_path: Path) -> None:
    chosen = settings()
    with zipfile.ZipFile(write_package(chosen, tmp_path / "tansiq.zip")) as package:
        assert {name: package.read(name) for name in package.namelist()} == package_files(chosen)
