#!/bin/sh
# End-to-end transfer plan bench (issue 18, ADR 0056/0077): starts the packaged server on a fresh PostgreSQL database,
# seeds ITEMS items x WAREHOUSES warehouses with set-based SQL (stock on hand, stock lines, 13 weeks of demand, a
# primary source with pack size, price and lead time, a full mesh of lanes), then times RUNS x
# `POST /api/v1/transfer-plans` over HTTP with curl (reads, solve, insert of the lines, the JSON answer) and prints
# each run's wall time, the plan's own durationMs (reads + solve) and its moves/purchases, then one summary line
# against the goal (10,000 x 10 under 10 s).
# Env: ITEMS (10000) WAREHOUSES (10) RUNS (4, the first counts as warm-up) DB PORT SERVER_JAR SERVER_OPTS (e.g. JFR)
#      SKIP_BUILD=1 (use the jar as it is) KEEP_DB=1 (leave the database).
# Needs PostgreSQL at 127.0.0.1:5432 (user postgres, no password), psql, openssl, curl and jq.
set -e
cd "$(dirname "$0")/.."
if [ "${SKIP_BUILD:-}" != "1" ]; then
  ./mvnw -q -B -pl openvmi-server -am package -DskipTests
fi
ITEMS=${ITEMS:-10000}
WAREHOUSES=${WAREHOUSES:-10}
RUNS=${RUNS:-4}
DB=${DB:-tp_bench}
PORT=${PORT:-18092}
JAR=${SERVER_JAR:-openvmi-server/target/openvmi.jar}
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
$PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
# shellcheck disable=SC2086
java -Xms1g -Xmx2g ${SERVER_OPTS:-} -jar "$JAR" --server.port=$PORT --openvmi.demo-data=false \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DB?reWriteBatchedInserts=true" \
  --spring.datasource.username=postgres > target-transfer-plan-bench-server.log 2>&1 &
SERVER=$!
cleanup() {
  kill $SERVER 2>/dev/null || true
  wait $SERVER 2>/dev/null || true
  if [ "${KEEP_DB:-}" != "1" ]; then $PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB" || true; fi
}
trap cleanup EXIT
until curl -s -o /dev/null "http://127.0.0.1:$PORT/login"; do sleep 2; done
KEY="ovk_$(openssl rand -hex 24)"
HASH=$(printf %s "$KEY" | sha256sum | cut -d' ' -f1)
PREFIX=$(printf %s "$KEY" | cut -c1-12)
T0=$(date +%s)
$PSQL -d $DB <<SQL
INSERT INTO app_user (username, password_hash, display_name, roles, created_at)
  VALUES ('bench', 'no-password-login', 'transfer plan bench', 'ADMIN', now());
INSERT INTO api_key (name, key_prefix, key_hash, user_id, created_at, created_by)
  SELECT 'bench', '$PREFIX', '$HASH', id, now(), 'bench' FROM app_user WHERE username = 'bench';
\o /dev/null
SELECT setseed(0.7);
\o
INSERT INTO supplier (code, name) SELECT 'TS' || g, 'bench supplier ' || g FROM generate_series(1, 50) g;
INSERT INTO warehouse (code, name) SELECT 'TW' || g, 'bench warehouse ' || g FROM generate_series(1, $WAREHOUSES) g;
INSERT INTO location (warehouse_id, code, type) SELECT id, code || '-B1', 'STORAGE' FROM warehouse WHERE code LIKE 'TW%';
INSERT INTO item (code, name, uom, category)
  SELECT 'TI' || lpad(g::text, 6, '0'), 'bench item ' || g, 'PCS', 'c' || (g % 20) FROM generate_series(1, $ITEMS) g;
-- one primary source per item: pack 1, 5, 10, 12 or 24, price 1-51, lead time 3-27 days (10 % of items unsold)
INSERT INTO supplier_item (supplier_id, item_id, price, currency, moq, pack_size, lead_time_days, is_primary)
  SELECT (SELECT id FROM supplier WHERE code = 'TS' || (1 + i.id % 50)), i.id, round((1 + random() * 50)::numeric, 2),
         'CNY', 0, (ARRAY[1, 5, 10, 12, 24])[1 + i.id % 5], 3 + (i.id % 25), TRUE
  FROM item i WHERE i.code LIKE 'TI%' AND i.id % 10 <> 0;
