#!/bin/sh
# PostgreSQL dumps for Tansiq: `pg_dump --format=custom` into BACKUP_DIR as tansiq-<UTC time>.dump, written to a
# temporary name first (a dump that failed half-way never looks like a backup), then dumps older than
# BACKUP_KEEP_DAYS deleted.
#   deploy/backup.sh --once    one dump now
#   deploy/backup.sh           a dump every day at BACKUP_AT (HH:MM, UTC), for ever (compose.yaml's backup service)
# The connection is libpq's environment (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE); POSTGRES_USER,
# POSTGRES_PASSWORD and POSTGRES_DB (deploy/.env) stand in for the last three.
set -eu
export PGUSER="${PGUSER:-${POSTGRES_USER:-postgres}}"
export PGPASSWORD="${PGPASSWORD:-${POSTGRES_PASSWORD:-}}"
export PGDATABASE="${PGDATABASE:-${POSTGRES_DB:-$PGUSER}}"
dir="${BACKUP_DIR:-/backups}"
keep="${BACKUP_KEEP_DAYS:-14}"
at="${BACKUP_AT:-02:30}"

dump() {
  name="$dir/tansiq-$(date -u +%Y%m%dT%H%M%SZ).dump"
  if ! pg_dump --format=custom --file="$name.partial"; then
    rm -f "$name.partial"
    return 1
  fi
  mv "$name.partial" "$name"
  echo "backup: wrote $name ($(wc -c <"$name") bytes)"
  find "$dir" -maxdepth 1 -name 'tansiq-*.dump' -mtime +"$keep" -print -delete | sed 's/^/backup: deleted /'
}

mkdir -p "$dir"
if [ "${1:-}" = "--once" ]; then
  dump
  exit 0
fi
while :; do
  now=$(date -u +%s)
  next=$(date -u -d "today $at" +%s)
  [ "$next" -gt "$now" ] || next=$(date -u -d "tomorrow $at" +%s)
  echo "backup: next dump at $(date -u -d "@$next" +%Y-%m-%dT%H:%MZ)"
  sleep $((next - now))
  dump || echo "backup: FAILED at $(date -u +%Y-%m-%dT%H:%MZ)" >&2
done
