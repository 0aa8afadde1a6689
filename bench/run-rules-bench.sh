#!/bin/sh
# Rules engine benches.
# 1. Evaluation speed (default): bench/rules/RulesBench.java as a single source file against the server's compiled
#    classes and its dependencies (CEL and what it needs). Build first: ./mvnw -q -pl openvmi-server -am compile
#    Arguments: [items] [warehouses] [rounds], default 10000 10 5.
# 2. Event latency: bench/run-rules-bench.sh events [postings] — starts the packaged server (build first:
#    ./mvnw -q -o -pl openvmi-server -am package -DskipTests) on embedded H2 with demo data (admin / demo123), or on a
#    fresh PostgreSQL database with DB=pg (127.0.0.1:5432, user postgres, psql on the PATH), and runs RuleEventBench:
#    posting committed → event rule's run done, p50 / p99 (goal < 50 ms).
set -e
cd "$(dirname "$0")/.."
if [ "${1:-}" = "events" ]; then
  shift
  PORT=${PORT:-18093}
  WORK=$(mktemp -d /tmp/rules-event-bench.XXXXXX)
  if [ "${DB:-h2}" = "pg" ]; then
    NAME=rules_event_bench
    psql -h 127.0.0.1 -U postgres -d postgres -q -c "DROP DATABASE IF EXISTS $NAME" -c "CREATE DATABASE $NAME"
    ARGS="--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$NAME --spring.datasource.username=postgres --openvmi.demo-data=false"
  else
    ARGS="--openvmi.demo-data=true --openvmi.data-dir=$WORK/data"
  fi
  (cd "$WORK" && exec java ${BENCH_JAVA_OPTS:--Xms512m -Xmx1g} -jar "$OLDPWD/openvmi-server/target/openvmi.jar" \
      --server.port=$PORT $ARGS > "$WORK/server.log" 2>&1) &
  SERVER=$!
  trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null' EXIT
  if [ "${DB:-h2}" = "pg" ]; then
    until curl -s -o /dev/null "http://127.0.0.1:$PORT/login"; do sleep 2; done
    psql -h 127.0.0.1 -U postgres -d $NAME -q -c "CREATE EXTENSION IF NOT EXISTS pgcrypto" \
      -c "INSERT INTO app_user (username, password_hash, display_name, roles, created_at) VALUES ('admin', crypt('demo123', gen_salt('bf', 10)), 'rules bench', 'ADMIN', now())"
  fi
  # the demo seeder runs after the web server starts: wait until it is done (its work would be in the figures)
  if [ "${DB:-h2}" != "pg" ]; then
    until grep -q "Demo data seeded in" "$WORK/server.log"; do sleep 3; done
  fi
  until [ "$(curl -s -o /dev/null -w '%{http_code}' -u admin:demo123 "http://127.0.0.1:$PORT/api/v1/rules")" = "200" ]; do sleep 3; done
  echo "server up ($(uptime | sed 's/.*load average/load average/'))"
  java bench/src/main/java/org/openvmi/bench/RuleEventBench.java "http://127.0.0.1:$PORT" admin demo123 "$@"
  echo "after: $(uptime | sed 's/.*load average/load average/')"
  if command -v pgbench >/dev/null 2>&1; then
    # the reference, taken in the same run: one client's TPC-B transaction latency on this machine's PostgreSQL now
    psql -h 127.0.0.1 -U postgres -d postgres -q -c "DROP DATABASE IF EXISTS rules_event_pgbench" -c "CREATE DATABASE rules_event_pgbench"
    pgbench -h 127.0.0.1 -U postgres -i -s 1 -q rules_event_pgbench >/dev/null 2>&1
    echo "reference: $(pgbench -h 127.0.0.1 -U postgres -c 1 -j 1 -T 10 rules_event_pgbench 2>/dev/null | grep -E 'latency average|^tps' | tr '\n' ' ')"
    psql -h 127.0.0.1 -U postgres -d postgres -q -c "DROP DATABASE rules_event_pgbench"
  fi
  exit 0
fi
CPFILE=openvmi-server/target/rules-bench.classpath
if [ ! -s "$CPFILE" ]; then
  ./mvnw -B -ntp -o -q -pl openvmi-server dependency:build-classpath -Dmdep.includeScope=runtime \
      -Dmdep.outputFile="$(pwd)/$CPFILE" >/dev/null
fi
exec java ${BENCH_JAVA_OPTS:--Xmx2g} -cp "openvmi-server/target/classes:$(cat "$CPFILE")" bench/rules/RulesBench.java "$@"
