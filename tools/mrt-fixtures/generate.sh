#!/usr/bin/env bash
# Produce MRT dumps written by real BGP implementations (BIRD 2 and GoBGP) for
# golden tests of `peerage mrt dump`.
#
#   usage: tools/mrt-fixtures/generate.sh OUTDIR
#
# Topology: four daemons on loopback addresses and unprivileged ports; every
# session is eBGP over IPv4 and carries IPv4 and IPv6 unicast (MP-BGP).
#
#   BIRD a  (AS65001, 127.0.0.2:PORT+2)  originates N4 IPv4 + N6 IPv6 seeded
#                                         random routes (static protocols)
#   GoBGP g (AS65003, 127.0.0.3:PORT+3)  peers with a, b, h; adds a few local
#                                         routes (AS_SETs, AGGREGATOR, well-known
#                                         communities, a 2nd path for some of
#                                         a's prefixes)
#   BIRD b  (AS65002, 127.0.0.4:PORT+4)  collector: peers with a and g; writes
#                                         BGP4MP (mrtdump) and TABLE_DUMP_V2
#   GoBGP h (AS65005, 127.0.0.5:PORT+5)  collector: peers with a and g; writes
#                                         BGP4MP updates and TABLE_DUMP_V2
#
#   ADD-PATH: a -> g IPv4 only; g -> b, g -> h IPv4 and IPv6 (up to 4 paths);
#             a -> b and a -> h none.
#
# Outputs in OUTDIR (see README.md): bird-bgp4mp.mrt, bird-table.mrt,
# bird-table-addpath.mrt (from b); gobgp-updates.mrt, gobgp-table.mrt (from h);
# gobgp-table-localroutes.mrt (from g); VERSIONS.txt.
#
# Next hops of routes are documentation addresses (198.51.100.x, 2001:db8::)
# because GoBGP refuses loopback next hops; nothing is ever sent to them.
#
# Environment knobs: SEED (default 20240601), N4 (3000), N6 (1500),
# PORT (default 1790: BGP ports PORT+2..PORT+5, GoBGP gRPC ports PORT+10/11),
# GOBGP_TABLE=0 to skip GoBGP's TABLE_DUMP_V2 files (gobgpd writes its first
# table dump 60 s after it starts, a hard minimum in gobgpd; with
# GOBGP_TABLE=0 the script takes ~15 s instead of ~65 s), KEEP_WORK=1 to keep
# the temporary directory with configs and daemon logs.
#
# Installs nothing. Needs bird and birdc (Debian package bird2), gobgpd and
# gobgp (Debian package gobgpd), bash 4.3+, coreutils, awk, grep. Uses bgpdump,
# if installed, to check every output file.
set -euo pipefail

SEED=${SEED:-20240601}
N4=${N4:-3000}
N6=${N6:-1500}
PORT=${PORT:-1790}
GOBGP_TABLE=${GOBGP_TABLE:-1}

die() { echo "generate.sh: $*" >&2; exit 1; }

