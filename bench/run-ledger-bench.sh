#!/bin/sh
# Builds the server jar and the bench, then runs the ledger bench inside the packaged server (in-process service
# calls and REST calls against the same application context). Options go to LedgerBench, e.g. --seconds=20.
# Needs PostgreSQL (default jdbc:postgresql://127.0.0.1:5432/test, user postgres) and pgbench on the PATH.
set -e
cd "$(dirname "$0")/.."
if [ "${SKIP_BUILD:-}" != "1" ]; then
  ./mvnw -q -B -pl openvmi-server,bench -am package -DskipTests
fi
exec java -Xms1g -Xmx1g \
  -Dloader.path=bench/target/openvmi-bench.jar -Dloader.main=org.openvmi.bench.LedgerBench \
  -cp openvmi-server/target/openvmi.jar org.springframework.boot.loader.launch.PropertiesLauncher "$@"
