#!/bin/sh
# Runs the rules engine bench (bench/rules/RulesBench.java) as a single source file against the server's compiled
# classes and its dependencies (CEL and what it needs). Build first: ./mvnw -q -pl openvmi-server -am compile
# Arguments: [items] [warehouses] [rounds], default 10000 10 5.
set -e
cd "$(dirname "$0")/.."
CPFILE=openvmi-server/target/rules-bench.classpath
if [ ! -s "$CPFILE" ]; then
  ./mvnw -B -ntp -o -q -pl openvmi-server dependency:build-classpath -Dmdep.includeScope=runtime \
      -Dmdep.outputFile="$(pwd)/$CPFILE" >/dev/null
fi
exec java ${BENCH_JAVA_OPTS:--Xmx2g} -cp "openvmi-server/target/classes:$(cat "$CPFILE")" bench/rules/RulesBench.java "$@"