[ $# -eq 1 ] || die "usage: $0 OUTDIR"
OUT=$1

missing=()
for b in bird birdc gobgpd gobgp; do
  command -v "$b" >/dev/null 2>&1 || missing+=("$b")
done
if [ ${#missing[@]} -gt 0 ]; then
  die "missing binaries: ${missing[*]} (they come with the Debian packages bird2 and gobgpd: apt-get install -y bird2 gobgpd)"
fi

mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
WORK=$(mktemp -d /tmp/mrt-fixtures.XXXXXX)
T0=$(( $(date +%s%N) / 1000000 ))
log() { local now=$(( $(date +%s%N) / 1000000 - T0 )); printf '[%3d.%01ds] %s\n' $((now / 1000)) $((now % 1000 / 100)) "$*" >&2; }

PIDS=()
alive() {  # running and not a zombie (kill -0 also succeeds on zombies)
  local st
  st=$(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null) || return 1
  [ -n "$st" ] && [ "$st" != Z ]
}
stop_daemons() {  # SIGTERM to what this script started, SIGKILL after 10 s
  local p i
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for ((i = 0; i < 100; i++)); do
    local any=0
    for p in "${PIDS[@]}"; do if alive "$p"; then any=1; fi; done
    [ $any = 0 ] && break
    sleep 0.1
  done
  for p in "${PIDS[@]}"; do
    if alive "$p"; then kill -9 "$p" 2>/dev/null || true; fi
    wait "$p" 2>/dev/null || true
  done
  PIDS=()
}
cleanup() {
  local rc=$?
  stop_daemons
  if [ "${KEEP_WORK:-0}" = 1 ] || [ $rc -ne 0 ]; then
    echo "generate.sh: work directory kept: $WORK" >&2
  else
    rm -rf "$WORK"
  fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

A_IP=127.0.0.2; G_IP=127.0.0.3; B_IP=127.0.0.4; H_IP=127.0.0.5
A_PORT=$((PORT + 2)); G_PORT=$((PORT + 3)); B_PORT=$((PORT + 4)); H_PORT=$((PORT + 5))
G_API=$((PORT + 10)); H_API=$((PORT + 11))
GOBGP_G=(gobgp -u "$G_IP" -p "$G_API")
GOBGP_H=(gobgp -u "$H_IP" -p "$H_API")

for ep in $A_IP:$A_PORT $G_IP:$G_PORT $B_IP:$B_PORT $H_IP:$H_PORT $G_IP:$G_API $H_IP:$H_API; do
  if (exec 3<>"/dev/tcp/${ep%:*}/${ep#*:}") 2>/dev/null; then die "$ep is already in use (choose another PORT=...)"; fi
done

OUTFILES=(bird-bgp4mp.mrt bird-table.mrt bird-table-addpath.mrt gobgp-updates.mrt gobgp-table.mrt gobgp-table-localroutes.mrt)
for f in "${OUTFILES[@]}" VERSIONS.txt; do rm -f "$OUT/$f"; done

# ------------------------------------------------------------------ routes
# bash's RANDOM is a deterministic generator once seeded.
RANDOM=$SEED
rand_asn() {   # -> $ASN; mostly 16-bit, sometimes 32-bit private / public
  local k=$((RANDOM % 10))
  if [ $k -lt 7 ]; then
    ASN=$((RANDOM % 64000 + 1)); if [ $ASN -eq 23456 ]; then ASN=23457; fi
  elif [ $k -lt 9 ]; then
    ASN=$(( 4200000000 + (RANDOM << 4) + RANDOM % 16 ))
  else
    ASN=$(( 131072 + (RANDOM << 2) + RANDOM % 4 ))
  fi
}
route_attrs() {  # -> $ATTRS, the body of a static route's attribute block
  local n i
  ATTRS=""
  n=$((RANDOM % 6))
  for ((i = 0; i < n; i++)); do rand_asn; ATTRS+="bgp_path.prepend($ASN); "; done
  case $((RANDOM % 8)) in
    0) ATTRS+="bgp_origin = ORIGIN_EGP; " ;;
    1|2) ATTRS+="bgp_origin = ORIGIN_INCOMPLETE; " ;;
  esac
  n=$((RANDOM % 4))
  for ((i = 0; i < n; i++)); do ATTRS+="bgp_community.add(($((RANDOM % 65535 + 1)),$((RANDOM * 2 % 65536)))); "; done
  n=$((RANDOM % 3))
  for ((i = 0; i < n; i++)); do rand_asn; ATTRS+="bgp_large_community.add(($ASN,$((RANDOM % 1000)),$(( (RANDOM << 15) + RANDOM )))); "; done
  if [ $((RANDOM % 10)) -eq 0 ]; then ATTRS+="bgp_ext_community.add((rt,$((RANDOM % 65535 + 1)),$((RANDOM)))); "; fi
  case $((RANDOM % 5)) in
    0) ;;
    1) ATTRS+="bgp_med = 0; " ;;
    2) ATTRS+="bgp_med = $((RANDOM % 1000)); " ;;
    3) ATTRS+="bgp_med = $(( (RANDOM << 17) + (RANDOM << 2) + RANDOM % 4 )); " ;;
    4) ATTRS+="bgp_med = $(( (RANDOM << 15) + RANDOM )); " ;;
  esac
  if [ $((RANDOM % 3)) -eq 0 ]; then ATTRS+="bgp_local_pref = $((RANDOM % 500)); "; fi
}

