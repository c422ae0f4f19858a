#!/usr/bin/env bash
# Route servers side by side: peerage, BIRD 2, OpenBGPD, GoBGP and FRR, each in turn with the same clients.
#
# Clients: one `peerage speaker` process with N sessions from 127.1.0.1.. (AS 64601..), each announcing its share of
# the 2015 full table (real AS paths and communities, AS3856's 577,703 prefixes, next hops 198.18.0.1 + i) and each
# counting what it receives. The run ends when every client holds every prefix some other client announces
# (counted on the client side: `--expect-others`), or at the time limit. Then, optionally, 10 % of the clients
# flap (Cease, then reconnect) and the import policy changes on every client (reject IPv4 longer than /22).
#
# Usage: bench/routeserver/run.sh [-d peerage,bird,openbgpd,gobgp,frr,null] [-s 10x20k,30x10k,100x5k,full10x30]
#                                 [-p PASSES] [-t SECONDS] [-x] [-f MAXLEN] [-o OUTDIR]
#   -d  daemons, in this order in each pass (null: no route server, speakers talk to speakers: the harness's floor)
#   -s  scenarios: NxK = N clients announcing K prefixes each, disjoint; NxK/2 = pairs of clients announcing the
#       same prefixes (best path selection, path hiding); full10x30 = 10 clients announce the full table, 30 in all
#   -p  passes (default 3; the report gives medians); every daemon runs once per pass, back to back
#   -t  time limit per phase, seconds (default 300)
#   -x  extra phases: flap 10 % of the clients, then the policy reload
#   -f  the filtered pass: every daemon starts with its import policy rejecting IPv4 longer than /MAXLEN (the rule
#       every one of them supports alike; peerage also checks each client's next hop), and the clients expect that
#   -o  output folder (default bench/routeserver/results/DATE)
# Output: OUTDIR/<daemon>-<scenario>-<pass>/run.json per run, OUTDIR/summary.json, OUTDIR/report.md, OUTDIR/chart.png.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/routeserver"
. "$HERE/daemons.sh"

daemons="peerage,bird,openbgpd,gobgp,frr"
scenarios="10x20k"
passes=3
limit=300
extra=0
out=""
START_MAXLEN=0
while getopts "d:s:p:t:xf:o:" opt; do
  case $opt in
    d) daemons=$OPTARG ;; s) scenarios=$OPTARG ;; p) passes=$OPTARG ;; t) limit=$OPTARG ;; x) extra=1 ;;
    f) START_MAXLEN=$OPTARG ;;
    o) out=$OPTARG ;; *) sed -n 2,22p "$0"; exit 2 ;;
  esac
done
export START_MAXLEN
out="${out:-$HERE/results/$(date -u +%Y%m%d-%H%M%S)}"
mkdir -p "$out"
MRT="$ROOT/../shared/data/mrt/bgpdump_updates.et-header.2015.gz"
[ -f "$MRT" ] || { echo "missing $MRT (../shared/data)" >&2; exit 2; }
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
"$ROOT/peerage" --version > /dev/null   # build now, not inside a timed run
HZ=$(getconf CLK_TCK)

