"""The Teams app package: manifest.json (schema v1.30), its Arabic localisation and the icons, in one zip.

The templates and icons live in `manifest/` at the repository root; `build_manifest` fills the templates
from `ManifestSettings` and derives the command menus from the features' declared commands (`dialogs.features`)
and the help texts in the Fluent catalogs, so a new command reaches Teams' menus without touching the manifest.
`write_package` refuses a package that breaks a rule of `manifest_rules` (Teams' rules beyond the JSON schema).
"""

from __future__ import annotations

import json
import re
import sys
import zipfile
from collections.abc import Iterable, Sequence
from importlib.metadata import version as package_version
from pathlib import Path
from typing import Annotated, Any

from pydantic import AliasChoices, Field, StringConstraints, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.cli.manifest_rules import COMMAND_DESCRIPTION_MAX, MAX_COMMANDS, package_problems
from bot.i18n import Catalogs, plain
from bot.settings import GUID_PATTERN
from dialogs.common.registry import CommandSpec
from dialogs.common.text import script_language
from dialogs.features import build_registry

MANIFEST_DIR = Path(__file__).resolve().parents[2] / "manifest"
ICONS_DIR = MANIFEST_DIR / "icons"
DEFAULT_OUT = Path("build/tansiq-teams-app.zip")
PLACEHOLDER_ID = "00000000-0000-0000-0000-000000000000"
PLACEHOLDER_SITE = "https://example.org/tansiq"
MOST_USED = ("help", "agenda", "meetings", "actions", "action", "ask", "faq", "groups", "votes", "minutes", "whoami")
SLASH_SCOPES = ("team", "groupChat")  # Teams offers slash commands (targeted messages) only in group conversations

_SDK_CLIENT_ID = "CONNECTIONS__SERVICE_CONNECTION__SETTINGS__CLIENTID"
_PLACEHOLDER = re.compile(r"\$\{(\w+)\}")
_HELP_WORD = re.compile(r"^\*\*[^*]+\*\*\s*[—–-]\s*")  # "**help** — " at the start of a help-cmd-* text
_SENTENCE_END = re.compile(r"[.!?؟](?=\s)")
_CUT_TRAIL = " ,;:·—–(|،؛"  # what a description cut between two words must not end with
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # fixed, so the same inputs give the same zip

