#!/bin/sh
# The ledger soak (openvmi-server/src/test/.../LedgerSoakContract) for longer than CI runs it: randomized concurrent
# postings, transfers, consumptions and reservations with alerts in force, checked after every round, on the
# embedded default (an H2 file) and on PostgreSQL (127.0.0.1:5432, user postgres). Settings by environment:
#   ROUNDS (default 20), ROUND_SECONDS (30), CLIENTS (16), SEED (random; printed, so a failing run can be repeated)
# Example: ROUNDS=5 ROUND_SECONDS=60 bench/run-ledger-soak.sh
# No coverage agent in a soak (ADR 0053): it would slow the postings being measured.
set -e
cd "$(dirname "$0")/.."
seed_arg=""
if [ -n "${SEED:-}" ]; then seed_arg="-Dopenvmi.soak.seed=$SEED"; fi
CI=true exec ./mvnw -B -ntp -pl openvmi-server -am verify \
  -Dtest=LedgerSoakOnH2Test -Dit.test=LedgerSoakOnPostgresIT \
  -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dopenvmi.soak.rounds="${ROUNDS:-20}" -Dopenvmi.soak.seconds="${ROUND_SECONDS:-30}" \
  -Dopenvmi.soak.clients="${CLIENTS:-16}" -Djacoco.skip=true $seed_arg
