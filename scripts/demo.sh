#!/usr/bin/env bash
# The main job on bundled sample data: a registry, sample articles (and the seed article when
# ../shared is there) ingested into a local SQLite file, auto-accepted at the demo threshold,
# then the registry, the deal, a timeline and the counts; finally the web pages.
set -euo pipefail
cd "$(dirname "$0")/.."
db_dir="${1:-data/demo}"
db_dir="${db_dir%.sqlite}"
pw=.venv/bin/prisonwatch
export PRISONWATCH_DATA_DIR="$db_dir"
unset PRISONWATCH_DATABASE_URL
# Demo threshold: accept what the extractor is fairly sure of; a real registry keeps these off.
export PRISONWATCH_AUTO_ACCEPT_EVENT=0.5 PRISONWATCH_AUTO_ACCEPT_NAME=0.5 PRISONWATCH_AUTO_ACCEPT_PERSON=0.5
export PRISONWATCH_USER=demo

rm -rf "$db_dir" && mkdir -p "$db_dir"
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "Database ($db_dir/prisonwatch.sqlite)"
$pw db upgrade
step "Registry import (samples/registry.csv)"
$pw import samples/registry.csv --scheme demo
sources=(samples/articles)
[ -f ../shared/data/seed/belarus-release-123.txt ] && sources+=(../shared/data/seed/belarus-release-123.txt)
step "Ingest: ${sources[*]}"
$pw ingest "${sources[@]}" || echo "(some inputs failed: see above)"
step "Ingest again: nothing changes"
$pw ingest "${sources[@]}" || true
step "Registry"
$pw persons list --limit 30
step "Deals"
$pw deals
step "Timeline of Колесникова (any spelling finds her)"
$pw person "Колесникова"
step "Counts over time"
$pw stats --chart "$db_dir/counts.png"
step "Claims still waiting for a reviewer"
$pw review list --limit 10
if [ "${DEMO_SERVE:-1}" = 1 ] && $pw serve --help >/dev/null 2>&1; then
  step "Web pages"
  echo "serving the demo database at http://127.0.0.1:8000/ (Ctrl-C to stop)"
  echo "to log in, add a user to this database: PRISONWATCH_DATA_DIR=$db_dir $pw users add NAME --role reviewer"
  exec $pw serve --host 127.0.0.1 --port "${DEMO_PORT:-8000}"
fi