declare -A seen
gen4() {  # $1 = count
  local n=0 o1 len addr mask a
  while [ $n -lt "$1" ]; do
    o1=$((RANDOM % 223 + 1)); { [ $o1 -eq 10 ] || [ $o1 -eq 127 ]; } && continue
    len=$((RANDOM % 17 + 8))
    addr=$(( (o1 << 24) | (RANDOM << 9) | (RANDOM % 512) ))
    mask=$(( (0xffffffff << (32 - len)) & 0xffffffff ))
    addr=$(( addr & mask ))
    a="$((addr >> 24 & 255)).$((addr >> 16 & 255)).$((addr >> 8 & 255)).$((addr & 255))/$len"
    [ -n "${seen[$a]:-}" ] && continue
    seen[$a]=1; n=$((n + 1))
    route_attrs
    echo "  route $a blackhole { $ATTRS};"
  done
}
gen6() {
  local n=0 len i bits a keep x
  local -a h
  while [ $n -lt "$1" ]; do
    case $((RANDOM % 4)) in 0) len=32 ;; 1) len=48 ;; 2) len=$((RANDOM % 33 + 16)) ;; 3) len=$((RANDOM % 17 + 48)) ;; esac
    h=( $(( 0x2000 + RANDOM % 0x2000 )) $(( RANDOM * 2 % 65536 + RANDOM % 2 )) $(( RANDOM * 2 % 65536 )) $(( RANDOM * 2 % 65536 + 1 )) )
    a=""
    for i in 0 1 2 3; do
      bits=$(( len - 16 * i ))
      if [ $bits -le 0 ]; then keep=0
      elif [ $bits -ge 16 ]; then keep=${h[$i]}
      else keep=$(( h[i] & (0xffff << (16 - bits)) & 0xffff )); fi
      printf -v x '%x' "$keep"; a+="$x:"
    done
    a="${a}:/$len"
    a=${a/:0::/::}; a=${a/:0::/::}; a=${a/:0::/::}
    [ -n "${seen[$a]:-}" ] && continue
    seen[$a]=1; n=$((n + 1))
    route_attrs
    echo "  route $a blackhole { $ATTRS};"
  done
}

log "generating $N4 IPv4 + $N6 IPv6 routes (seed $SEED)"
W4=$((N4 / 10)); W6=$((N6 / 10))     # routes withdrawn later on
{
  echo "protocol static gen4 { ipv4;"; gen4 $((N4 - W4)); echo "}"
  echo "protocol static gen4w { ipv4;"; gen4 "$W4"; echo "}"
  echo "protocol static gen6 { ipv6;"; gen6 $((N6 - W6)); echo "}"
  echo "protocol static gen6w { ipv6;"; gen6 "$W6"; echo "}"
} > "$WORK/routes-a.conf"
# a few of the prefixes a originates are also originated locally by g, so g
# holds two paths for them and advertises both over ADD-PATH
DUP4=( $(grep -o 'route [0-9.]*/[0-9]*' "$WORK/routes-a.conf" | sed -n '5p;50p;500p' | cut -d' ' -f2) )
DUP6=( $(grep -o 'route [0-9a-f:]*:[0-9a-f:]*/[0-9]*' "$WORK/routes-a.conf" | sed -n '7p;70p' | cut -d' ' -f2) )

# ------------------------------------------------------------------ configs
common_bird() {  # $1 router id / local address, $2 name, $3 port, $4 AS
  cat <<EOF
log "$WORK/bird-$2.log" all;
router id $1;
debug protocols { states, events };
ipv4 table igp4;
ipv6 table igp6;
protocol device { }
# next hops are resolved recursively through these tables (a blackhole default)
protocol static igpr4 { ipv4 { table igp4; }; route 0.0.0.0/0 blackhole; }
protocol static igpr6 { ipv6 { table igp6; }; route ::/0 blackhole; }
template bgp peers {
  local $1 port $3 as $4;
  multihop;
  hold time 240; keepalive time 80;
  connect delay time 1; connect retry time 2; error wait time 1, 2;
}
EOF
}

