#!/bin/sh
# Stock policy comparison of bench/README.md ("Stock policies against the reference's methods"): the oil spare parts
# (real, monthly) and the synthetic weekly set (generated here with a fixed seed), lead times 0, 1 and 2.
# Usage: bench/run-stock-policy-bench.sh [dataDir] [workDir]; needs the engine and bench classes compiled:
#   ./mvnw -q -B -pl openvmi-engine,bench -am compile
set -e
DATA=${1:-/work/shared/data}
WORK=${2:-target/stock-policy-bench}
CP=openvmi-engine/target/classes:bench/target/classes
mkdir -p "$WORK"
java -cp "$CP" org.openvmi.bench.IntermittentDemandGenerator "$WORK" 2000 104 20261206
java -cp "$CP" org.openvmi.bench.StockPolicyBench "$DATA/oil_spares_monthly.csv" "$DATA/oil_spares_prices.csv" \
     38 0,1,2 0.95 0/0,0.8/0,0.8/0.8 yes
java -cp "$CP" org.openvmi.bench.StockPolicyBench "$WORK/weekly_spares.csv" "$WORK/weekly_spares_prices.csv" \
     73 0,1,2 0.95 0/0,0.8/0,0.8/0.8 yes
