#!/bin/sh
# Builds the server jar and the bench, then runs the analytics bench inside the packaged server on a fresh PostgreSQL
# database (dropped at the end). Options go to AnalyticsBench, e.g. --items=2500 --movements=1000000 for 1/10 size;
# the defaults are the goal's size (25,000 items × 4 warehouses, 10 million movements over 365 days).
# BENCH_HEAP (4g) sets the heap: a year of the full size is read into memory by the KPI endpoints (6g for that).
set -e
cd "$(dirname "$0")/.."
if [ "${SKIP_BUILD:-}" != "1" ]; then
  ./mvnw -q -B -o -pl openvmi-server,bench -am package -DskipTests
fi
exec java -Xms${BENCH_HEAP:-4g} -Xmx${BENCH_HEAP:-4g} \
  -Dloader.path=bench/target/openvmi-bench.jar -Dloader.main=org.openvmi.bench.AnalyticsBench \
  -cp openvmi-server/target/openvmi.jar org.springframework.boot.loader.launch.PropertiesLauncher "$@"