{
  common_bird $A_IP a $A_PORT 65001
  cat "$WORK/routes-a.conf"
  cat <<EOF
filter to_peers {
  if proto ~ "igpr*" then reject;
  # MED is only sent to eBGP peers when it was set by the export filter
  if defined(bgp_med) then bgp_med = bgp_med;
  accept;
}
protocol bgp b from peers {
  neighbor $B_IP port $B_PORT as 65002;
  ipv4 { import all; export filter to_peers; igp table igp4; };
  ipv6 { import all; export filter to_peers; igp table igp6; next hop address 2001:db8:ffff::2; };
}
protocol bgp g from peers {
  neighbor $G_IP port $G_PORT as 65003;
  ipv4 { import all; export filter to_peers; igp table igp4; add paths on; next hop address 198.51.100.2; };
  ipv6 { import all; export filter to_peers; igp table igp6; next hop address 2001:db8:ffff::2; };
}
protocol bgp h from peers {
  neighbor $H_IP port $H_PORT as 65005;
  ipv4 { import all; export filter to_peers; igp table igp4; next hop address 198.51.100.2; };
  ipv6 { import all; export filter to_peers; igp table igp6; next hop address 2001:db8:ffff::2; };
}
EOF
} > "$WORK/bird-a.conf"

{
  common_bird $B_IP b $B_PORT 65002
  cat <<EOF
mrtdump "$OUT/bird-bgp4mp.mrt";
mrtdump protocols { states, messages };
filter from_peers {
  # some LOCAL_PREF variety in the collector's RIB
  if net.len > 20 && net.len < 24 then bgp_local_pref = 90 + net.len;
  accept;
}
protocol bgp a from peers {
  neighbor $A_IP port $A_PORT as 65001;
  mrtdump { states, messages };
  ipv4 { import filter from_peers; export none; igp table igp4; };
  ipv6 { import filter from_peers; export none; igp table igp6; next hop address 2001:db8:ffff::4; };
}
protocol bgp g from peers {
  neighbor $G_IP port $G_PORT as 65003;
  mrtdump { states, messages };
  ipv4 { import filter from_peers; export none; igp table igp4; add paths on; };
  ipv6 { import filter from_peers; export none; igp table igp6; add paths on; next hop address 2001:db8:ffff::4; };
}
# enabled once after convergence; every period it starts a new dump, which
# goes to a new file as the name contains the start time (%s: Unix seconds)
protocol mrt apdump {
  disabled;
  table "master*";
  filename "$WORK/apdump-%s.mrt";
  period 1;
  always add path on;
}
EOF
} > "$WORK/bird-b.conf"

