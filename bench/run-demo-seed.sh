#!/bin/bash
# Times a first start of the packaged jar with demo data on the embedded default (an H2 file in an empty folder):
# the seeder's own log lines (time per phase, "Demo data stored in"), the wall time from launch and the process's
# CPU time (user + sys from /proc/<pid>/stat) at "Started OpenVmiApplication" and when the seeding is stored — CPU
# time is the figure to compare on a shared machine, wall time depends on the neighbours. Then stops the server.
# Usage: bench/run-demo-seed.sh [jar] [extra JVM options …]
#   JFR=file.jfr bench/run-demo-seed.sh        also records a JFR profile (settings=profile) of the whole run
#   KEEP_DIR=1 bench/run-demo-seed.sh          keeps the data folder (printed) instead of deleting it
# Build the jar first: ./mvnw -B -ntp -o -q -pl openvmi-server -am package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
jar=$(realpath "${1:-openvmi-server/target/openvmi.jar}")
shift || true
dir=$(mktemp -d /tmp/openvmi-demo-seed.XXXXXX)
jvm=("$@")
if [ -n "${JFR:-}" ]; then jvm+=("-XX:StartFlightRecording=filename=$(realpath -m "$JFR"),settings=profile"); fi
cd "$dir"
java "${jvm[@]}" -jar "$jar" --openvmi.demo-data=true --server.port=0 >out.log 2>&1 &
pid=$!
ticks=$(getconf CLK_TCK)
cpu() { awk -v t="$ticks" '{printf "%.1f", ($14 + $15) / t}' "/proc/$pid/stat"; }
t0=$(date +%s.%N)
load0=$(cut -d' ' -f1 /proc/loadavg)
started_cpu=""
while kill -0 "$pid" 2>/dev/null; do
  if [ -z "$started_cpu" ] && grep -q "Started OpenVmiApplication" out.log; then started_cpu=$(cpu); fi
  if grep -q "Demo data stored in" out.log; then break; fi
  sleep 0.5
done
if ! kill -0 "$pid" 2>/dev/null; then
  echo "the server stopped before the demo was stored; its log: $dir/out.log" >&2
  exit 1
fi
end_cpu=$(cpu)
t1=$(date +%s.%N)
grep -E "Started OpenVmiApplication|Demo year: time per phase|Demo data seeded|Demo data stored" out.log \
  | sed -E 's/^.*(INFO|WARN) [0-9]+ --- \[[^]]*\] \[ *[^]]*\] [^ ]+ *: //' | cut -c1-400
echo "wall from launch $(echo "$t1 - $t0" | bc) s; process CPU (user+sys) at start ${started_cpu:-?} s, when stored" \
  "$end_cpu s, so the seeding about $(echo "$end_cpu - ${started_cpu:-0}" | bc) s; load average $load0 -> $(cut -d' ' -f1 /proc/loadavg)"
kill "$pid"
wait "$pid" 2>/dev/null || true
if [ -n "${KEEP_DIR:-}" ]; then echo "data folder: $dir"; else rm -rf "$dir"; fi
