#!/bin/sh
# Runs the transfer plan bench (bench/transfer-plan/TransferPlanBench.java) as a single source file against the
# server's compiled classes and JGraphT from ~/.m2. Build the classes first: ./mvnw -q -pl openvmi-server -am compile
# Arguments: [items] [warehouses], default 10000 10.
set -e
cd "$(dirname "$0")/.."
M2="${M2_REPO:-$HOME/.m2/repository}"
CP="openvmi-server/target/classes:$M2/org/jgrapht/jgrapht-core/1.5.3/jgrapht-core-1.5.3.jar:$(ls "$M2"/org/jheaps/jheaps/*/jheaps-*.jar | head -1)"
exec java -Xmx1g -cp "$CP" bench/transfer-plan/TransferPlanBench.java "$@"
