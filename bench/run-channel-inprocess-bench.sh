#!/bin/sh
# Issue 18's channel goals in process (ADR 0082): ChannelInProcessBench inside the packaged server's class path on a
# fresh PostgreSQL database: ATP reads and one-line channel orders called on the services directly, every JDBC
# statement counted (per call on the callers, and all of the process). Options go to ChannelInProcessBench, e.g.
# --items=100 --atp-clients=50 --order-clients=16 --seconds=20 --warmup=10.
# Env: SERVER_JAR (default openvmi-server/target/openvmi.jar), BENCH_JAR (bench/target/openvmi-bench.jar), SKIP_BUILD=1.
# Needs PostgreSQL at 127.0.0.1:5432 (user postgres, no password).
set -e
cd "$(dirname "$0")/.."
if [ "${SKIP_BUILD:-}" != "1" ]; then
  ./mvnw -q -B -pl openvmi-server,bench -am package -DskipTests
fi
exec java -Xms1g -Xmx1g \
  -Dloader.path="${BENCH_JAR:-bench/target/openvmi-bench.jar}" -Dloader.main=org.openvmi.bench.ChannelInProcessBench \
  -cp "${SERVER_JAR:-openvmi-server/target/openvmi.jar}" org.springframework.boot.loader.launch.PropertiesLauncher "$@"
