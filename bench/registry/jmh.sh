#!/usr/bin/env bash
# In-process registry benchmarks (JMH): reading a full dump, re-importing it unchanged, and the queries, on the
# default generated fixture. Usage: bench/registry/jmh.sh [JMH ARGS...]   (reads ../shared/data in place)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
. "$root/bin/jdk.sh"
find_jdk25 || exit 3
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
cd "$root"
mvn -B -q -pl registry -am -DskipTests test-compile
cp="$(mktemp)"
trap 'rm -f "$cp"' EXIT
mvn -B -q -pl registry dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp" >/dev/null
exec "$JAVA_HOME/bin/java" -Dpeerage.data="$root/../shared/data" \
  -cp "$root/registry/target/test-classes:$root/registry/target/classes:$root/bgp/target/classes:$(cat "$cp")" \
  org.openjdk.jmh.Main RegistryBenchmark "$@"