gobgp_neighbor() {  # $1 local ip, $2 peer ip, $3 peer AS, $4 peer port, $5 passive, $6/$7 ADD-PATH for ipv4/ipv6 (0/1)
  cat <<EOF

[[neighbors]]
  [neighbors.config]
    neighbor-address = "$2"
    peer-as = $3
  [neighbors.timers.config]
    connect-retry = 1
    hold-time = 240
    keepalive-interval = 80
  [neighbors.transport.config]
    local-address = "$1"
    remote-port = $4
    passive-mode = $5
  [neighbors.ebgp-multihop.config]
    enabled = true
    multihop-ttl = 2
  [[neighbors.afi-safis]]
    [neighbors.afi-safis.config]
      afi-safi-name = "ipv4-unicast"
EOF
  if [ "$6" = 1 ]; then printf '    [neighbors.afi-safis.add-paths.config]\n      receive = true\n      send-max = 4\n'; fi
  cat <<EOF
  [[neighbors.afi-safis]]
    [neighbors.afi-safis.config]
      afi-safi-name = "ipv6-unicast"
EOF
  if [ "$7" = 1 ]; then printf '    [neighbors.afi-safis.add-paths.config]\n      receive = true\n      send-max = 4\n'; fi
}
# gobgpd expands an "updates" dump file name as a Go time layout (digits and
# words like "Mon" or "Jan" get replaced), so each gobgpd runs in its own
# directory and is given relative, layout-free file names.
gobgp_conf() {  # $1 ip, $2 port, $3 AS
  cat <<EOF
[global.config]
  as = $3
  router-id = "$1"
  port = $2
  local-address-list = ["$1"]

  # GoBGP rejects loopback next hops, so do not replace them with our address
  [global.apply-policy.config]
    export-policy-list = ["keep-next-hop"]
    default-export-policy = "accept-route"

[[policy-definitions]]
  name = "keep-next-hop"
  [[policy-definitions.statements]]
    name = "unchanged"
    [policy-definitions.statements.actions]
      route-disposition = "accept-route"
      [policy-definitions.statements.actions.bgp-actions]
        set-next-hop = "unchanged"

[[mrt-dump]]
  [mrt-dump.config]
    dump-type = "updates"
    file-name = "updates.mrt"
EOF
  if [ "$GOBGP_TABLE" = 1 ]; then
    cat <<EOF

[[mrt-dump]]
  [mrt-dump.config]
    dump-type = "table"
    file-name = "table.mrt"
    dump-interval = 60
EOF
  fi
}
mkdir -p "$WORK/g" "$WORK/h"
{
  gobgp_conf $G_IP $G_PORT 65003
  gobgp_neighbor $G_IP $A_IP 65001 $A_PORT true 1 0
  gobgp_neighbor $G_IP $B_IP 65002 $B_PORT true 1 1
  gobgp_neighbor $G_IP $H_IP 65005 $H_PORT true 1 1
} > "$WORK/g/gobgpd.toml"
{
  gobgp_conf $H_IP $H_PORT 65005
  gobgp_neighbor $H_IP $A_IP 65001 $A_PORT true 0 0
  gobgp_neighbor $H_IP $G_IP 65003 $G_PORT false 1 1
} > "$WORK/h/gobgpd.toml"

bird -p -c "$WORK/bird-a.conf" || die "bird-a.conf does not parse"
bird -p -c "$WORK/bird-b.conf" || die "bird-b.conf does not parse"
for d in g h; do
  gobgpd -d -f "$WORK/$d/gobgpd.toml" >"$WORK/$d/check.log" 2>&1 || { cat "$WORK/$d/check.log" >&2; die "$d/gobgpd.toml does not parse"; }
done

# ------------------------------------------------------------------ run
log "starting two gobgpd and two BIRD instances"
(cd "$WORK/g" && exec gobgpd -f gobgpd.toml --api-hosts "$G_IP:$G_API" --pprof-disable -p >gobgpd.log 2>&1) &
PIDS+=($!)
(cd "$WORK/h" && exec gobgpd -f gobgpd.toml --api-hosts "$H_IP:$H_API" --pprof-disable -p >gobgpd.log 2>&1) &
PIDS+=($!)
bird -f -c "$WORK/bird-a.conf" -s "$WORK/a.ctl" -P "$WORK/a.pid" >"$WORK/bird-a.out" 2>&1 &
PIDS+=($!)
bird -f -c "$WORK/bird-b.conf" -s "$WORK/b.ctl" -P "$WORK/b.pid" >"$WORK/bird-b.out" 2>&1 &
PIDS+=($!)
BA=(birdc -s "$WORK/a.ctl")
BB=(birdc -s "$WORK/b.ctl")

