"""Every knob of the bot, read from the environment or a `.env` file (see README, "Settings")."""

from __future__ import annotations

import ipaddress
import logging
import re
from collections.abc import Iterable
from email.utils import parseaddr
from functools import cached_property
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AliasChoices, Field, ValidationError, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from dialogs.common.privacy_policy import LONGEST_DAYS, LONGEST_REVIEW_MONTHS, PrivacyPolicy

_SDK_SETTINGS = "CONNECTIONS__SERVICE_CONNECTION__SETTINGS__"
DATABASE_DRIVERS = ("postgresql+asyncpg", "sqlite+aiosqlite")
SHORTEST_LINK_SECRET = 32
GUID_PATTERN = r"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$"
"""An Entra id (tenant, app, object) or a Teams app id, as the settings and the app package take one."""
GUID = re.compile(GUID_PATTERN)


class SettingsError(ValueError):
    """The settings cannot run the bot as asked (e.g. anonymous on a public address)."""


def _csv(value: object) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, Iterable):
        return [str(part).strip() for part in value]
    raise ValueError(f"expected a comma-separated list, got {type(value).__name__}")


class Settings(BaseSettings):
    """Settings; names are the environment variables (case-insensitive)."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True)

    host: str = "127.0.0.1"
    port: int = Field(default=3978, ge=1, le=65535)
    data_dir: Path = Path("data")
    database_url: str | None = None
    allow_sqlite_in_production: bool = Field(
        default=False, description="authenticated, serve from a SQLite file (one process only) instead of PostgreSQL"
    )
    public_base_url: str | None = None
    link_secret: str | None = Field(
        default=None, description="key that signs download links; without it links stop working at restart"
    )
    metrics_token: str | None = Field(
        default=None, description="bearer token a Prometheus scraper sends for /metrics from another host"
    )
    log_level: str = "INFO"
    log_format: Literal["text", "json"] = Field(default="text", description="`json`: one JSON object per log line")

    allowed_tenant_ids: Annotated[list[str], NoDecode] = Field(default_factory=list)
    allowed_team_ids: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        validation_alias=AliasChoices("allowed_team_ids", "allowed_team_id"),  # (the singular: one team, as before)
        description="the teams served, one community each (empty: any team the app is added to)",
    )
    admin_ids: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="AAD object ids or e-mail addresses of members who are admins from the start",
    )
    default_language: Literal["ar", "en"] = "ar"
    default_timezone: str = "Asia/Beirut"
    reminders_enabled: bool = Field(default=True, description="send scheduled reminders and notices")
    reminder_tick_seconds: int = Field(default=30, ge=1, le=3600, description="how often due reminders are looked for")
    outbox_retention_days: int = Field(
        default=PrivacyPolicy.reminders, ge=0, le=LONGEST_DAYS,
        description="days sent, cancelled and skipped reminders are kept (0: for ever); a community's admins may "
        "change it (`privacy retention reminders`), as the three below",
    )  # fmt: skip
    retention_questions_days: int = Field(
        default=PrivacyPolicy.questions, ge=0, le=LONGEST_DAYS,
        description="days after a ticket is closed that who asked it is forgotten (0: never)",
    )  # fmt: skip
    retention_tickets_days: int = Field(
        default=PrivacyPolicy.tickets, ge=0, le=LONGEST_DAYS, description="days closed tickets are kept (0: for ever)"
    )
    retention_audit_days: int = Field(
        default=PrivacyPolicy.audit, ge=0, le=LONGEST_DAYS, description="days audit entries are kept (0: for ever)"
    )
    sharing_review_months: int = Field(
        default=PrivacyPolicy.review_months, ge=0, le=LONGEST_REVIEW_MONTHS,
        description="months between two reminders to the facilitators to review the sharing settings (0: none)",
    )  # fmt: skip
    question_model: Literal["e5", "none"] = Field(
        default="e5",
        description="`e5`: the bundled multilingual model scores questions (~150 MB of memory, loaded after start); "
        "`none`: lexical scoring only",
    )
    typing_after_ms: int = Field(
        default=500, ge=0, le=15_000, description="a turn still working after this long shows the member 'typing…'"
    )
    reminder_lease_seconds: int = Field(
        default=120,
        ge=4,
        le=3600,
        description="how long a sender holds the rows it took (renewed while it sends): after a crash, the wait "
        "before another replica sends them",
    )

    smtp_host: str | None = Field(
        default=None, description="the SMTP server that sends e-mail; without it no e-mail is sent"
    )
    smtp_port: int | None = Field(
        default=None, ge=1, le=65535, description="its port (default: 587 with starttls, 465 with tls, 25 with none)"
    )
    smtp_tls: Literal["none", "starttls", "tls"] = Field(
        default="starttls",
        description="`starttls`: upgrade to TLS after connecting; `tls`: TLS from the start; `none`: plain (only for a "
        "relay on the same host or network)",
    )
    smtp_username: str | None = Field(default=None, description="login at the SMTP server (with SMTP_PASSWORD)")
    smtp_password: str | None = Field(
        default=None, validate_default=True, description="its password (with SMTP_USERNAME)"
    )
    smtp_sender: str | None = Field(
        default=None,
        validate_default=True,
        description="the From of every mail, `Tansiq <tansiq@example.org>` or an address; required with SMTP_HOST",
    )
    smtp_timeout_seconds: int = Field(
        default=30, ge=1, le=300, description="how long the SMTP server may take to answer each step"
    )

    client_id: str | None = Field(default=None, validation_alias=AliasChoices(_SDK_SETTINGS + "CLIENTID"))
    client_secret: str | None = Field(default=None, validation_alias=AliasChoices(_SDK_SETTINGS + "CLIENTSECRET"))
    tenant_id: str | None = Field(default=None, validation_alias=AliasChoices(_SDK_SETTINGS + "TENANTID"))
    auth_type: str | None = Field(default=None, validation_alias=AliasChoices(_SDK_SETTINGS + "AUTHTYPE"))

    @field_validator("allowed_tenant_ids", "allowed_team_ids", "admin_ids", mode="before")
    @classmethod
    def _split_csv(cls, value: object) -> list[str]:
        return _csv(value)

    @field_validator("default_timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
            raise ValueError(f"unknown time zone {value!r}: use an IANA name such as Asia/Beirut") from exc
        return value

    @field_validator("database_url")
    @classmethod
    def _database_url(cls, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            driver = make_url(value).drivername
        except ArgumentError:
            driver = None
        if driver not in DATABASE_DRIVERS:
            raise ValueError(
                "not a database URL the bot can use: postgresql+asyncpg://user:password@host/database "
                "(or sqlite+aiosqlite:///path/to/file.db)"
            )
        return value

    @field_validator("public_base_url")
    @classmethod
    def _absolute_url(cls, value: str | None) -> str | None:
        if value is None:
            return None
        address = urlsplit(value)
        if address.scheme not in ("http", "https") or not address.hostname:
            raise ValueError("not an absolute http(s) URL: give the bot's address, e.g. https://tansiq.example.org")
        return value

    @field_validator("link_secret")
    @classmethod
    def _long_secret(cls, value: str | None) -> str | None:
        if value is not None and len(value) < SHORTEST_LINK_SECRET:
            raise ValueError(f"too short: use a random string of {SHORTEST_LINK_SECRET} characters or more")
        return value

    @field_validator("allowed_tenant_ids")
    @classmethod
    def _guids(cls, value: list[str]) -> list[str]:
        wrong = [tenant for tenant in value if not GUID.fullmatch(tenant)]
        if wrong:
            raise ValueError(
                f"{wrong[0]!r} is not a tenant id: give Entra directory (tenant) ids, comma-separated GUIDs"
            )
        return value

    @field_validator("smtp_host")
    @classmethod
    def _smtp_host(cls, value: str | None) -> str | None:
        if value is not None and (not value.strip() or "/" in value or " " in value.strip()):
            raise ValueError("not a host name: give the SMTP server's name or address, e.g. smtp.example.org")
        return value.strip() if value else None

    @field_validator("smtp_password")
    @classmethod
    def _smtp_login(cls, value: str | None, info: ValidationInfo) -> str | None:
        if bool(value) != bool(info.data.get("smtp_username")):
            raise ValueError("set SMTP_USERNAME and SMTP_PASSWORD together (or neither, for a server without login)")
        return value

    @field_validator("smtp_sender")
    @classmethod
    def _smtp_sender(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None:
            if info.data.get("smtp_host"):
                raise ValueError("required with SMTP_HOST: the From of the mails, e.g. Tansiq <tansiq@example.org>")
            return None
        address = parseaddr(value)[1]
        if "@" not in address or " " in address or not address.rpartition("@")[2]:
            raise ValueError("not an e-mail address: give e.g. Tansiq <tansiq@example.org> or tansiq@example.org")
        return value

    @field_validator("log_level")
    @classmethod
    def _level(cls, value: str) -> str:
        if value.upper() not in logging.getLevelNamesMapping():
            raise ValueError("not a logging level: use DEBUG, INFO, WARNING or ERROR")
        return value.upper()

    @property
    def privacy_policy(self) -> PrivacyPolicy:
        """The deployment's retention periods and review interval (communities' admins may change theirs)."""
        return PrivacyPolicy(
            reminders=self.outbox_retention_days,
            questions=self.retention_questions_days,
            tickets=self.retention_tickets_days,
            audit=self.retention_audit_days,
            review_months=self.sharing_review_months,
        )

    @property
    def smtp_port_or_default(self) -> int:
        """SMTP_PORT, or the usual port of SMTP_TLS."""
        return self.smtp_port or {"none": 25, "starttls": 587, "tls": 465}[self.smtp_tls]

    @property
    def local_mode(self) -> bool:
        """No Azure credentials: anonymous requests from a local client are accepted."""
        return not self.client_id

    @cached_property
    def effective_database_url(self) -> str:
        """`DATABASE_URL`, or a SQLite file in the data folder."""
        if self.database_url:
            return self.database_url
        return f"sqlite+aiosqlite:///{(self.data_dir / 'tansiq.db').resolve()}"

    def base_url(self) -> str:
        """Public base URL for links the bot hands out (its own loopback address in local mode)."""
        if self.public_base_url:
            return self.public_base_url.rstrip("/")
        return f"http://{self.host}:{self.port}"

    def sdk_configuration(self) -> dict[str, str]:
        """The Agents SDK connection settings, as `load_configuration_from_env` expects them."""
        if self.local_mode:
            return {_SDK_SETTINGS + "ANONYMOUS_ALLOWED": "true"}
        if not self.tenant_id:
            raise SettingsError(
                "CLIENTID is set but TENANTID is not: set "
                f"{_SDK_SETTINGS}TENANTID to the tenant of the bot's Entra app registration"
            )
        config = {
            _SDK_SETTINGS + "CLIENTID": self.client_id or "",
            _SDK_SETTINGS + "TENANTID": self.tenant_id,
            _SDK_SETTINGS + "ANONYMOUS_ALLOWED": "false",
            _SDK_SETTINGS + "VALIDATE_ISSUER": "true",
        }
        if self.client_secret:
            config[_SDK_SETTINGS + "CLIENTSECRET"] = self.client_secret
        if self.auth_type:
            config[_SDK_SETTINGS + "AUTHTYPE"] = self.auth_type
        return config

    def check_can_serve(self) -> None:
        """Refuse to serve anonymously anywhere but on a loopback address, and to serve Teams half-configured."""
        if self.local_mode:
            if not is_loopback(self.host):
                raise SettingsError(
                    f"refusing to start without credentials on {self.host}: local mode accepts "
                    "unauthenticated requests, so it only binds to 127.0.0.1 / ::1 / localhost. "
                    f"Set {_SDK_SETTINGS}CLIENTID, CLIENTSECRET and TENANTID to serve publicly."
                )
            return
        self.sdk_configuration()  # CLIENTID without TENANTID
        if not (self.public_base_url or "").startswith("https://"):
            raise SettingsError("set PUBLIC_BASE_URL to the bot's public https address (links in cards point there)")
        if not self.link_secret:
            raise SettingsError(
                f"set LINK_SECRET to a random string of {SHORTEST_LINK_SECRET} characters or more (signs download "
                "links, which must keep working after a restart)"
            )
        on_postgres = self.database_url is not None and make_url(self.database_url).get_backend_name() == "postgresql"
        if not on_postgres and not self.allow_sqlite_in_production:
            raise SettingsError(
                "set DATABASE_URL to the PostgreSQL database (postgresql+asyncpg://user:password@host/database); "
                "a SQLite file serves one process only: set ALLOW_SQLITE_IN_PRODUCTION=true to use one anyway"
            )


def problems(error: ValidationError) -> list[str]:
    """One line per setting pydantic refused: `NAME: what is wrong and what to do` (never the value: it may be a
    secret)."""
    lines = []
    for problem in error.errors(include_input=False, include_url=False, include_context=False):
        name = ".".join(str(part) for part in problem["loc"]).upper() or "settings"
        lines.append(f"{name}: {problem['msg'].removeprefix('Value error, ')}")
    return lines


def is_loopback(host: str) -> bool:
    """True for localhost and loopback IP addresses."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
