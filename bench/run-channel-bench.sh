#!/bin/sh
# Channel bench (issue 18): starts the packaged server on a fresh PostgreSQL database, creates a bench user and runs
# ChannelBench (ATP read latency at 50 clients, channel-order reservations per second). Options after the script name
# go to ChannelBench: [items] [atpClients] [orderClients] [seconds] [atpRate per client, 0: no paced phase].
# Env: SERVER_JAR (openvmi-server/target/openvmi.jar), SERVER_OPTS (e.g. a JFR), DB, PORT, SKIP_BUILD=1. Prints one
# GOAL line per goal with CPU per request of client, server and postgres (compare those on a loaded machine).
# Needs PostgreSQL at 127.0.0.1:5432 (user postgres, no password), psql, openssl and curl.
set -e
cd "$(dirname "$0")/.."
if [ "${SKIP_BUILD:-}" != "1" ]; then
  ./mvnw -q -B -pl openvmi-server -am package -DskipTests
fi
DB=${DB:-chn_bench}
PORT=${PORT:-18091}
psql -h 127.0.0.1 -U postgres -d postgres -q -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
# shellcheck disable=SC2086
java -Xms512m -Xmx1g ${SERVER_OPTS:-} -jar "${SERVER_JAR:-openvmi-server/target/openvmi.jar}" --server.port=$PORT --openvmi.demo-data=false \
  --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$DB --spring.datasource.username=postgres \
  > target-channel-bench-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER; wait $SERVER || true; psql -h 127.0.0.1 -U postgres -d postgres -q -c "DROP DATABASE IF EXISTS $DB"' EXIT
until curl -s -o /dev/null "http://127.0.0.1:$PORT/login"; do sleep 2; done
KEY="ovk_$(openssl rand -hex 24)"
HASH=$(printf %s "$KEY" | sha256sum | cut -d' ' -f1)
PREFIX=$(printf %s "$KEY" | cut -c1-12)
psql -h 127.0.0.1 -U postgres -d $DB -q \
  -c "INSERT INTO app_user (username, password_hash, display_name, roles, created_at) VALUES ('bench', 'no-password-login', 'channel bench', 'ADMIN', now())" \
  -c "INSERT INTO api_key (name, key_prefix, key_hash, user_id, created_at, created_by) SELECT 'bench', '$PREFIX', '$HASH', id, now(), 'bench' FROM app_user WHERE username = 'bench'"
SERVER_PID=$SERVER java -Xmx512m bench/src/main/java/org/openvmi/bench/ChannelBench.java "http://127.0.0.1:$PORT" "$KEY" "$@"
