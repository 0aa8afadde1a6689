#!/bin/sh
# Issue 18's three speed goals in one go (ADR 0077), each against a fresh PostgreSQL database: the transfer plan POST
# for 10,000 items x 10 warehouses, then the channel bench (ATP reads closed loop and paced at 50 clients, channel
# orders over HTTP at 16 clients). Ends with the GOAL lines and the load average before and after.
# Env: SERVER_JAR (default openvmi-server/target/openvmi.jar) to compare jars; SKIP_BUILD=1; OUT (log directory).
# About 5 minutes on a quiet machine. Needs PostgreSQL at 127.0.0.1:5432 (user postgres), psql, curl, jq, openssl.
set -e
cd "$(dirname "$0")/.."
if [ "${SKIP_BUILD:-}" != "1" ]; then
  ./mvnw -q -B -pl openvmi-server -am package -DskipTests
fi
export SKIP_BUILD=1
OUT=${OUT:-/tmp/issue-18-goals}
mkdir -p "$OUT"
echo "jar: ${SERVER_JAR:-openvmi-server/target/openvmi.jar}; before: $(uptime)"
bench/run-transfer-plan-post-bench.sh | tee "$OUT/transfer-plan.log"
bench/run-channel-bench.sh 100 50 16 20 4 | tee "$OUT/channels.log"
echo "after: $(uptime)"
grep -h '^GOAL' "$OUT/transfer-plan.log" "$OUT/channels.log"
