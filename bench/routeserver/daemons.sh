# Route server configurations for the benchmark, one set of functions per daemon (sourced by run.sh).
#
#   <daemon>_start WORK PORT N     write WORK's configuration for N clients (127.1.0.1.. AS 64601..) and start the
#                                  daemon in the foreground, in the background; its pid goes to WORK/daemon.pid
#                                  (with START_MAXLEN set, already with the policy of <daemon>_policy for it)
#   <daemon>_policy WORK MAXLEN    write the configuration again with an import policy that rejects IPv4 prefixes
#                                  longer than /MAXLEN from every client (0: filters off) and make the daemon apply it
#   <daemon>_version               one line
#
# Every daemon: transparent (no own AS in the path, next hop unchanged), passive (the clients connect), IPv4 unicast,
# no import or export filtering beyond MAXLEN. OVERLAP=1 (several clients announce the same prefixes) adds what each
# daemon needs to send a client the best path among the others' when its own is the best (path hiding). RS_AS is the route server's AS; clients are AS 64601 + i.
RS_AS=64800   # appears in no AS path of the 2015 table (65000 does, 83 times: BIRD drops those as loops)
RS_ID=10.0.0.1
RS_ADDR=127.0.0.1

# Runs a command with SIGHUP and SIGINT at their defaults: a harness started under nohup (or in the background)
# passes them on ignored, and a JVM keeps an ignored SIGHUP ignored, so a reload signal would be lost.
# (An array, not a function: "$!" must be the daemon's pid, which the exec keeps.)
DFL=(python3 -c 'import os, signal, sys
signal.signal(signal.SIGHUP, signal.SIG_DFL); signal.signal(signal.SIGINT, signal.SIG_DFL)
os.execvp(sys.argv[1], sys.argv[1:])')

client_ip() { echo "127.1.$(( ($1 + 1) / 256 )).$(( ($1 + 1) % 256 ))"; }
client_as() { echo $((64601 + $1)); }
client_nh() { echo "198.18.$(( ($1 + 1) / 256 )).$(( ($1 + 1) % 256 ))"; }

# ---- peerage -------------------------------------------------------------------------------------------------------
peerage_config() { # WORK PORT N MAXLEN
  local work=$1 port=$2 n=$3 maxlen=$4 i
  {
    echo "asn: $RS_AS"
    echo "router_id: $RS_ID"
    echo "listen: [\"$RS_ADDR:$port\"]"
    if [ "$maxlen" = 0 ]; then
      echo "filters: {enabled: false}"
    else
      # Every import check off but the prefix length: the same single rule as the other daemons' policy.
      echo "filters:"
      echo "  ipv4_pref_len: {min: 0, max: $maxlen}"
      echo "  bogons: false"
      echo "  max_as_path_len: 255"
      echo "  reject_invalid_as_in_as_path: false"
      echo "  enforce_first_as: false"
      echo "  transit_free: {action: none}"
      echo "  max_prefix: {action: warning, general_limit_ipv4: 10000000}"
    fi
    echo "rfc1997_wellknown_communities: {policy: pass}"
    echo "informational_communities: false"
    echo "clients:"
    for i in $(seq 0 $((n - 1))); do
      if [ "$maxlen" = 0 ]; then
        echo "  - {asn: $(client_as "$i"), ip: [$(client_ip "$i")]}"
      else
        echo "  - {asn: $(client_as "$i"), ip: [$(client_ip "$i")], filters: {next_hop: {policy: authorized_addresses, authorized_addresses_list: [$(client_nh "$i")]}}}"
      fi
    done
  } > "$work/rs.yaml"
}
peerage_start() {
  peerage_config "$1" "$2" "$3" "${START_MAXLEN:-0}"
  PEERAGE_JAVA_OPTS="${RS_JAVA_OPTS:-}" "${DFL[@]}" "$ROOT/peerage" routeserver --config "$1/rs.yaml" > "$1/daemon.log" 2>&1 &
  echo $! > "$1/daemon.pid"
}
peerage_policy() {
  peerage_config "$1" "$2" "$3" "$4"
  kill -HUP "$(cat "$1/daemon.pid")"
}
peerage_version() { echo "peerage $(cd "$ROOT" && git rev-parse --short HEAD)"; }

# ---- BIRD 2 --------------------------------------------------------------------------------------------------------
bird_config() {
  local work=$1 port=$2 n=$3 maxlen=$4 i filter="import all"
  [ "$maxlen" = 0 ] || filter="import where net.len <= $maxlen"
  {
    echo "log \"$work/bird.log\" { warning, error, fatal };"
    echo "router id $RS_ID;"
    echo "protocol device { scan time 60; }"
    # Next hops (198.18/15) resolve through a default route of a table of our own: multihop sessions resolve them.
    echo "ipv4 table igp4;"
    echo "protocol static igpr4 { ipv4 { table igp4; }; route 0.0.0.0/0 blackhole; }"
    echo "template bgp rsclient {"
    echo "  local $RS_ADDR port $port as $RS_AS;"
    echo "  passive on; multihop; rs client; enforce first as off;"
    echo "  hold time 240; keepalive time 80; error wait time 1, 2;"
    # No path-hiding mitigation: BIRD's "secondary" needs a sorted table, which recursive next hops (multihop on
    # loopback) prohibit. With OVERLAP, a client whose path is the best misses that prefix.
    echo "  ipv4 { $filter; export all; next hop keep; igp table igp4; };"
    echo "}"
    for i in $(seq 0 $((n - 1))); do
      echo "protocol bgp c$i from rsclient { neighbor $(client_ip "$i") as $(client_as "$i"); }"
    done
  } > "$work/bird.conf"
}
bird_start() {
  bird_config "$1" "$2" "$3" "${START_MAXLEN:-0}"
  "${DFL[@]}" bird -f -c "$1/bird.conf" -s "$1/bird.ctl" -P "$1/bird.pid" > "$1/daemon.log" 2>&1 &
  echo $! > "$1/daemon.pid"
}
bird_policy() {
  bird_config "$1" "$2" "$3" "$4"
  # "soft": apply the new filters to the routes held (BIRD keeps the unfiltered input: import table not needed for
  # rejects; re-accepting needs a route refresh, which the speaker answers) without restarting the sessions.
  birdc -s "$1/bird.ctl" configure soft > "$1/reload.log" 2>&1
  birdc -s "$1/bird.ctl" reload in all >> "$1/reload.log" 2>&1
}
bird_version() { bird --version 2>&1 | head -1; }

# ---- OpenBGPD ------------------------------------------------------------------------------------------------------
openbgpd_config() {
  local work=$1 port=$2 n=$3 maxlen=$4 i
  {
    echo "AS $RS_AS"
    echo "router-id $RS_ID"
    echo "socket \"$work/bgpd.sock\""
    echo "listen on $RS_ADDR port $port"
    echo "fib-update no"
    echo "nexthop qualify via default"
    echo "group clients {"
    echo "  multihop 64"
    echo "  set nexthop no-modify"
    echo "  enforce neighbor-as no"
    echo "  transparent-as yes"
    [ "${OVERLAP:-0}" = 1 ] && echo "  rde evaluate all"   # path hiding: next best when the best may not go
    echo "  passive"
    echo "  holdtime 240"
    echo "  announce IPv4 unicast"
    echo "  announce IPv6 none"
    for i in $(seq 0 $((n - 1))); do
      echo "  neighbor $(client_ip "$i") { remote-as $(client_as "$i") }"
    done
    echo "}"
    echo "allow from any"
    echo "allow to any"
    [ "$maxlen" = 0 ] || echo "deny from any inet prefixlen > $maxlen"
  } > "$work/bgpd.conf"
}
openbgpd_start() {
  mkdir -p /run/openbgpd
  openbgpd_config "$1" "$2" "$3" "${START_MAXLEN:-0}"
  "${DFL[@]}" bgpd -d -f "$1/bgpd.conf" > "$1/daemon.log" 2>&1 &
  echo $! > "$1/daemon.pid"
}
openbgpd_policy() {
  openbgpd_config "$1" "$2" "$3" "$4"
  bgpctl -s "$1/bgpd.sock" reload > "$1/reload.log" 2>&1
}
openbgpd_version() { bgpd -V 2>&1 | head -1; }

# ---- GoBGP ---------------------------------------------------------------------------------------------------------
gobgp_config() {
  local work=$1 port=$2 n=$3 maxlen=$4 i
  {
    echo "[global.config]"
    echo "  as = $RS_AS"
    echo "  router-id = \"$RS_ID\""
    echo "  port = $port"
    echo "  local-address-list = [\"$RS_ADDR\"]"
    if [ "$maxlen" != 0 ]; then
      echo "[[defined-sets.prefix-sets]]"
      echo "  prefix-set-name = \"too-long\""
      echo "  [[defined-sets.prefix-sets.prefix-list]]"
      echo "    ip-prefix = \"0.0.0.0/0\""
      echo "    masklength-range = \"$((maxlen + 1))..32\""
      echo "[[policy-definitions]]"
      echo "  name = \"maxlen\""
      echo "  [[policy-definitions.statements]]"
      echo "    [policy-definitions.statements.conditions.match-prefix-set]"
      echo "      prefix-set = \"too-long\""
      echo "    [policy-definitions.statements.actions]"
      echo "      route-disposition = \"reject-route\""
    fi
    for i in $(seq 0 $((n - 1))); do
      echo "[[neighbors]]"
      echo "  [neighbors.config]"
      echo "    neighbor-address = \"$(client_ip "$i")\""
      echo "    peer-as = $(client_as "$i")"
      echo "  [neighbors.transport.config]"
      echo "    local-address = \"$RS_ADDR\""
      echo "    passive-mode = true"
      echo "  [neighbors.timers.config]"
      echo "    hold-time = 240"
      echo "    keepalive-interval = 80"
      echo "  [neighbors.route-server.config]"
      echo "    route-server-client = true"
      if [ "$maxlen" != 0 ]; then  # route-server clients have RIBs of their own: the policy is theirs
        echo "  [neighbors.apply-policy.config]"
        echo "    import-policy-list = [\"maxlen\"]"
        echo "    default-import-policy = \"accept-route\""
      fi
      echo "  [[neighbors.afi-safis]]"
      echo "    [neighbors.afi-safis.config]"
      echo "      afi-safi-name = \"ipv4-unicast\""
    done
  } > "$work/gobgpd.toml"
}
gobgp_start() {
  gobgp_config "$1" "$2" "$3" "${START_MAXLEN:-0}"
  local api=$(( $2 + 1 ))
  echo "$api" > "$1/api.port"
  "${DFL[@]}" gobgpd -f "$1/gobgpd.toml" --api-hosts "127.0.0.1:$api" --pprof-disable --log-plain --log-level warn \
      > "$1/daemon.log" 2>&1 &
  echo $! > "$1/daemon.pid"
}
gobgp_policy() {
  gobgp_config "$1" "$2" "$3" "$4"
  kill -HUP "$(cat "$1/daemon.pid")"
  sleep 0.5
  gobgp -p "$(cat "$1/api.port")" neighbor all softresetin > "$1/reload.log" 2>&1 || true
}
gobgp_version() { gobgpd --version 2>&1 | head -1; }

# ---- FRR -----------------------------------------------------------------------------------------------------------
frr_config() {
  local work=$1 port=$2 n=$3 maxlen=$4 i
  {
    echo "frr defaults traditional"
    echo "hostname rs-bench"
    echo "log file $work/bgpd.log warnings"
    if [ "$maxlen" != 0 ]; then
      echo "ip prefix-list maxlen seq 5 permit 0.0.0.0/0 le $maxlen"
    fi
    echo "router bgp $RS_AS"
    echo " bgp router-id $RS_ID"
    echo " no bgp ebgp-requires-policy"
    echo " no bgp default ipv4-unicast"
    echo " no bgp network import-check"
    echo " neighbor clients peer-group"
    echo " neighbor clients passive"
    echo " neighbor clients disable-connected-check"
    echo " neighbor clients timers 80 240"
    echo " neighbor clients advertisement-interval 0"
    for i in $(seq 0 $((n - 1))); do
      echo " neighbor $(client_ip "$i") remote-as $(client_as "$i")"
      echo " neighbor $(client_ip "$i") peer-group clients"
    done
    echo " address-family ipv4 unicast"
    echo "  neighbor clients activate"
    echo "  neighbor clients route-server-client"
    echo "  neighbor clients attribute-unchanged next-hop"
    [ "$maxlen" = 0 ] || echo "  neighbor clients prefix-list maxlen in"
    echo " exit-address-family"
    echo "exit"
  } > "$work/bgpd.conf"
}
frr_start() {
  frr_config "$1" "$2" "$3" "${START_MAXLEN:-0}"
  "${DFL[@]}" /usr/lib/frr/bgpd -f "$1/bgpd.conf" -i "$1/bgpd.pid" --vty_socket "$1" -A 127.0.0.1 -P 0 -p "$2" -l "$RS_ADDR" \
      -n -Z -S > "$1/daemon.log" 2>&1 &
  echo $! > "$1/daemon.pid"
}
frr_policy() {
  # vtysh applies the change to the running bgpd (its configuration file is only read at start).
  frr_config "$1" "$2" "$3" "$4"
  if [ "$4" = 0 ]; then
    vtysh --vty_socket "$1" -d bgpd -c "configure terminal" -c "router bgp $RS_AS" -c "address-family ipv4 unicast" \
        -c "no neighbor clients prefix-list maxlen in" > "$1/reload.log" 2>&1
  else
    vtysh --vty_socket "$1" -d bgpd -c "configure terminal" -c "ip prefix-list maxlen seq 5 permit 0.0.0.0/0 le $4" \
        -c "router bgp $RS_AS" -c "address-family ipv4 unicast" -c "neighbor clients prefix-list maxlen in" \
        > "$1/reload.log" 2>&1
  fi
}
frr_version() { /usr/lib/frr/bgpd --version 2>&1 | head -1; }
