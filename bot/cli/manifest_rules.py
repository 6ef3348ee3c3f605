"""The Teams app package's rules beyond its JSON schema: what Teams, Developer Portal and the store review ask of
icons, texts, localisation files, the bot's scopes and command menus, ids and domains, as Microsoft documents them.

`package_problems` reads the package as it goes into the zip (file name -> bytes) and returns one line per broken
rule. Each rule names the page it comes from; `learn.microsoft.com/microsoftteams/platform/` is shortened to `…/`.
"""

from __future__ import annotations

import io
import json
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from typing import Any

from PIL import Image, UnidentifiedImageError

from bot.settings import GUID

MANIFEST = "manifest.json"

# …/resources/schema/manifest-schema ("name", "description") and …/resources/schema/localization-schema: the same
# limits for the manifest and every localisation file; the four keys are required in a localisation file.
TEXT_LIMITS = {"name.short": 30, "name.full": 100, "description.short": 80, "description.full": 4000}
# …/resources/schema/manifest-schema ("bots.commandLists.commands") and …/resources/schema/localization-schema: the
# command menu's title is at most 32 characters and its description at most 128. (The v1.30 JSON schema, and the
# newest version of that page, allow 128 and 4000; the package keeps to the menu's limits, valid in every version.)
COMMAND_TITLE_MAX = 32
COMMAND_DESCRIPTION_MAX = 128
# learn.microsoft.com/microsoft-365/extensibility/schema/root-bots-command-lists: at most three lists, one per
# scope ("you must define a separate command list for each scope"), each of at most 12 commands; the same site's
# …/schema/root-bots: the scopes a bot may have; …/resources/schema/manifest-schema ("bots"): one bot per app.
MAX_BOTS = 1
MAX_COMMAND_LISTS = 3
MAX_COMMANDS = 12
BOT_SCOPES = ("team", "personal", "groupChat", "copilot")
# …/concepts/build-and-test/apps-package ("App icons"): a 192×192 colour icon; a 32×32 outline icon, white
# (RGB 255, 255, 255) on a transparent background, every other pixel fully transparent.
COLOR_ICON_SIZE = (192, 192)
OUTLINE_ICON_SIZE = (32, 32)
WHITE = (255, 255, 255)
# …/resources/schema/manifest-schema ("validDomains"): at most 16 domains; `*` stands for exactly one label; no
# domain outside your control, directly or by wildcard (`*.onmicrosoft.com`); …/concepts/deploy-and-publish/
# appsource/prepare/teams-store-validation-guidelines: no wildcard over a top-level domain (`*.com`), and (for link
# unfurling) not `*.botframework.com`.
MAX_VALID_DOMAINS = 16
SHARED_DOMAINS = ("onmicrosoft.com", "botframework.com")

# …/resources/schema/manifest-schema: "id" and "botId" are GUIDs (`bot.settings.GUID`); "version" is semver
# MAJOR.MINOR.PATCH; "accentColor" is an HTML colour code starting with '#'.
_SEMVER = re.compile(r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")
_HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
# …/concepts/build-and-test/apps-localization: a key is the JSON path of the manifest string it replaces,
# `bots[0].commandLists[0].commands[0].title`; a language tag is `<language>` or `<language>-<region>`.
_KEY = re.compile(r"^[A-Za-z]\w*(\[\d+\])*(\.[A-Za-z]\w*(\[\d+\])*)*$")
_KEY_STEP = re.compile(r"([A-Za-z]\w*)|\[(\d+)\]")
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,4})?$")
_DOMAIN = re.compile(r"^([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$")


def package_problems(files: Mapping[str, bytes]) -> list[str]:
    """Every documented rule the package (its files by name) breaks, one line each; empty when it passes."""
    try:
        manifest = json.loads(files[MANIFEST])
    except (KeyError, ValueError) as exc:
        return [f"{MANIFEST} is missing or not JSON: {exc}"]
    translations, problems = _translations(manifest, files)
    problems += _localization_problems(manifest, files, translations)
    problems += _icon_problems(manifest, files)
    problems += _text_problems("manifest.json", _localizable(manifest))
    for name, translation in translations.items():
        problems += _text_problems(name, translation)
    problems += _bot_problems(manifest)
    problems += _identity_problems(manifest)
    problems += _domain_problems(manifest.get("validDomains", []))
    return problems


