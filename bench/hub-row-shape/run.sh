#!/bin/sh
# The row-shape measurement of docs/hub-scale.md: each transaction inserts one center-day built
# server-side (no client literals, no hub), the three shapes alternated; pgbench prints the
# transactions (center-days) per second. Usage: bench/hub-row-shape/run.sh [postgres URL]
set -e
URL=${1:-${TABOUR_TEST_PG_URL:-postgres://tabour_test:tabour_test@127.0.0.1:5432/tabour_test}}
cd "$(dirname "$0")"
psql "$URL" -q -f setup.sql
uptime
for round in 1 2; do
  for shape in a b c; do
    echo "$shape: $(pgbench -n -c 4 -j 2 -T 15 -f $shape.sql "$URL" 2>&1 | grep tps)"
  done
done
psql "$URL" -qc 'DROP SCHEMA shape CASCADE'
