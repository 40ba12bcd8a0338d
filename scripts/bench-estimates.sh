#!/usr/bin/env bash
# Estimated counts against count(*) on PostgreSQL: the statements the sidebar sends, timed by psql.
# Usage: scripts/bench-estimates.sh [SERVER_URL_WITHOUT_DATABASE] [ROWS]; creates (and leaves) the database facet_bench_drift.
set -euo pipefail
URL=${1:-postgresql://postgres@localhost:36975}
ROWS=${2:-5000000}
psql "$URL/postgres" -qc "DROP DATABASE IF EXISTS facet_bench_drift" -c "CREATE DATABASE facet_bench_drift"
DB="$URL/facet_bench_drift"
psql "$DB" -qc "CREATE TABLE events (id bigint PRIMARY KEY, kind int NOT NULL, payload text NOT NULL)"
psql "$DB" -qc "INSERT INTO events SELECT g, g % 17, md5(g::text) FROM generate_series(1, $ROWS) g"
psql "$DB" -qc "ANALYZE events"
psql "$DB" -c "SELECT pg_size_pretty(pg_relation_size('events')) AS size"
for i in 1 2 3; do
  psql "$DB" -c '\timing on' -c "SELECT count(*) FROM events" | grep -E 'Time|^ +[0-9]'
  psql "$DB" -c '\timing on' -c "SELECT n.nspname, c.relname, c.reltuples::bigint, pg_relation_size(c.oid) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ANY('{public}') AND c.relkind IN ('r', 'p', 'm')" | grep -E 'Time|events'
done