def _translations(manifest: dict[str, Any], files: Mapping[str, bytes]) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """The localisation files the manifest lists and the package holds, parsed; and the ones that do not parse."""
    translations, problems = {}, []
    for language in manifest.get("localizationInfo", {}).get("additionalLanguages", []):
        name = language.get("file", "")
        if name in files:
            try:
                translations[name] = json.loads(files[name])
            except ValueError as exc:
                problems.append(f"{name} is not JSON: {exc}")
    return translations, problems


def _localization_problems(
    manifest: dict[str, Any], files: Mapping[str, bytes], translations: dict[str, dict[str, Any]]
) -> Iterator[str]:
    """localizationInfo against the files in the package, and each file's keys against the manifest."""
    info = manifest.get("localizationInfo", {})
    default = info.get("defaultLanguageTag")
    languages = info.get("additionalLanguages", [])
    listed = ({language.get("file") for language in languages} | {info.get("defaultLanguageFile")}) - {None}
    if info and not default:
        yield "localizationInfo has no defaultLanguageTag"
    for tag in [default, *(language.get("languageTag") for language in languages)]:
        if tag is not None and not _LANGUAGE_TAG.match(tag):
            yield f"language tag {tag!r} is not <language> or <language>-<region>"
    for tag, count in Counter(language.get("languageTag", "").lower() for language in languages).items():
        if count > 1:
            yield f"localizationInfo lists the language {tag} {count} times"
        if default and tag == default.lower():
            yield f"localizationInfo lists the default language {default} as an additional language too"
    for name in sorted(listed - set(files)):
        yield f"localizationInfo names {name}, which is not in the package"
    for name in sorted(set(files) - listed - {MANIFEST}):
        if name.endswith(".json"):
            yield f"{name} is in the package but localizationInfo does not name it"
    for name, translation in translations.items():
        for key in TEXT_LIMITS:
            if key not in translation:
                yield f"{name} lacks {key}, which every localisation file must have"
        for key in translation:
            if key == "$schema":
                continue
            if not _KEY.match(key):
                yield f"{name}: {key!r} is not a localisation key like bots[0].commandLists[0].commands[0].title"
            elif not isinstance(_lookup(manifest, key), str):
                yield f"{name}: {key} names no text in the manifest"


def _icon_problems(manifest: dict[str, Any], files: Mapping[str, bytes]) -> Iterator[str]:
    icons = manifest.get("icons", {})
    for role, size in (("color", COLOR_ICON_SIZE), ("outline", OUTLINE_ICON_SIZE)):
        name = icons.get(role)
        if name not in files:
            yield f"the {role} icon {name} is not in the package"
            continue
        try:
            with Image.open(io.BytesIO(files[name])) as image:
                image_format, image_size = image.format, image.size
                rgba = image.convert("RGBA").tobytes()
                pixels = [tuple(rgba[i : i + 4]) for i in range(0, len(rgba), 4)]
        except (UnidentifiedImageError, OSError):
            yield f"the {role} icon {name} is not an image"
            continue
        if image_format != "PNG":
            yield f"the {role} icon {name} is a {image_format}, not a PNG"
        if image_size != size:
            yield f"the {role} icon {name} is {_size(image_size)}, not {_size(size)}"
        if role == "outline":
            if not any(alpha == 0 for *_, alpha in pixels):
                yield f"the outline icon {name} has no transparent background"
            coloured = sum(1 for *rgb, alpha in pixels if alpha and tuple(rgb) != WHITE)
            if coloured:
                yield f"the outline icon {name} has {coloured} pixels that are neither white nor transparent"


def _text_problems(name: str, texts: Mapping[str, Any]) -> Iterator[str]:
    """Length limits of the names, descriptions and menu texts in one language; short and full differ
    (…/resources/schema/manifest-schema: "The values of short and full must be different")."""
    for key, text in texts.items():
        limit = _length_limit(key)
        if limit is not None and isinstance(text, str) and len(text) > limit:
            yield f"{name}: {key} is {len(text)} characters, more than {limit}"
    for field in ("name", "description"):
        short, full = texts.get(f"{field}.short"), texts.get(f"{field}.full")
        if short and short == full:
            yield f"{name}: {field}.short and {field}.full are the same"