wait_for() {  # $1 timeout seconds, $2 description, rest: command that must succeed
  local t=$1 what=$2; shift 2
  local end=$(( $(date +%s) + t ))
  until "$@" >/dev/null 2>&1; do
    [ "$(date +%s)" -lt $end ] || die "timed out waiting for $what (logs in $WORK)"
    sleep 0.3
  done
}
bird_up() {  # $1 name of a birdc command array, $2 expected number of established BGP sessions
  local -n cmd=$1
  "${cmd[@]}" show protocols | awk -v want="$2" '$2 == "BGP" && $6 == "Established" { n++ } END { exit !(n == want) }'
}
gobgp_up() {  # $1 name of a gobgp command array, $2 expected number of established sessions
  local -n cmd=$1
  [ "$("${cmd[@]}" neighbor | grep -c Establ)" -eq "$2" ]
}
all_up() { bird_up BA 3 && bird_up BB 2 && gobgp_up GOBGP_G 3 && gobgp_up GOBGP_H 2; }
wait_for 30 "BGP sessions" all_up
log "all sessions established"

# local routes on g: AS_SETs, AGGREGATOR, well-known communities, LOCAL_PREF;
# some prefixes that a also announces (so g holds two paths for them)
g_add() { "${GOBGP_G[@]}" global rib add "$@" >/dev/null || die "gobgp global rib add $* failed"; }
g_add -a ipv4 203.0.113.0/24 origin igp nexthop 198.51.100.3 aspath "65010,{65011,65012}" med 5 local-pref 250 community 65003:100,no-peer aggregator 65010:192.0.2.10
g_add -a ipv4 203.0.113.128/25 origin egp nexthop 198.51.100.3 aspath "65010,65020,{4200000001,65021}" community no-export large-community 65003:1:2,4200000000:0:4294967295
g_add -a ipv4 198.18.0.0/15 origin incomplete nexthop 198.51.100.3 aspath "65030" community blackhole,65535:65284,65003:7 aggregator 4200000005:192.0.2.11
g_add -a ipv4 192.0.2.0/24 origin igp nexthop 198.51.100.3 aspath "{65040}" med 4294967295 local-pref 4294967295
g_add -a ipv4 100.64.0.0/10 origin igp nexthop 198.51.100.3 aspath "65050,65050,65050" community no-advertise
for p in "${DUP4[@]}"; do g_add -a ipv4 "$p" origin igp nexthop 198.51.100.3 aspath "65060,{65061,65062}" med 7; done
g_add -a ipv6 2001:db8:100::/48 origin igp nexthop 2001:db8::3 aspath "65010,{65011,65012}" community 65003:600 large-community 65003:6:6
g_add -a ipv6 2001:db8:200::/40 origin egp nexthop 2001:db8::3 aspath "65070,4200000007" med 77 aggregator 65070:192.0.2.12
g_add -a ipv6 2001:db8:ffff:1::/64 origin incomplete nexthop 2001:db8::3 aspath "65080" community no-export-subconfed
for p in "${DUP6[@]}"; do g_add -a ipv6 "$p" origin igp nexthop 2001:db8::3 aspath "65090" med 9; done

count_routes() {  # b's route count / h's IPv4 paths / h's IPv6 paths
  local h4 h6
  h4=$("${GOBGP_H[@]}" global rib -a ipv4 summary 2>/dev/null | awk '/Path/ { print $NF }')
  h6=$("${GOBGP_H[@]}" global rib -a ipv6 summary 2>/dev/null | awk '/Path/ { print $NF }')
  echo "$("${BB[@]}" show route count | awk '/routes for/ { s += $1 } END { print s + 0 }')/${h4:-0}/${h6:-0}"
}
converge() {  # wait until those counts have been stable for ~1.5 s
  local last=- cur stable=0 end=$(( $(date +%s) + $1 ))
  while [ "$(date +%s)" -lt $end ]; do
    cur=$(count_routes)
    if [ "$cur" = "$last" ] && [ "${cur%%/*}" -gt 0 ]; then stable=$((stable + 1)); else stable=0; fi
    if [ $stable -ge 5 ]; then echo "$cur"; return 0; fi
    last=$cur; sleep 0.3
  done
  die "routes did not converge (logs in $WORK)"
}
n=$(converge 40)
log "converged (routes at b / IPv4 paths at h / IPv6 paths at h: $n)"

