#!/bin/sh
# Rules engine benches.
# 1. Evaluation speed (default): bench/rules/RulesBench.java as a single source file against the server's compiled
#    classes and its dependencies (CEL and what it needs). Build first: ./mvnw -q -pl openvmi-server -am compile
#    Arguments: [items] [warehouses] [rounds], default 10000 10 5.
# 2. Event latency: bench/run-rules-bench.sh events [postings] — starts the packaged server (build first:
#    ./mvnw -q -o -pl openvmi-server -am package -DskipTests) on a fresh embedded H2 file, or on a fresh PostgreSQL
#    database with DB=pg, adds a user admin / demo123 (PostgreSQL at 127.0.0.1:5432, user postgres, psql and pgcrypto
#    make its bcrypt hash in both cases) and runs RuleEventBench: posting committed → event rule's run done, p50 / p99
#    (goal < 50 ms), then pgbench (1 client) as the reference of the same moment. Extra server options: SERVER_OPTS.
set -e
cd "$(dirname "$0")/.."
if [ "${1:-}" = "events" ]; then
  shift
  PORT=${PORT:-18093}
  WORK=$(mktemp -d /tmp/rules-event-bench.XXXXXX)
  NAME=rules_event_bench
  psql -h 127.0.0.1 -U postgres -d postgres -q -c "DROP DATABASE IF EXISTS $NAME" -c "CREATE DATABASE $NAME"
  psql -h 127.0.0.1 -U postgres -d $NAME -q -c "CREATE EXTENSION IF NOT EXISTS pgcrypto"
  HASH=$(psql -h 127.0.0.1 -U postgres -d $NAME -tA -c "SELECT crypt('demo123', gen_salt('bf', 10))")
  USER_SQL="INSERT INTO app_user (username, password_hash, display_name, roles, created_at) VALUES ('admin', '$HASH', 'rules bench', 'ADMIN', now())"
  if [ "${DB:-h2}" = "pg" ]; then
    ARGS="--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$NAME --spring.datasource.username=postgres"
  else
    # the default embedded H2 file (its settings), opened with AUTO_SERVER so the user can be added from outside
    URL="jdbc:h2:file:$WORK/data/openvmi;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;RETENTION_TIME=0;QUERY_CACHE_SIZE=64;AUTO_COMPACT_FILL_RATE=60;AUTO_SERVER=TRUE"
    ARGS="--spring.datasource.url=$URL"
  fi
  (cd "$WORK" && exec java ${BENCH_JAVA_OPTS:--Xms512m -Xmx1g} -jar "$OLDPWD/openvmi-server/target/openvmi.jar" \
      --server.port=$PORT --openvmi.demo-data=false $ARGS ${SERVER_OPTS:-} > "$WORK/server.log" 2>&1) &
  SERVER=$!
  trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null' EXIT
  until curl -s -o /dev/null "http://127.0.0.1:$PORT/login"; do sleep 2; done
  if [ "${DB:-h2}" = "pg" ]; then
    psql -h 127.0.0.1 -U postgres -d $NAME -q -c "$USER_SQL"
  else
    H2JAR=$(ls "$HOME"/.m2/repository/com/h2database/h2/*/h2-*.jar | tail -1)
    java -cp "$H2JAR" org.h2.tools.Shell -url "$URL" -user sa -password "" -sql "$USER_SQL"
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
  kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true
  psql -h 127.0.0.1 -U postgres -d postgres -q -c "DROP DATABASE IF EXISTS $NAME"
  exit 0
fi
CPFILE=openvmi-server/target/rules-bench.classpath
if [ ! -s "$CPFILE" ]; then
  ./mvnw -B -ntp -o -q -pl openvmi-server dependency:build-classpath -Dmdep.includeScope=runtime \
      -Dmdep.outputFile="$(pwd)/$CPFILE" >/dev/null
fi
exec java ${BENCH_JAVA_OPTS:--Xmx2g} -cp "openvmi-server/target/classes:$(cat "$CPFILE")" bench/rules/RulesBench.java "$@"
