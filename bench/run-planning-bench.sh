#!/bin/sh
# Builds the server jar and the bench, then runs the planning bench inside the packaged server on a fresh PostgreSQL
# database. Options go to PlanningBench, e.g. --items=25000 --warehouses=4 (100,000 item-warehouses).
set -e
cd "$(dirname "$0")/.."
if [ "${SKIP_BUILD:-}" != "1" ]; then
  ./mvnw -q -B -pl openvmi-server,bench -am package -DskipTests
fi
exec java -Xms2g -Xmx2g \
  -Dloader.path=bench/target/openvmi-bench.jar -Dloader.main=org.openvmi.bench.PlanningBench \
  -cp openvmi-server/target/openvmi.jar org.springframework.boot.loader.launch.PropertiesLauncher "$@"
