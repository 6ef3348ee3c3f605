"""`python -m bot` as a newcomer runs it: help, migrate, demo, and a server that refuses to be public."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def run_bot(*args: str, env: dict[str, str], timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """A clean environment: no credentials, a fresh data folder."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("CONNECTIONS__", "DATABASE_URL", "HOST", "PORT"))}
    clean.update(DATA_DIR=str(tmp_path / "data"), LOG_LEVEL="WARNING")
    return clean


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_help_lists_the_sub_commands(env) -> None:
    result = run_bot("--help", env=env)
    assert result.returncode == 0
    for command in ("run", "migrate", "demo", "manifest"):
        assert command in result.stdout


def test_migrate_then_demo_on_a_fresh_sqlite_file(env, tmp_path) -> None:
    assert run_bot("migrate", env=env).returncode == 0
    assert (tmp_path / "data" / "tansiq.db").exists()
    demo = run_bot("demo", env=env)
    assert demo.returncode == 0, demo.stderr
    assert "6 members, 2 working groups, 5 actions, a monthly meeting series with 3 agenda items" in demo.stdout
    assert f"a {datetime.now(UTC).year} plan with 3 objectives and an open endorsement" in demo.stdout


def test_faq_import_and_export_from_the_command_line(env, tmp_path) -> None:
    assert run_bot("demo", env=env).returncode == 0
    source = tmp_path / "faq.csv"
    source.write_text("question_en,answer_en\nIs lunch provided?,Yes.\nWhere is it?,\n", encoding="utf-8")
    imported = run_bot("faq", "import", str(source), env=env)
    assert imported.returncode == 0, imported.stderr
    assert "faq.csv: 1 added, 0 updated, 1 not imported" in imported.stdout
    assert "line 3: The answer is missing." in imported.stderr
    target = tmp_path / "all.jsonl"
    exported = run_bot("faq", "export", str(target), env=env)
    assert exported.returncode == 0 and "5 entries written" in exported.stdout
    rows = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert rows[0]["question_ar"][0] == "ما هو العمل الاستباقي؟"
    assert rows[-1] == {**rows[-1], "number": 5, "question_en": ["Is lunch provided?"], "answer_en": "Yes."}
    (tmp_path / "faq.txt").write_text("question_en,answer_en\n", encoding="utf-8")
    refused = run_bot("faq", "import", str(tmp_path / "faq.txt"), env=env)
    assert refused.returncode == 1 and "I can only import .csv or .jsonl files" in refused.stderr
    missing = run_bot("faq", "import", str(tmp_path / "nowhere.csv"), env=env)
    assert missing.returncode == 2 and "nowhere.csv" in missing.stderr and "Traceback" not in missing.stderr


def test_refuses_to_serve_anonymously_on_a_public_address(env) -> None:
    result = run_bot("run", "--host", "0.0.0.0", "--port", str(free_port()), env=env)
    assert result.returncode == 2
    assert "refusing to start without credentials on 0.0.0.0" in result.stderr


def test_refuses_credentials_without_tenant(env) -> None:
    env = {**env, "CONNECTIONS__SERVICE_CONNECTION__SETTINGS__CLIENTID": "b7e1c2d3-4f50-4a6b-8c7d-9e0f1a2b3c4d"}
    result = run_bot("run", "--port", str(free_port()), env=env)
    assert result.returncode == 2 and "TENANTID" in result.stderr


def test_local_mode_serves_on_the_given_port_and_says_how_to_connect(env) -> None:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "run", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 180  # ready means the model loaded too: long on a busy two-core machine
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=2) as response:
                    assert response.status == 200
                    break
            except OSError:
                assert process.poll() is None, process.stdout.read() if process.stdout else ""
                assert time.monotonic() < deadline, "bot did not become ready"
                time.sleep(0.2)
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=20)
    assert f"http://127.0.0.1:{port}" in output and "Agents Playground" in output