Guid = Annotated[str, StringConstraints(pattern=GUID_PATTERN)]
SemVer = Annotated[str, StringConstraints(pattern=r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")]
HttpsUrl = Annotated[str, StringConstraints(pattern=r"^https://\S+$", max_length=2048)]


class ManifestSettings(BaseSettings):
    """What the app package needs: `TEAMS_APP_*` environment variables (or `.env`) and the bot's client id."""

    model_config = SettingsConfigDict(
        env_prefix="TEAMS_APP_", env_file=".env", env_ignore_empty=True, extra="ignore", populate_by_name=True
    )

    bot_id: Guid | None = Field(default=None, validation_alias=AliasChoices(_SDK_CLIENT_ID))
    app_id: Guid | None = Field(default=None, validation_alias=AliasChoices("TEAMS_APP_ID"))
    version: SemVer = Field(default_factory=lambda: package_version("tansiq"))
    developer_name: str = Field(default="Tansiq", min_length=1, max_length=32)
    website_url: HttpsUrl = PLACEHOLDER_SITE
    privacy_url: HttpsUrl = PLACEHOLDER_SITE + "/privacy"
    terms_url: HttpsUrl = PLACEHOLDER_SITE + "/terms"
    short_name: str = Field(default="Tansiq", min_length=1, max_length=30)
    full_name: str = Field(default="Tansiq – community of practice assistant", min_length=1, max_length=100)
    short_name_ar: str = Field(default="تنسيق", min_length=1, max_length=30)
    full_name_ar: str = Field(default="تنسيق – مساعد مجتمع الممارسة", min_length=1, max_length=100)
    slash_commands: bool = True  # the `/` menu in channels and group chats; answers to it are private

    @property
    def effective_bot_id(self) -> str:
        """The bot's Entra app id, or the placeholder."""
        return self.bot_id or PLACEHOLDER_ID

    @property
    def effective_app_id(self) -> str:
        """The Teams app id: `TEAMS_APP_ID`, else the bot id."""
        return self.app_id or self.effective_bot_id

    def warnings(self) -> list[str]:
        """Placeholders that must be replaced before the package is uploaded to Teams."""
        found = []
        if not self.bot_id:
            found.append(f"the bot id is the placeholder {PLACEHOLDER_ID}: set {_SDK_CLIENT_ID}")
        for name in ("website_url", "privacy_url", "terms_url"):
            value = getattr(self, name)
            if value.startswith(PLACEHOLDER_SITE):
                found.append(f"{name.replace('_', ' ')} is the placeholder {value}: set TEAMS_APP_{name.upper()}")
        return found


def menu_commands(commands: Iterable[CommandSpec]) -> list[CommandSpec]:
    """The commands for Teams' command menus, at most 12: the ones members use most, then other member commands,
    then facilitators' ones."""

    def rank(spec: CommandSpec) -> tuple[int, bool]:
        return (MOST_USED.index(spec.name) if spec.name in MOST_USED else len(MOST_USED), spec.facilitator_only)

    return sorted(commands, key=rank)[:MAX_COMMANDS]


def command_word(spec: CommandSpec, lang: str) -> str:
    """The first word of the command written in `lang`'s script: the title the menu shows and the bot parses."""
    for alias in spec.words:
        if script_language(alias) == lang:
            return alias
    raise ValueError(f"command {spec.name!r} has no alias in {lang!r}")


def command_description(catalogs: Catalogs, spec: CommandSpec, lang: str) -> str:
    """The command's help line (`help-cmd-<name>`) as plain text, without the leading command word, made to fit
    the command menu (`fit_menu`)."""
    text = _HELP_WORD.sub("", plain(catalogs.text(lang, f"help-cmd-{spec.name}")), count=1)
    text = text.replace("**", "").replace("`", "").strip()
    return fit_menu(text[:1].upper() + text[1:])


def fit_menu(text: str, limit: int = COMMAND_DESCRIPTION_MAX) -> str:
    """`text` if it fits in `limit` characters; else its whole sentences that fit (a help line says what the
    command does first, its examples after); else its words that fit, then "…"."""
    if len(text) <= limit:
        return text
    sentence_ends = [match.end() for match in _SENTENCE_END.finditer(text, 0, limit)]
    if sentence_ends:
        return text[: sentence_ends[-1]]
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > 0 else limit - 1].rstrip(_CUT_TRAIL) + "…"


def command_lists(
    catalogs: Catalogs, lang: str, *, menu: Sequence[CommandSpec], scopes: list[str], slash: bool
) -> list[dict[str, Any]]:
    """One command list per scope, in `lang`; with `slash`, group scopes also surface them in the `/` menu."""
    lists = []
    for scope in scopes:
        commands = [
            {"title": command_word(spec, lang), "description": command_description(catalogs, spec, lang)}
            for spec in menu
        ]
        entry: dict[str, Any] = {"scopes": [scope], "commands": commands}
        if slash and scope in SLASH_SCOPES:
            entry["triggers"] = ["mention", "slash"]
        lists.append(entry)
    return lists


def build_manifest(settings: ManifestSettings) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """The manifest and its localisation files (by file name), filled from `manifest/*.template.json`."""
    catalogs = Catalogs()
    menu = menu_commands(build_registry().commands.values())
    template = _load_template("manifest")
    localization = template["localizationInfo"]
    scopes = template["bots"][0]["scopes"]
    values = settings.model_dump() | {"app_id": settings.effective_app_id, "bot_id": settings.effective_bot_id}

    def lists(lang: str) -> list[dict[str, Any]]:
        return command_lists(catalogs, lang, menu=menu, scopes=scopes, slash=settings.slash_commands)

    manifest = _fill(template, values | {"command_lists": lists(localization["defaultLanguageTag"])})
    translations = {}
    for language in localization.get("additionalLanguages", []):
        tag = language["languageTag"]
        translations[language["file"]] = _fill(_load_template(tag), values) | _localized_commands(lists(tag))
    return manifest, translations


class PackageRejected(ValueError):
    """The package breaks Teams' rules (`manifest_rules`); `problems` says how, one line each."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def package_files(settings: ManifestSettings) -> dict[str, bytes]:
    """The files of the app package by name: manifest, localisation files and icons, as they go into the zip."""
    manifest, translations = build_manifest(settings)
    files = {"manifest.json": _json_bytes(manifest)}
    files |= {name: _json_bytes(document) for name, document in translations.items()}
    files |= {name: (ICONS_DIR / name).read_bytes() for name in manifest["icons"].values()}
    return files


def write_package(settings: ManifestSettings, out: Path) -> Path:
    """Write the app package zip (manifest, localisation files and icons at its root) to `out`; raise
    `PackageRejected`, writing nothing, when it breaks a rule Teams checks."""
    files = package_files(settings)
    if problems := package_problems(files):
        raise PackageRejected(problems)
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w") as package:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.external_attr = 0o644 << 16
            package.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    return out


def main(out: Path = DEFAULT_OUT) -> int:
    """`python -m bot manifest`: write the package, say where, and warn about placeholders left in it; refuse a
    package that breaks Teams' rules, one line per problem."""
    try:
        settings = ManifestSettings()
    except ValidationError as exc:
        print(f"manifest settings error: {exc}", file=sys.stderr)
        return 2
    try:
        path = write_package(settings, out)
    except PackageRejected as rejected:
        for problem in rejected.problems:
            print(f"manifest rule broken: {problem}", file=sys.stderr)
        print(f"did not write {out}: Teams would refuse the package", file=sys.stderr)
        return 1
    print(f"wrote {path}: Teams app {settings.effective_app_id}, version {settings.version}")
    for warning in settings.warnings():
        print(f"warning: {warning} before uploading the package to Teams")
    return 0


def _load_template(name: str) -> dict[str, Any]:
    template: dict[str, Any] = json.loads((MANIFEST_DIR / f"{name}.template.json").read_text(encoding="utf-8"))
    return template


def _fill(node: Any, values: dict[str, Any]) -> Any:
    """A copy of `node` where every string that is exactly `${name}` becomes `values[name]`."""
    if isinstance(node, dict):
        return {key: _fill(value, values) for key, value in node.items()}
    if isinstance(node, list):
        return [_fill(item, values) for item in node]
    if isinstance(node, str) and (match := _PLACEHOLDER.fullmatch(node)):
        if match[1] not in values:
            raise KeyError(f"template placeholder {node} has no value")
        return values[match[1]]
    return node


def _localized_commands(lists: list[dict[str, Any]]) -> dict[str, str]:
    """Localisation keys of the command titles and descriptions: `bots[0].commandLists[0].commands[0].title` …"""
    return {
        f"bots[0].commandLists[{i}].commands[{j}].{field}": command[field]
        for i, entry in enumerate(lists)
        for j, command in enumerate(entry["commands"])
        for field in ("title", "description")
    }


def _json_bytes(document: dict[str, Any]) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