CREATE TEMP TABLE iw AS
  SELECT i.id AS item_id, w.id AS warehouse_id, l.id AS location_id, floor(random() * 20) AS daily,
         floor(random() * 20) AS extra
  FROM item i CROSS JOIN warehouse w JOIN location l ON l.warehouse_id = w.id
  WHERE i.code LIKE 'TI%' AND w.code LIKE 'TW%';
-- stock lines: safety = 5 days of demand + 0-19, warning = safety + 7 days, max = warning + 20 days + 50
INSERT INTO stock_policy (item_id, warehouse_id, safety, warning, max_qty, mode, updated_at, updated_by)
  SELECT item_id, warehouse_id, daily * 5 + extra, daily * 12 + extra, daily * 32 + extra + 50, 'MANUAL', now(), 'bench'
  FROM iw;
-- own stock on hand 0 .. 3 x max: about a third of the pairs need stock, a third have excess
INSERT INTO stock_balance (item_id, location_id, owner, lot, on_hand, reserved, updated_at)
  SELECT item_id, location_id, 'OWN', '', floor(random() * (3 * (daily * 32 + extra + 50) + 1)), 0, now() FROM iw;
-- 13 weekly demand rows in the last 90 days (average daily demand = daily, 10 % of pairs without demand)
INSERT INTO demand_history (item_id, warehouse_id, demand_date, qty)
  SELECT item_id, warehouse_id, current_date - 1 - 7 * k, daily * 90 / 13.0
  FROM iw CROSS JOIN generate_series(0, 12) k WHERE (item_id + warehouse_id) % 10 <> 0;
UPDATE planning_demand_watermark SET through_date = current_date - 1;
INSERT INTO transfer_lane (from_warehouse_id, to_warehouse_id, cost_per_unit, transit_days, updated_at, updated_by)
  SELECT f.id, t.id, round((0.1 + random() * 2)::numeric, 2), 1 + floor(random() * 5), now(), 'bench'
  FROM warehouse f CROSS JOIN warehouse t WHERE f.id <> t.id AND f.code LIKE 'TW%' AND t.code LIKE 'TW%';
DROP TABLE iw;
SQL
$PSQL -d $DB -c "VACUUM ANALYZE"
echo "seeded $ITEMS items x $WAREHOUSES warehouses in $(( $(date +%s) - T0 )) s; $(uptime)"
# CPU time of a process in ms (utime + stime, clock ticks of 10 ms)
cpu_ms() { awk '{ sub(/.*\) /, ""); print ($12 + $13) * 10 }' "/proc/$1/stat"; }
TIMES=""
i=1
while [ $i -le "$RUNS" ]; do
  OUT=/tmp/transfer-plan-bench-$$.json
  CPU0=$(cpu_ms $SERVER)
  WALL=$(curl -s -o $OUT -w '%{http_code} %{time_total}' -X POST -H "X-API-Key: $KEY" \
    -H 'Content-Type: application/json' -d '{}' "http://127.0.0.1:$PORT/api/v1/transfer-plans")
  CODE=${WALL%% *}
  SECS=${WALL#* }
  if [ "$CODE" != "201" ]; then echo "run $i answered $CODE: $(head -c 500 $OUT)"; exit 1; fi
  echo "run $i: wall $SECS s, durationMs $(jq .durationMs $OUT), items $(jq .itemCount $OUT)," \
    "moves $(jq '.moves | length' $OUT), purchases $(jq '.purchases | length' $OUT)," \
    "answer $(( $(wc -c < $OUT) / 1024 )) KiB, server CPU $(( $(cpu_ms $SERVER) - CPU0 )) ms," \
    "load $(cut -d' ' -f1 /proc/loadavg)"
  grep -o "transfer plan $(jq .id $OUT): .*" target-transfer-plan-bench-server.log || true
  if [ $i -gt 1 ] || [ "$RUNS" -eq 1 ]; then TIMES="$TIMES $SECS"; fi
  rm -f $OUT
  i=$((i + 1))
done
echo "$TIMES" | tr ' ' '\n' | grep . | sort -n | awk -v items="$ITEMS" -v wh="$WAREHOUSES" -v la="$(cut -d' ' -f1 /proc/loadavg)" '
  { t[NR] = $1 } END { p50 = t[int((NR + 1) / 2)]; max = t[NR];
    printf "GOAL transfer plan POST %d x %d: p50 %.2f s, max %.2f s over %d runs (goal < 10 s: %s), load %s\n",
      items, wh, p50, max, NR, (max < 10 ? "met" : "NOT met"), la }'