def _bot_problems(manifest: dict[str, Any]) -> Iterator[str]:
    bots = manifest.get("bots", [])
    if len(bots) > MAX_BOTS:
        yield f"the app has {len(bots)} bots; Teams allows {MAX_BOTS}"
    for b, bot in enumerate(bots):
        scopes = bot.get("scopes", [])
        if not scopes:
            yield f"bots[{b}] has no scopes"
        for scope in sorted(set(scopes) - set(BOT_SCOPES)):
            yield f"bots[{b}]: {scope!r} is not a bot scope ({', '.join(BOT_SCOPES)})"
        lists = bot.get("commandLists", [])
        if len(lists) > MAX_COMMAND_LISTS:
            yield f"bots[{b}] has {len(lists)} command lists; Teams allows {MAX_COMMAND_LISTS}"
        for scope, count in Counter(scope for entry in lists for scope in entry.get("scopes", [])).items():
            if count > 1:
                yield f"bots[{b}]: the {scope} scope has {count} command lists; Teams shows one per scope"
        for i, entry in enumerate(lists):
            where = f"bots[{b}].commandLists[{i}]"
            for scope in sorted(set(entry.get("scopes", [])) - set(scopes)):
                yield f"{where}: {scope} is not one of the bot's scopes"
            commands = entry.get("commands", [])
            if len(commands) > MAX_COMMANDS:
                yield f"{where} has {len(commands)} commands; Teams shows {MAX_COMMANDS}"
            titles = Counter(command.get("title", "").casefold() for command in commands)
            for title in sorted(title for title, count in titles.items() if count > 1):
                yield f"{where}: the title {title!r} is there {titles[title]} times"
            # The v1.30 schema ("supportsTargetedMessages": "Required for slash command support") and
            # learn.microsoft.com/microsoft-365/extensibility/schema/root-bots.
            if "slash" in entry.get("triggers", []) and bot.get("supportsTargetedMessages") is not True:
                yield f"{where} has the slash trigger but bots[{b}].supportsTargetedMessages is not true"


def _identity_problems(manifest: dict[str, Any]) -> Iterator[str]:
    if not GUID.match(str(manifest.get("id", ""))):
        yield f"id {manifest.get('id')!r} is not a GUID"
    for b, bot in enumerate(manifest.get("bots", [])):
        if not GUID.match(str(bot.get("botId", ""))):
            yield f"bots[{b}].botId {bot.get('botId')!r} is not a GUID"
    if not _SEMVER.match(str(manifest.get("version", ""))):
        yield f"version {manifest.get('version')!r} is not MAJOR.MINOR.PATCH (semver)"
    if "accentColor" in manifest and not _HEX_COLOUR.match(str(manifest["accentColor"])):
        yield f"accentColor {manifest['accentColor']!r} is not a hex colour like #4464EE"


def _domain_problems(domains: list[str]) -> Iterator[str]:
    if len(domains) > MAX_VALID_DOMAINS:
        yield f"validDomains has {len(domains)} domains; Teams allows {MAX_VALID_DOMAINS}"
    for domain in domains:
        named = re.sub(r"^(\*\.)+", "", domain)
        if named != domain and ("." not in named or named.lower() in SHARED_DOMAINS):
            yield f"validDomains: {domain!r} covers domains outside your control"
        elif not _DOMAIN.match(named):
            yield f"validDomains: {domain!r} is not a domain name like example.com or *.example.com"


def _localizable(manifest: dict[str, Any]) -> dict[str, Any]:
    """The manifest's own texts under their localisation keys: names, descriptions and the bot's menus."""
    keys = list(TEXT_LIMITS) + [
        f"bots[{b}].commandLists[{i}].commands[{j}].{field}"
        for b, bot in enumerate(manifest.get("bots", []))
        for i, entry in enumerate(bot.get("commandLists", []))
        for j, _ in enumerate(entry.get("commands", []))
        for field in ("title", "description")
    ]
    return {key: _lookup(manifest, key) for key in keys}


def _lookup(document: Any, key: str) -> Any:
    """The value at a localisation key (`name.short`, `bots[0].commandLists[1].commands[2].title`), or None."""
    node = document
    for name, index in _KEY_STEP.findall(key):
        if name and isinstance(node, dict):
            node = node.get(name)
        elif index and isinstance(node, list) and int(index) < len(node):
            node = node[int(index)]
        else:
            return None
    return node


def _length_limit(key: str) -> int | None:
    if key in TEXT_LIMITS:
        return TEXT_LIMITS[key]
    if key.startswith("bots["):
        return {"title": COMMAND_TITLE_MAX, "description": COMMAND_DESCRIPTION_MAX}.get(key.rsplit(".", 1)[-1])
    return None


def _size(size: tuple[int, int]) -> str:
    return f"{size[0]}×{size[1]}"
