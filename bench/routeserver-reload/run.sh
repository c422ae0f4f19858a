#!/usr/bin/env bash
# Hitless reload at scale: how long the route server takes to re-evaluate every path after a filter change.
# Two clients (one `peerage speaker --count 2` process) each announce the 2015 full table (577,699 prefixes of AS3856; the sessions are AS3856 and AS3857, public ASes, so that the private-AS check passes)
# to `peerage routeserver`: 1,155,406 paths in its RIB. Then max_as_path_len goes from 32 to 6 and back, each
# applied with POST /api/reload. Reported per reload: the route server's own figure (re-evaluation of every path
# and the export decisions, from the API's answer), and the time from the request until the route server has
# written every difference to both clients (no prefix pending in /metrics, and routes_sent_total still for 200 ms).
# Usage: bench/routeserver-reload/run.sh [RUNS]      (loopback only; stops what it starts)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-3}"
mrt="$root/../shared/data/mrt/bgpdump_updates.et-header.2015.gz"
[ -f "$mrt" ] || { echo "missing $mrt (../shared/data)" >&2; exit 2; }
work="$(mktemp -d)"
port=$((20000 + RANDOM % 20000))
http=$((port + 1))
pids=()
cleanup() { for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
config() {
  cat > "$work/rs.yaml" <<CONF
asn: 65000
router_id: 10.0.0.1
listen: [127.0.0.1:$port]
http: {listen: 127.0.0.1:$http}
filters: {max_as_path_len: $1, max_prefix: {general_limit_ipv4: 1000000}}
clients:
  - {asn: 3856, ip: 127.1.0.1}
  - {asn: 3857, ip: 127.1.0.2}
CONF
}
ms() { date +%s%3N; }
metric_sum() { curl -s "http://127.0.0.1:$http/metrics" | awk -v m="$1" '$1 ~ "^"m"[{ ]" || $1 == m {s += $NF} END {printf "%d\n", s}'; }
"$root/peerage" --version >/dev/null
config 32
"$root/peerage" routeserver --config "$work/rs.yaml" > "$work/rs.log" 2>&1 &
rs=$!; pids+=("$rs")
for _ in $(seq 200); do curl -s "http://127.0.0.1:$http/status" >/dev/null 2>&1 && break; sleep 0.1; done
"$root/peerage" speaker --count 2 --local-as 3856 --router-id 10.0.0.2 --local-address 127.1.0.1 \
    --peer "127.0.0.1:$port" --peer-as 65000 --announce-mrt "$mrt" --mrt-peer as:3856 > "$work/speaker.log" 2>&1 &
pids+=("$!")
want=$((2 * 577699))
deadline=$(( $(ms) + 300000 ))
until [ "$(metric_sum peerage_rs_rib_paths)" -ge "$want" ]; do
  [ "$(ms)" -lt "$deadline" ] || { echo "the RIB never held $want paths" >&2; tail "$work/rs.log" >&2; exit 1; }
  sleep 0.5
done
settle() { # until nothing is pending and nothing more is sent for 200 ms
  local last=-1 now
  while true; do
    now=$(metric_sum peerage_rs_routes_sent_total)
    if [ "$(metric_sum peerage_rs_output_pending_prefixes)" -eq 0 ] && [ "$now" -eq "$last" ]; then return; fi
    last=$now; sleep 0.2
  done
}
settle
echo "RIB: $(metric_sum peerage_rs_rib_paths) paths, $(metric_sum peerage_rs_rib_prefixes) prefixes; RSS $(awk '/VmRSS/ {print $2 / 1024 " MiB"}' /proc/$rs/status)"
printf '%-6s %-10s %-10s %-12s %-14s %-14s\n' run limit paths changed "reload (rs)" "all written"
for run in $(seq "$runs"); do
  for limit in 6 32; do
    config "$limit"
    sent0=$(metric_sum peerage_rs_routes_sent_total)
    t0=$(ms)
    answer=$(curl -s -X POST "http://127.0.0.1:$http/api/reload")
    settle
    t1=$(( $(ms) - 200 )) # the last 200 ms were the quiet check
    seconds=$(grep -o '"seconds": *[0-9.]*' <<<"$answer" | grep -o '[0-9.]*$')
    paths=$(grep -o '"paths_reevaluated": *[0-9]*' <<<"$answer" | grep -o '[0-9]*$')
    changed=$(grep -o '"paths_changed": *[0-9]*' <<<"$answer" | grep -o '[0-9]*$')
    printf '%-6s %-10s %-10s %-12s %-14s %-14s\n' "$run" "$limit" "$paths" "$changed" "${seconds} s" \
        "$(( t1 - t0 )) ms ($(( $(metric_sum peerage_rs_routes_sent_total) - sent0 )) sent)"
  done
done
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