# withdrawals: a drops ~10 % of its routes, g deletes one local route,
# then b bounces its session to g (state changes, NOTIFICATION, re-announcement)
"${BA[@]}" disable gen4w >/dev/null
"${BA[@]}" disable gen6w >/dev/null
"${GOBGP_G[@]}" global rib del -a ipv4 100.64.0.0/10 >/dev/null || true
n=$(converge 30)
"${BB[@]}" disable g >/dev/null
sleep 1
"${BB[@]}" enable g >/dev/null
wait_for 30 "b's session to g to come back" all_up
n=$(converge 30)
log "after withdrawals and a session bounce: $n"

# BIRD TABLE_DUMP_V2: a one-shot CLI dump of both tables into one file ...
"${BB[@]}" mrt dump table '"master*"' to "\"$OUT/bird-table.mrt\"" >/dev/null
# ... and one cycle of an MRT protocol with "always add path"
"${BB[@]}" enable apdump >/dev/null
wait_for 20 "BIRD's periodic MRT dump" grep -q "apdump: RIB table dump done" "$WORK/bird-b.log"
"${BB[@]}" disable apdump >/dev/null
log "BIRD table dumps written"

if [ "$GOBGP_TABLE" = 1 ]; then
  log "waiting for GoBGP's table dumps (the first one comes 60 s after gobgpd started)"
  wait_for 90 "GoBGP's table dumps" test -s "$WORK/g/table.mrt" -a -s "$WORK/h/table.mrt"
  for f in "$WORK/g/table.mrt" "$WORK/h/table.mrt"; do
    size=-1
    until [ "$(stat -c %s "$f")" = "$size" ]; do size=$(stat -c %s "$f"); sleep 0.5; done
  done
fi

log "stopping daemons"
stop_daemons

# the first dump of the MRT protocol (any later ones are ignored)
first=$(ls "$WORK"/apdump-*.mrt | sort | head -1)
cp "$first" "$OUT/bird-table-addpath.mrt"
cp "$WORK/h/updates.mrt" "$OUT/gobgp-updates.mrt"
if [ "$GOBGP_TABLE" = 1 ]; then
  # gobgpd writes a new dump every 60 s; the script stopped after the first one
  cp "$WORK/h/table.mrt" "$OUT/gobgp-table.mrt"
  cp "$WORK/g/table.mrt" "$OUT/gobgp-table-localroutes.mrt"
fi

# ------------------------------------------------------------------ report
{
  echo "generated $(date -u +%Y-%m-%dT%H:%M:%SZ) by tools/mrt-fixtures/generate.sh (SEED=$SEED N4=$N4 N6=$N6)"
  echo "bird:    $(bird --version 2>&1 | head -1)"
  echo "gobgpd:  $(gobgpd --version 2>&1 | head -1)"
  if command -v bgpdump >/dev/null 2>&1; then echo "bgpdump: $(bgpdump 2>&1 | sed -n 's/^bgpdump version //p' | head -1)"; fi
} > "$OUT/VERSIONS.txt"

status=0
for name in "${OUTFILES[@]}"; do
  f="$OUT/$name"
  [ -e "$f" ] || continue
  if [ ! -s "$f" ]; then echo "EMPTY: $f" >&2; status=1; continue; fi
  if command -v bgpdump >/dev/null 2>&1; then
    rc=0
    lines=$( { bgpdump -q -m "$f" 2>/dev/null || echo "rc=$?" >"$WORK/rc"; } | wc -l)
    note=""
    if [ -s "$WORK/rc" ]; then note=" (bgpdump failed: $(cat "$WORK/rc"))"; rm -f "$WORK/rc"; fi
    # bgpdump aborts on GoBGP's local-route peer indexes and loses whatever it had buffered: that file may show 0.
    if [ "$lines" -eq 0 ] && [ -z "$note" ]; then echo "bgpdump -m printed nothing for $f" >&2; status=1; fi
    printf '%-30s %9d bytes %7d bgpdump -m lines%s\n' "$name" "$(stat -c %s "$f")" "$lines" "$note" >&2
  else
    printf '%-30s %9d bytes\n' "$name" "$(stat -c %s "$f")" >&2
  fi
done
log "done"
exit $status
