#!/bin/sh
# POST /api/v1/movements over HTTP at ledger speed (issue 19 part 4, ADR 0067): starts the packaged server on a fresh
# PostgreSQL database (created here, dropped at the end), adds a bench user with an API key, and runs HttpPostingBench
# from another JVM: 8 clients, single-line postings spread over 2,000 stock keys, single-line on one hot key, 100-line
# batches; pgbench (TPC-B-like, same clients) on a scratch database before and after, in the same run, for the ratio.
#   CLIENTS (8), SECONDS (20), WARMUP (5), JIT_WARMUP (60: on 2 cores C2 is busy ~30 s after a start; turns of 10 s of
#   each single-line scenario, so no path is compiled in its measured window), SCENARIOS (single,hot,batch); PGHOST/PGPORT/PGUSER
#   (127.0.0.1, 5432, postgres); SERVER_OPTS (extra server arguments, e.g. --openvmi.security.api-key-cache-ttl=0s);
#   JFR=dir: a JFR recording of the server during every measured run, dir/<scenario>.jfr (JFR_SETTINGS: profile or a
#   .jfc file); NO_PGBENCH=1; SERVER_JAR (openvmi-server/target/openvmi.jar); SKIP_BUILD=1; CLIENT (raw: one kept-alive
#   socket per client thread, the lightest; jdk: the JDK HttpClient). Prints CPU ms per posting of the server, the
#   client and the database's PostgreSQL backends (from /proc), a figure the machine's load barely changes.
# Needs psql, pgbench, curl, sha256sum (and jcmd for JFR).
set -e
cd "$(dirname "$0")/.."
CLIENTS=${CLIENTS:-8}
SECONDS_=${SECONDS:-20}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
PORT=${PORT:-18090}
SUFFIX=$(date +%s)_$$  # two runs started in the same second get their own databases
DB=openvmi_http_$SUFFIX
PGB=openvmi_http_pgbench_$SUFFIX
if [ "${SKIP_BUILD:-}" != "1" ]; then
  ./mvnw -q -B -pl openvmi-server,bench -am package -DskipTests
fi
LOGS=$(mktemp -d)
psql -q -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -c "CREATE DATABASE $DB" -c "CREATE DATABASE $PGB"
SERVER=
cleanup() {
  if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi
  psql -q -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" \
    -c "DROP DATABASE IF EXISTS $PGB WITH (FORCE)"
}
trap cleanup EXIT
# shellcheck disable=SC2086
java -Xms1g -Xmx1g -jar "${SERVER_JAR:-openvmi-server/target/openvmi.jar}" --server.port="$PORT" \
  --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$DB" --spring.datasource.username="$PGUSER" \
  --spring.datasource.password= --openvmi.demo-data=false --logging.level.root=WARN ${SERVER_OPTS:-} \
  >"$LOGS/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 300); do
  curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1 && break
  kill -0 "$SERVER" 2>/dev/null || { cat "$LOGS/server.log" >&2; exit 1; }
  sleep 1
done
# the key is stored as the server stores keys: its SHA-256 (HTTP calls skip bcrypt)
KEY="ovk_$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
HASH=$(printf '%s' "$KEY" | sha256sum | cut -d' ' -f1)
psql -q -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "$DB" \
  -c "INSERT INTO app_user (username, password_hash, display_name, roles, created_at)
      VALUES ('bench', 'no-password-login', 'HTTP bench', 'ADMIN', CURRENT_TIMESTAMP)" \
  -c "INSERT INTO api_key (name, key_prefix, key_hash, user_id, created_at, created_by)
      SELECT 'bench', '$(printf '%s' "$KEY" | cut -c1-12)', '$HASH', id, CURRENT_TIMESTAMP, 'bench'
      FROM app_user WHERE username = 'bench'"
JFR_OPTS=
PGBENCH_OPTS="--pgbench-db=$PGB"
if [ "${NO_PGBENCH:-}" = "1" ]; then PGBENCH_OPTS=; fi
if [ -n "${JFR:-}" ]; then mkdir -p "$JFR"; JFR_OPTS="--jfr-pid=$SERVER --jfr-dir=$JFR --jfr-settings=${JFR_SETTINGS:-profile}"; fi
# shellcheck disable=SC2086
java -Xmx256m -cp "${BENCH_CP:-bench/target/openvmi-bench.jar}" org.openvmi.bench.HttpPostingBench \
  --base-url="http://127.0.0.1:$PORT" --api-key="$KEY" --clients="$CLIENTS" --seconds="$SECONDS_" \
  --warmup="${WARMUP:-5}" --jit-warmup="${JIT_WARMUP:-60}" --scenarios="${SCENARIOS:-single,hot,batch}" \
  --pg-host="$PGHOST" --pg-port="$PGPORT" --pg-user="$PGUSER" --client="${CLIENT:-raw}" --server-pid="$SERVER" \
  --database="$DB" $PGBENCH_OPTS $JFR_OPTS
# postings that shared a transaction (a hot key's coalesced postings, ADR 0098): rows of one transaction share xmin
echo "postings per transaction: $(psql -tA -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "$DB" \
  -c "SELECT count(*) || ' postings in ' || count(DISTINCT xmin::text) || ' transactions, '
             || count(*) FILTER (WHERE shared) || ' of them in ' || count(DISTINCT xmin::text) FILTER (WHERE shared)
             || ' shared ones'
      FROM (SELECT xmin, count(*) OVER (PARTITION BY xmin::text) > 1 AS shared FROM stock_posting) p")"
echo "sessions written by API requests (must be 0): $(psql -tA -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "$DB" \
  -c 'SELECT count(*) FROM spring_session')"
curl -fs -H "X-API-Key: $KEY" "http://127.0.0.1:$PORT/api/v1/stock/reconcile" | head -c 300; echo
