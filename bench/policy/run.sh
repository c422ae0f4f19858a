#!/usr/bin/env bash
# Policy data benchmarks: the JMH suite of the policy module (IRR dump load + as-set expansion, ROV), then the
# whole `peerage irr expand` process on the same derived dump. Reads ../shared/data in place; derived files live
# in a temp dir. Usage: bench/policy/run.sh [JMH options, e.g. -f 1 -wi 2 -i 3]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
. "$root/bin/jdk.sh"
find_jdk25 || exit 3
require_maven || exit 3
arin="$root/../shared/data/irr/arin-whois-originas.json.bz2"
[ -f "$arin" ] || { echo "missing $arin" >&2; exit 2; }
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"

cd "$root"
mvn -B -q -pl policy -am -Pjmh -DskipTests test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/jmh.classpath >/dev/null
cp="policy/target/test-classes:policy/target/classes:bgp/target/classes:$(cat policy/target/jmh.classpath)"
"$JAVA_HOME/bin/java" -Dpeerage.root="$root" -cp "$cp" org.openjdk.jmh.Main PolicyBenchmark "$@"

# The whole process, JVM start included: the dump PolicyBenchmark derives, written by python3 the same way.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 - "$arin" "$work/arin.db" <<'PY'
import bz2, json, sys, collections
d = json.load(bz2.open(sys.argv[1]))["whois_records"]
per = collections.Counter()
with open(sys.argv[2], "w") as w:
    for fam in ("v4", "v6"):
        for r in d[fam]:
            w.write(("route6:  " if ":" in r["prefix"] else "route:   ") + r["prefix"]
                    + "\ndescr:   derived from ARIN origin AS data\norigin:  " + r["originas"]
                    + "\nmnt-by:  BENCH-MNT\nsource:  BENCH\n\n")
            per[r["originas"]] += 1
    top = [a for a, _ in sorted(per.items(), key=lambda kv: -kv[1])[:300]]
    w.write("as-set:  AS-BENCH\nmembers: AS-BENCH-A, AS-BENCH-B\nsource:  BENCH\n\n")
    for s, name in enumerate(("AS-BENCH-A", "AS-BENCH-B")):
        w.write("as-set:  %s\nmembers: %s-1, %s-2, AS-BENCH\nsource:  BENCH\n\n" % (name, name, name))
        for t in (1, 2):
            k = s * 2 + t - 1
            w.write("as-set:  %s-%d\nmembers: %s\nsource:  BENCH\n\n" % (name, t, ",\n         ".join(top[k * 75:(k + 1) * 75])))
PY
"$root/peerage" --version >/dev/null
lines=$("$root/peerage" irr expand AS-BENCH --dump "$work/arin.db" 2>/dev/null | wc -l)
for flags in "" "-A"; do
  times=()
  for _ in 1 2 3; do
    start=$(date +%s.%N)
    "$root/peerage" irr expand AS-BENCH --dump "$work/arin.db" $flags >/dev/null 2>&1
    end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc)")
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)
  echo "whole process: peerage irr expand AS-BENCH --dump arin.db $flags: median of 3 ${median} s ($((lines - 1)) prefixes)"
done
