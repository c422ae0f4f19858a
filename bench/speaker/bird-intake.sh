#!/usr/bin/env bash
# Is the speaker faster than BIRD? Sends the 2015 full table (577k prefixes of AS3856) from `peerage speaker` to a
# BIRD 2 on loopback and reports: speaker time from Established to End-of-RIB sent, speaker CPU seconds, and the
# time until BIRD's table holds every route (polled every 20 ms through birdc). Median of RUNS runs.
# Usage: bench/speaker/bird-intake.sh [RUNS]      (needs bird2; loopback only; stops what it starts)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-3}"
mrt="$root/../shared/data/mrt/bgpdump_updates.et-header.2015.gz"
command -v bird >/dev/null || { echo "bird is not installed (apt-get install bird2)" >&2; exit 2; }
work="$(mktemp -d)"
port=$((20000 + RANDOM % 20000))
cleanup() { [ -f "$work/bird.pid" ] && kill "$(cat "$work/bird.pid")" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
cat > "$work/bird.conf" <<CONF
router id 10.0.0.1;
protocol device {}
ipv4 table t4;
ipv4 table igp4;
protocol static igpr4 { ipv4 { table igp4; }; route 0.0.0.0/0 blackhole; }
protocol bgp speaker1 {
  local 127.0.0.1 port $port as 4200000000;
  neighbor 127.1.0.2 as 64601;
  passive on; multihop;
  ipv4 { table t4; import all; export none; igp table igp4; };
}
CONF
"$root/peerage" --version >/dev/null
ms() { date +%s%3N; }
for run in $(seq "$runs"); do
  bird -c "$work/bird.conf" -s "$work/bird.ctl" -P "$work/bird.pid"
  sleep 0.3
  start=$(ms)
  "$root/peerage" speaker --local-as 64601 --router-id 10.0.0.2 --local-address 127.1.0.2 \
      --peer "127.0.0.1:$port" --peer-as 4200000000 --announce-mrt "$mrt" --mrt-peer as:3856 \
      --timeout 120 > "$work/events" 2>/dev/null &
  speaker=$!
  want=""
  deadline=$(( $(ms) + 120000 ))
  while [ "$(ms)" -lt "$deadline" ]; do
    count=$(birdc -s "$work/bird.ctl" show route count table t4 2>/dev/null | grep -o '^[0-9]*' | head -1 || true)
    if [ -z "$want" ]; then want=$(grep -o '"routes":[0-9]*' "$work/events" 2>/dev/null | head -1 | cut -d: -f2 || true); fi
    if [ -n "$want" ] && [ "${count:-0}" -ge "$want" ]; then break; fi
    sleep 0.02
  done
  bird_done=$(ms)
  cpu=$(awk '{print ($14 + $15) / 100}' "/proc/$speaker/stat" 2>/dev/null || echo "?")
  bird_cpu=$(awk '{print ($14 + $15) / 100}' "/proc/$(cat "$work/bird.pid")/stat")
  kill -TERM "$speaker"; wait "$speaker" || true
  established=$(grep '"established"' "$work/events" | grep -o '"ms":[0-9]*' | cut -d: -f2)
  eor=$(grep '"eor-sent"' "$work/events" | grep -o '"ms":[0-9]*' | cut -d: -f2)
  loaded=$(grep '"loaded"' "$work/events" | grep -o '"ms":[0-9]*' | cut -d: -f2)
  # Both intervals start at Established (the speaker's clock starts with its JVM, a few ms after $start).
  echo "run $run: $want routes; speaker: sent all in $((eor - established)) ms, CPU ${cpu} s for the whole process" \
       "(JVM start and MRT load of ${loaded} ms included); BIRD: holds all $((bird_done - start - established)) ms" \
       "after Established, CPU ${bird_cpu} s"
  kill "$(cat "$work/bird.pid")"; sleep 0.5
done