ms() { date +%s%3N; }
# Process tree of a pid (the pid first), from /proc without forking ps.
tree_pids() {
  local p=$1 c
  [ -d "/proc/$p" ] || return 0
  echo "$p"
  for c in $(cat /proc/"$p"/task/*/children 2>/dev/null); do tree_pids "$c"; done
}
tree_rss_kb() { local s=0 p r; for p in $(tree_pids "$1"); do
  r=$(awk '/^VmRSS/ {print $2}' "/proc/$p/status" 2>/dev/null || true); s=$((s + ${r:-0})); done; echo "$s"; }
tree_hwm_kb() { local s=0 p r; for p in $(tree_pids "$1"); do
  r=$(awk '/^VmHWM/ {print $2}' "/proc/$p/status" 2>/dev/null || true); s=$((s + ${r:-0})); done; echo "$s"; }
# CPU ticks of the tree, reaped children included.
tree_cpu_ticks() { local s=0 p t; for p in $(tree_pids "$1"); do
  t=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$p/stat" 2>/dev/null || true); s=$((s + ${t:-0})); done; echo "$s"; }
# CPU seconds per thread name of the tree (JIT compilers, GC and network threads apart), largest first.
tree_thread_cpu() { local p t; for p in $(tree_pids "$1"); do for t in /proc/"$p"/task/*; do
  awk -v hz="$HZ" -v name="$(cat "$t/comm" 2>/dev/null)" '{printf "%.2f\t%s\n", ($14 + $15) / hz, name}' "$t/stat" 2>/dev/null
  done; done | awk -F'\t' '{c[$2] += $1} END {for (n in c) printf "%.2f\t%s\n", c[n], n}' | sort -rn; }
listening() { ss -Htln "sport = :$1" 2>/dev/null | grep -q .; }

# The event of the speaker's events file matching a pattern, waiting at most $2 seconds; empty when it timed out.
# Gives up early (and says "quiet") when the speaker's UPDATE count has not moved for QUIET seconds (default 20; BIRD can
# take longer than that to establish 100 sessions, with no UPDATE meanwhile).
QUIET=${QUIET:-20}
await() {
  local pattern=$1 secs=$2 events=$3 deadline line last_updates="" still=0 now
  deadline=$(( $(ms) + secs * 1000 ))
  while [ "$(ms)" -lt "$deadline" ]; do
    line=$(grep -m1 -F "$pattern" "$events" || true)
    if [ -n "$line" ]; then echo "$line"; return 0; fi
    sleep 0.05
    now=$(( $(ms) / 1000 ))
    if [ "$now" != "${tick:-}" ]; then  # once a second: ask for counts, watch for progress
      tick=$now
      echo counts >&3
      local u; u=$(grep '"event":"counts"' "$events" | tail -1 | grep -o '"updates_since_mark":[0-9]*' | cut -d: -f2 || true)
      if [ -n "$u" ] && [ "$u" = "$last_updates" ] && [ "$u" != 0 ]; then
        still=$((still + 1)); [ "$still" -ge "$QUIET" ] && { echo quiet; return 0; }
      else still=0; fi
      last_updates=$u
    fi
  done
  echo timeout
}

outcome() { case $1 in '{'*) echo ok ;; *) echo "$1" ;; esac; }

scenario_args() { # prints: clients, speaker args; sets EXPECT_NOTE
  case $1 in
    full10x30) echo "30 --announcers 10 --overlap 10" ;;
    *x*) local n=${1%%x*} rest=${1#*x} k overlap=1
         case $rest in */*) overlap=${rest#*/}; rest=${rest%/*} ;; esac
         k=${rest%k}; k=$((k * 1000))
         echo "$n --limit $(( n / overlap * k )) --overlap $overlap" ;;
  esac
}

run_one() { # DAEMON SCENARIO PASS
  local daemon=$1 scenario=$2 pass=$3 work port n args speaker pid t0 label=start name=$2
  [ "$START_MAXLEN" = 0 ] || { label="maxlen $START_MAXLEN"; name="$scenario-f$START_MAXLEN"; }
  work="$out/$daemon-${name//\//_}-$pass"
  rm -rf "$work"; mkdir -p "$work"
  port=$((21000 + RANDOM % 20000))
  read -r n args <<< "$(scenario_args "$scenario")"
  case $args in *"--overlap 1"*) OVERLAP=0 ;; *) OVERLAP=1 ;; esac
  export OVERLAP
  {
    echo "daemon=$daemon"; echo "scenario=$name"; echo "pass=$pass"; echo "clients=$n"; echo "load_label=$label"
    echo "load_start=$(cut -d' ' -f1-3 /proc/loadavg)"
  } > "$work/meta.env"
  local events="$work/events.jsonl"
  mkfifo "$work/cmd"
  if [ "$daemon" = null ] && [ "$START_MAXLEN" != 0 ]; then
    echo "null: no filtered pass (there is no policy to apply)" >&2
    rm -rf "$work"
    return 0
  fi
  local launched; launched=$(ms)
  if [ "$daemon" = null ]; then
    # The floor: no route server. A passive speaker (127.2.0.x) offers each client the whole announced table.
    PEERAGE_JAVA_OPTS="${SPEAKER_JAVA_OPTS:-}" "$ROOT/peerage" speaker --local-as 65000 --router-id 10.2.0.1 --local-address 127.2.0.1 --passive \
        --listen-port "$port" --peer "127.1.0.1:179" --peer-step --peer-as 0 --count "$n" --hold-time 240 \
        --announce-mrt "$MRT" --mrt-peer as:3856 $(echo "$args" | grep -o -- '--limit [0-9]*' || true) \
        --next-hop 198.18.0.1 --next-hop-step > "$work/null-events.jsonl" 2> "$work/daemon.log" &
    pid=$!
    echo "$pid" > "$work/daemon.pid"
    local want
    # Every client receives the whole announced table (its own share included) from the null receiver.
    want=$(echo "$args" | grep -o -- '--limit [0-9]*' | cut -d' ' -f2 || true)
    [ -n "$want" ] || want=577699
    expect="--expect-routes $want"
    peer="127.2.0.1:$port --peer-step"
  else
    "${daemon}_start" "$work" "$port" "$n"
    pid=$(cat "$work/daemon.pid")
    expect="--expect-others"
    peer="$RS_ADDR:$port"
  fi
  local deadline=$(( $(ms) + 60000 ))
  until listening "$port"; do
    [ "$(ms)" -lt "$deadline" ] && kill -0 "$pid" 2>/dev/null || { echo "$daemon did not listen on $port" >&2; cat "$work/daemon.log" >&2; kill "$pid" 2>/dev/null || true; return 1; }
    sleep 0.1
  done
  # What starting costs before the first client is taken (a JVM's start, peerage's warm-up): not in the figures below.
  echo "listening_after_ms=$(( $(ms) - launched ))" >> "$work/meta.env"
  sleep 2
  echo "idle_rss_kb=$(tree_rss_kb "$pid")" >> "$work/meta.env"
  local idle_cpu; idle_cpu=$(tree_cpu_ticks "$pid")
  echo "startup_cpu_s=$(awk -v a="$idle_cpu" -v hz="$HZ" 'BEGIN {print a / hz}')" >> "$work/meta.env"
  tree_thread_cpu "$pid" > "$work/thread-cpu-idle.tsv"
  ( while kill -0 "$pid" 2>/dev/null; do echo "$(ms) $(tree_rss_kb "$pid")"; sleep 0.1; done ) > "$work/rss.txt" &
  local sampler=$!
  local started; started=$(ms)
  # shellcheck disable=SC2086
  PEERAGE_JAVA_OPTS="${SPEAKER_JAVA_OPTS:-}" "$ROOT/peerage" speaker --local-as 64601 --router-id 10.1.0.1 --local-address 127.1.0.1 --count "$n" --split \
      $args --peer $peer --peer-as 0 --hold-time 240 --announce-mrt "$MRT" --mrt-peer as:3856 \
      --next-hop 198.18.0.1 --next-hop-step $expect --count-only --commands < "$work/cmd" > "$events" 2> "$work/speaker.log" &
  speaker=$!
  exec 3> "$work/cmd"
  # The filtered pass: the clients expect what the import policy lets through from the start.
  [ "$START_MAXLEN" = 0 ] || echo "maxlen $START_MAXLEN" >&3
  echo "speaker_started_epoch_ms=$started" >> "$work/meta.env"
  # The speaker's CPU once it has read the MRT file: what it spends after that is the load it generates and counts.
  for _ in $(seq 600); do grep -q '"event":"loaded"' "$events" 2>/dev/null && break; sleep 0.1; done
  echo "speaker_cpu_loaded_s=$(awk -v hz="$HZ" '{print ($14 + $15) / hz}' "/proc/$speaker/stat")" >> "$work/meta.env"
  local r
  r=$(await "\"event\":\"all-complete\",\"label\":\"$label\"" "$limit" "$events")
  echo "load_result=$(outcome "$r")" >> "$work/meta.env"
  local done_ms; done_ms=$(ms)
  sleep 5
  {
    echo "settled_rss_kb=$(tree_rss_kb "$pid")"
    echo "hwm_kb=$(tree_hwm_kb "$pid")"
    echo "cpu_s=$(awk -v a="$(tree_cpu_ticks "$pid")" -v b="$idle_cpu" -v hz="$HZ" 'BEGIN {print (a - b) / hz}')"
    echo "speaker_cpu_s=$(awk -v hz="$HZ" '{print ($14 + $15) / hz}' "/proc/$speaker/stat")"
    echo "load_after=$(cut -d' ' -f1-3 /proc/loadavg)"
  } >> "$work/meta.env"
  tree_thread_cpu "$pid" > "$work/thread-cpu.tsv"
  if [ "$extra" = 1 ] && [ "$r" != timeout ] && [ "$daemon" != null ]; then
    local flap=$(( n / 10 )); [ "$flap" -ge 1 ] || flap=1
    echo "flap_sessions=$flap" >> "$work/meta.env"
    echo "stop $((n - flap)) $n" >&3
    r=$(await "\"event\":\"all-complete\",\"label\":\"stop $((n - flap)) $n\"" "$limit" "$events")
    echo "flap_down_result=$(outcome "$r")" >> "$work/meta.env"
    sleep 2
    echo "start $((n - flap)) $n" >&3
    r=$(await "\"event\":\"all-complete\",\"label\":\"start $((n - flap)) $n\"" "$limit" "$events")
    echo "flap_up_result=$(outcome "$r")" >> "$work/meta.env"
    sleep 2
    echo "maxlen 22" >&3
    # The speaker's new targets and mark come first: wait for its echo of the command.
    for _ in $(seq 500); do grep -q '"line":"maxlen 22"' "$events" && break; sleep 0.01; done
    echo "reload_epoch_ms=$(ms)" >> "$work/meta.env"
    "${daemon}_policy" "$work" "$port" "$n" 22
    r=$(await '"event":"all-complete","label":"maxlen 22"' "$limit" "$events")
    echo "reload_result=$(outcome "$r")" >> "$work/meta.env"
    if [ "$(outcome "$r")" != ok ] && [ "$daemon" = peerage ]; then  # evidence for a report
      "$JAVA_HOME/bin/jcmd" "$pid" Thread.print > "$work/threads-after-reload.txt" 2>&1 || true
    fi
    sleep 3   # a daemon that overshoots (withdraws then re-announces) shows in the last all-complete
    echo "reload_cpu_s=$(awk -v a="$(tree_cpu_ticks "$pid")" -v hz="$HZ" 'BEGIN {print a / hz}')" >> "$work/meta.env"
  fi
  echo counts >&3; sleep 0.3
  echo "speaker_cpu_end_s=$(awk -v hz="$HZ" '{print ($14 + $15) / hz}' "/proc/$speaker/stat")" >> "$work/meta.env"
  exec 3>&-
  kill -TERM "$speaker" 2>/dev/null || true
  wait "$speaker" 2>/dev/null || true
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true
  python3 "$HERE/summarize.py" run "$work" > "$work/run.json"
  python3 "$HERE/summarize.py" line "$work/run.json"
}

{
  echo "date=$(date -u +%Y-%m-%dT%H:%MZ)"
  echo "command=bench/routeserver/run.sh $*"
  echo "daemons=$daemons"
  echo "machine=$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)"
  for d in ${daemons//,/ }; do [ "$d" = null ] || echo "version_$d=$("${d}_version")"; done
  echo "version_java=$("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
} > "$out/meta.env"
cat "$out/meta.env"
for p in $(seq "$passes"); do
  for s in ${scenarios//,/ }; do
    for d in ${daemons//,/ }; do
      run_one "$d" "$s" "$p" || echo "run $d $s $p failed" >&2
    done
  done
done
python3 "$HERE/summarize.py" report "$out" > "$out/report.md"
"$JAVA_HOME/bin/java" "$HERE/Chart.java" "$out/chart.tsv" "$out/chart.png"
cat "$out/report.md"
echo "results in $out"
