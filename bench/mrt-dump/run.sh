#!/usr/bin/env bash
# Whole-process benchmark: `peerage mrt dump -m` against `bgpdump -m` on the 2015 full-table update file
# concatenated 20 times (11.5 M output lines), with zcat alone as the floor. Median of RUNS runs each.
# Usage: bench/mrt-dump/run.sh [RUNS]   (needs bgpdump; reads ../shared/data in place, writes only to a temp dir)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-3}"
source_file="$root/../shared/data/mrt/bgpdump_updates.et-header.2015.gz"
[ -f "$source_file" ] || { echo "missing $source_file" >&2; exit 2; }
command -v bgpdump >/dev/null || { echo "bgpdump is not installed (apt-get install bgpdump)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is not installed (apt-get install time)" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
input="$work/full20.gz"
for _ in $(seq 20); do cat "$source_file"; done > "$input"
"$root/peerage" --version >/dev/null   # build outside the timed runs

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
time_runs() {
  local i start end
  for i in $(seq "$runs"); do
    start=$(date +%s.%N)
    "$@" > /dev/null 2>&1
    end=$(date +%s.%N)
    echo "$end - $start" | bc
  done | median
}

lines=$(bgpdump -m "$input" 2>/dev/null | tee >(sha256sum > "$work/bgpdump.sha") | wc -l)
"$root/peerage" mrt dump -m "$input" | sha256sum > "$work/peerage.sha"
sleep 1
if ! cmp -s "$work/bgpdump.sha" "$work/peerage.sha"; then
  echo "OUTPUT DIFFERS from bgpdump" >&2
  exit 1
fi

zcat_s=$(time_runs zcat "$input")
bgpdump_s=$(time_runs bgpdump -m "$input")
peerage_s=$(time_runs "$root/peerage" mrt dump -m "$input")
speedup=$(echo "scale=2; $bgpdump_s / $peerage_s" | bc)
peak_kb() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
bgpdump_kb=$(peak_kb bgpdump -m "$input")
peerage_kb=$(peak_kb "$root/peerage" mrt dump -m "$input")
echo "input: $source_file x20 ($lines lines, identical output: yes)"
echo "| tool | median of $runs (s) | lines/s | peak RSS |"
echo "|---|---|---|---|"
printf '| zcat (floor) | %.2f | | |\n' "$zcat_s"
printf '| bgpdump -m (%s) | %.2f | %.0f | %d MB |\n' "$(dpkg-query -W -f='${Version}' bgpdump 2>/dev/null || echo '?')" \
  "$bgpdump_s" "$(echo "$lines / $bgpdump_s" | bc)" "$((bgpdump_kb / 1024))"
printf '| peerage mrt dump -m | %.2f | %.0f | %d MB |\n' "$peerage_s" "$(echo "$lines / $peerage_s" | bc)" \
  "$((peerage_kb / 1024))"
echo "speed-up over bgpdump: ${speedup}x"
