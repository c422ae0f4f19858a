#!/usr/bin/env bash
# Does `peerage flow collect` keep up with softflowd exporting at full speed? softflowd reads a synthetic capture
# as fast as it can (-r) and exports NetFlow v9 and IPFIX to the collector on loopback; softflowd's own statistics
# say how many flows and datagrams it sent, the collector's counters how many it received.
# Usage: bench/flow/collector-vs-softflowd.sh [FLOWS] [PACKETS_PER_FLOW]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
. "$root/bin/jdk.sh"
find_jdk25 || exit 3
flows="${1:-1000000}"
packets="${2:-2}"
out="$root/bench/out/flow"
mkdir -p "$out"
command -v softflowd >/dev/null || { echo "softflowd is not installed (apt-get install softflowd)" >&2; exit 3; }
"$root/peerage" --version >/dev/null   # builds if needed
pcap="$out/traffic-$flows-$packets.pcap"
if [ ! -f "$pcap" ]; then
  "$JAVA_HOME/bin/java" -cp "$root/flow/target/classes" "$root/bench/flow/GenerateTraffic.java" "$pcap" "$flows" "$packets"
fi
echo "capture: $pcap ($(stat -c %s "$pcap") bytes, $flows flows x $packets packets)"
port=20955
for version in 9 10; do
  rm -f "$out/collect-$version.txt" "$out/collect-$version.err"
  nudp_before=$(awk '/^Udp:/ {n++} /^Udp:/ && n == 2 {print $3, $6}' /proc/net/snmp)
  "$root/peerage" flow collect --listen 127.0.0.1:$port --duration 600s >"$out/collect-$version.txt" 2>"$out/collect-$version.err" &
  collector=$!
  until grep -q listening "$out/collect-$version.err" 2>/dev/null; do sleep 0.1; done
  start=$(date +%s.%N)
  softflowd -r "$pcap" -n 127.0.0.1:$port -v $version >"$out/softflowd-$version.txt" 2>&1
  end=$(date +%s.%N)
  nudp_after=$(awk '/^Udp:/ {n++} /^Udp:/ && n == 2 {print $3, $6}' /proc/net/snmp)
  sleep 1
  kill -TERM $collector
  wait $collector || true
  exported=$(sed -n 's/^Flows exported: \([0-9]*\) (\([0-9]*\) records) in \([0-9]*\) packets.*/\2 \3/p' "$out/softflowd-$version.txt")
  received=$(awk '$1 == "127.0.0.1" {print $3, $2, $5, $6}' "$out/collect-$version.txt")
  read -r exp_records exp_packets <<<"$exported"
  read -r got_records got_packets malformed lost <<<"$received"
  read -r noports_before rcvbuf_before <<<"$nudp_before"
  read -r noports_after rcvbuf_after <<<"$nudp_after"
  printf 'v%s: softflowd exported %s records in %s datagrams in %.2f s; collector received %s records in %s datagrams, %s malformed, %s lost by sequence; kernel: %s receive-buffer drops, %s to no socket\n' \
    "$version" "$exp_records" "$exp_packets" "$(echo "$end - $start" | bc)" "$got_records" "$got_packets" "$malformed" "$lost" \
    "$((rcvbuf_after - rcvbuf_before))" "$((noports_after - noports_before))"
done
