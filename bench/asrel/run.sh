#!/usr/bin/env bash
# asrel benchmark: `peerage asrel infer` on a real RIB dump and on a synthetic full table seen by many peers.
# Usage: bench/asrel/run.sh [PEERS]   (default 30; the synthetic RIB is written to a temporary folder, then removed)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
. "$root/bin/jdk.sh"
find_jdk25 || exit 3
require_maven || exit 3
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
peers="${1:-30}"
data="$root/../shared/data"
cd "$root"
mvn -B -q -pl planner -am -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$root/planner/target/bench.classpath"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$JAVA_HOME/bin/java" -Dpeerage.root="$root" \
  -cp "planner/target/test-classes:planner/target/classes:bgp/target/classes:$(cat planner/target/bench.classpath)" \
  org.peerage.planner.bench.SyntheticRib "$tmp/synthetic-rib.gz" "$peers"
ls -l "$tmp/synthetic-rib.gz"
for input in "$data/mrt/pyasn_rib.20140523.0600_firstMB.bz2" "$data/mrt/bgpdump_bview.20020722.2337.gz" \
             "$tmp/synthetic-rib.gz"; do
  echo "== $(basename "$input")"
  /usr/bin/time -f "wall %e s, user %U s, sys %S s, max RSS %M KiB" \
    ./peerage asrel infer "$input" --out "$tmp/as-rel.txt" --cones "$tmp/ppdc-ases.txt" 2>&1 \
    | grep -v "paths before it kept"
done
"$JAVA_HOME/bin/java" -Dpeerage.root="$root" \
  -cp "planner/target/test-classes:planner/target/classes:bgp/target/classes:$(cat planner/target/bench.classpath)" \
  org.peerage.planner.bench.SyntheticRib --check "$tmp/as-rel.txt"
