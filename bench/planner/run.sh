#!/usr/bin/env bash
# JMH benchmarks of the planner: longest-prefix match on a 1M-prefix IPv4 table and attribution of flow records.
# Usage: bench/planner/run.sh [JMH options, e.g. LpmBenchmark or -f 1 -wi 2 -i 3]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
. "$root/bin/jdk.sh"
find_jdk25 || exit 3
require_maven || exit 3
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
cd "$root"
# One reactor run: compiles, and the planner (built last) leaves its test classpath in bench.classpath.
mvn -B -q -pl planner -am -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$root/planner/target/bench.classpath"
exec "$JAVA_HOME/bin/java" -Dpeerage.root="$root" \
  -cp "planner/target/test-classes:planner/target/classes:$(cat planner/target/bench.classpath)" \
  org.openjdk.jmh.Main "${@:-org.peerage.planner.bench}"
