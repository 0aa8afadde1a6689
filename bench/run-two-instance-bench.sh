#!/bin/sh
# Two instances of the packaged server on one fresh PostgreSQL database, single-line postings spread round robin over
# both by RoundRobinBench (the client is the load balancer), then the same load on one instance for comparison
# (issue 19 part 5, ADR 0064). Figures in bench/README.md.
#   CLIENTS (8), SECONDS (30), ITEMS (1000); PostgreSQL from PGHOST/PGUSER (127.0.0.1, postgres); needs psql.
set -e
cd "$(dirname "$0")/.."
CLIENTS=${CLIENTS:-8}
SECONDS_=${SECONDS:-30}
ITEMS=${ITEMS:-1000}
PGHOST=${PGHOST:-127.0.0.1}
PGUSER=${PGUSER:-postgres}
DB=openvmi_rr_$(date +%s)
if [ "${SKIP_BUILD:-}" != "1" ]; then
  ./mvnw -q -B -pl openvmi-server -am package -DskipTests
fi
psql -q -h "$PGHOST" -U "$PGUSER" -d postgres -c "CREATE DATABASE $DB"
URL="jdbc:postgresql://$PGHOST:5432/$DB"
LOGS=$(mktemp -d)
start() {
  java -Xmx768m -jar openvmi-server/target/openvmi.jar --server.port="$1" --spring.datasource.url="$URL" \
    --spring.datasource.username="$PGUSER" --spring.datasource.password= --openvmi.demo-data=false \
    --logging.level.root=WARN >"$LOGS/$1.log" 2>&1 &
  echo $!
}
wait_ready() {
  for _ in $(seq 1 240); do
    curl -fs "http://127.0.0.1:$1/actuator/health/readiness" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "instance on $1 not ready; log in $LOGS/$1.log" >&2
  return 1
}
A=$(start 18081)
wait_ready 18081 # Flyway migrates the new database on the first instance; the second starts on a migrated one
B=$(start 18082)
trap 'kill $A $B 2>/dev/null; sleep 5; psql -q -h "$PGHOST" -U "$PGUSER" -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"' EXIT
wait_ready 18082
psql -q -h "$PGHOST" -U "$PGUSER" -d "$DB" -c "CREATE EXTENSION IF NOT EXISTS pgcrypto" \
  -c "INSERT INTO app_user (username, password_hash, roles, created_at) VALUES ('bench', crypt('bench-pass', gen_salt('bf', 4)), 'ADMIN', now())"
api() {
  curl -fs -u bench:bench-pass -H 'Content-Type: application/json' -X POST "http://127.0.0.1:18081$1" -d "$2" >/dev/null
}
api /api/v1/warehouses '{"code":"RR-W","name":"round robin"}'
api /api/v1/warehouses/RR-W/locations '{"code":"RR-W-A1","type":"STORAGE"}'
i=1
CSV="code,name,uom,unitCost"
while [ $i -le "$ITEMS" ]; do CSV="$CSV
ITEM-$i,item $i,PCS,1"; i=$((i + 1)); done
printf '%s\n' "$CSV" >"$LOGS/items.csv"
curl -fs -u bench:bench-pass -F "file=@$LOGS/items.csv;type=text/csv" http://127.0.0.1:18081/api/v1/imports/items >/dev/null
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== two instances, round robin"
java bench/src/main/java/org/openvmi/bench/RoundRobinBench.java bench bench-pass "$CLIENTS" "$SECONDS_" "$ITEMS" RR-W-A1 \
  http://127.0.0.1:18081 http://127.0.0.1:18082
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== one instance"
java bench/src/main/java/org/openvmi/bench/RoundRobinBench.java bench bench-pass "$CLIENTS" "$SECONDS_" "$ITEMS" RR-W-A1 \
  http://127.0.0.1:18081
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
curl -fs -u bench:bench-pass http://127.0.0.1:18082/api/v1/stock/reconcile | head -c 300; echo
