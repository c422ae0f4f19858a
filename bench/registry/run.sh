#!/usr/bin/env bash
# Registry import and query times, whole process as an operator runs them, on the default generated fixture
# (300 exchanges, 5,000 networks, ~45,000 PeeringDB objects, 300 IX-F exports). Median of RUNS runs each; peak RSS
# of the last run. Usage: bench/registry/run.sh [RUNS]   (reads ../shared/data in place, writes only to a temp dir)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-3}"
[ -x /usr/bin/time ] || { echo "/usr/bin/time is not installed (apt-get install time)" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
peerage="$root/peerage"
"$peerage" --version >/dev/null   # build outside the timed runs

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
# time_runs LABEL SETUP COMMAND...: SETUP (a shell snippet, may be ':') runs untimed before each run.
time_runs() {
  local label="$1" setup="$2" i start end rss
  shift 2
  for i in $(seq "$runs"); do
    eval "$setup"
    start=$(date +%s.%N)
    /usr/bin/time -f %M -o "$work/rss" "$@" > /dev/null
    end=$(date +%s.%N)
    echo "$end - $start" | bc
  done | median > "$work/median"
  rss=$(( $(cat "$work/rss") / 1024 ))
  printf '%-44s %6.2f s  %5d MB\n' "$label" "$(cat "$work/median")" "$rss"
}

time_runs "generate-fixture --ixf (300 ixps, 5000 nets)" 'rm -rf "$work/fx"' \
  "$peerage" registry generate-fixture --out "$work/fx" --ixf
dump="$work/fx/peeringdb_2_dump_fixture.json"
echo "dump: $(du -m "$dump" | cut -f1) MB, $(ls "$work/fx/ixf" | wc -l) IX-F exports"
time_runs "import dump into a new database" 'rm -f "$work/r.db"' "$peerage" registry import --db "$work/r.db" "$dump"
time_runs "import the same dump again (no changes)" ':' "$peerage" registry import --db "$work/r.db" "$dump"
time_runs "import 300 IX-F exports (one command)" ':' "$peerage" registry import --db "$work/r.db" "$work"/fx/ixf/*.json
biggest=$("$peerage" registry status --json --db "$work/r.db" >/dev/null; \
  grep -o '"ix_id": *[0-9]*' "$dump" | sed 's/.*: *//' | sort | uniq -c | sort -rn | head -1 | awk '{print $2}')
time_runs "net 15169" ':' "$peerage" registry net 15169 --db "$work/r.db"
time_runs "ix BCIX" ':' "$peerage" registry ix BCIX --db "$work/r.db"
time_runs "common 15169 20676" ':' "$peerage" registry common 15169 20676 --db "$work/r.db"
time_runs "remote-peers $biggest (the largest exchange)" ':' "$peerage" registry remote-peers "$biggest" --db "$work/r.db"
echo "largest exchange: $("$peerage" registry ix "$biggest" --db "$work/r.db" | sed -n '1p;/^Members/p' | tr '\n' ' ')"
