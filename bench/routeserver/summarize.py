#!/usr/bin/env python3
"""Turns one benchmark run's files into run.json, or a folder of runs into summary.json and a Markdown table.

  summarize.py run WORKDIR      meta.env + events.jsonl + rss.txt -> JSON on stdout
  summarize.py line RUN.json    one line for the console
  summarize.py report OUTDIR    medians per daemon and scenario -> OUTDIR/summary.json, Markdown on stdout
"""
import json
import os
import statistics
import sys


def read_env(path):
    env = {}
    if os.path.exists(path):
        for line in open(path):
            if "=" in line:
                k, v = line.rstrip("\n").split("=", 1)
                env[k] = v
    return env


def num(v):
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def run(work):
    env = read_env(os.path.join(work, "meta.env"))
    events = []
    with open(os.path.join(work, "events.jsonl")) as f:
        for line in f:
            try:
                events.append(json.loads(line))
            except ValueError:
                pass
    loaded = next((e["ms"] for e in events if e["event"] == "loaded"), None)
    established = [e["ms"] for e in events if e["event"] == "established"]
    clients = int(env["clients"])
    # The first all-complete of each label; for the reload, the last one (a daemon may overshoot and come back).
    # The load's label: "start", or for the filtered pass the policy the clients expect from the start.
    load_label = env.get("load_label", "start")
    complete = {}
    for e in events:
        if e["event"] == "all-complete":
            reload = e["label"].startswith("maxlen") and e["label"] != load_label
            if e["label"] not in complete or reload:
                complete[e["label"]] = e
    first_est = established[:clients]
    start = complete.get(load_label)
    samples = []
    if os.path.exists(os.path.join(work, "rss.txt")):
        for line in open(os.path.join(work, "rss.txt")):
            parts = line.split()
            if len(parts) == 2 and parts[1].isdigit():
                samples.append((int(parts[0]), int(parts[1])))
    idle = num(env.get("idle_rss_kb")) or 0
    settled = num(env.get("settled_rss_kb"))
    paths_in = None
    eor = [e for e in events if e["event"] == "eor-sent"]
    if eor:
        paths_in = sum(e["routes"] for e in eor[:clients])
    counts = [e for e in events if e["event"] == "counts"]
    # Before any flap or reload: when the clients' total stopped changing (1 s resolution: the harness asks once a
    # second), for runs that never complete (e.g. path hiding) as well as for those that do.
    initial = []
    for e in events:
        line = e.get("line", "")
        if e["event"] == "command" and line.startswith(("stop", "maxlen")) and line != load_label:
            break
        if e["event"] == "counts":
            initial.append(e)
    settled_at = None
    start_done = next((e for e in events if e["event"] == "all-complete" and e["label"] == load_label), None)
    if start_done:
        initial = [{"routes": start_done["routes"], "ms": start_done["ms"]}]
    if initial:
        final = initial[-1]["routes"]
        settled_at = next(e["ms"] for e in initial if e["routes"] == final)
    r = {
        "daemon": env["daemon"],
        "scenario": env["scenario"],
        "pass": int(env["pass"]),
        "clients": clients,
        "paths_announced": paths_in,
        "routes_to_deliver": start["routes"] if start else (counts[-1]["target_routes"] if counts else None),
        "result": env.get("load_result"),
        "load_average_before": env.get("load_start"),
        "load_average_after": env.get("load_after"),
        "all_established_ms": (max(first_est) - loaded) if len(first_est) == clients and loaded is not None else None,
        "all_delivered_ms": (start["ms"] - loaded) if start and loaded is not None else None,
        "delivered_after_last_established_ms": (start["ms"] - max(first_est)) if start and first_est else None,
        "routes_held_at_end": counts[-1]["routes"] if counts else None,
        "routes_held_before_flap": initial[-1]["routes"] if initial else None,
        "last_change_ms": settled_at - loaded if settled_at is not None and loaded is not None else None,
        "listening_after_ms": num(env.get("listening_after_ms")),
        "startup_cpu_s": num(env.get("startup_cpu_s")),
        "idle_rss_mb": idle / 1024,
        "peak_rss_mb": max((s[1] for s in samples), default=0) / 1024,
        "peak_rss_hwm_mb": (num(env.get("hwm_kb")) or 0) / 1024,
        "settled_rss_mb": settled / 1024 if settled is not None else None,
        "bytes_per_path": round((settled - idle) * 1024 / paths_in, 1) if settled and paths_in else None,
        "cpu_s": num(env.get("cpu_s")),
        "speaker_cpu_s": num(env.get("speaker_cpu_s")),
        "speaker_cpu_end_s": num(env.get("speaker_cpu_end_s")),
        "speaker_cpu_sessions_s": round(num(env.get("speaker_cpu_s")) - num(env.get("speaker_cpu_loaded_s")), 2)
        if env.get("speaker_cpu_s") and env.get("speaker_cpu_loaded_s") else None,
    }
    if "flap_sessions" in env:
        down = complete.get(next((k for k in complete if k.startswith("stop ")), ""))
        up = complete.get(next((k for k in complete if k.startswith("start ")), ""))
        rel = complete.get("maxlen 22")
        r["flap_sessions"] = int(env["flap_sessions"])
        r["flap_withdrawn_ms"] = down["after_mark_ms"] if down else None
        r["flap_reannounced_ms"] = up["after_mark_ms"] if up else None
        r["reload_applied_ms"] = rel["after_mark_ms"] if rel else None
        r["reload_first_update_ms"] = rel["first_update_after_mark_ms"] if rel else None
        r["reload_max_gap_ms"] = rel["max_gap_ms"] if rel else None
        r["reload_routes_after"] = rel["routes"] if rel else None
        r["flap_result"] = env.get("flap_down_result", "") + "/" + env.get("flap_up_result", "")
        r["reload_result"] = env.get("reload_result")
    return r


def line(path):
    r = json.load(open(path))
    f = lambda v, unit="": "-" if v is None else (f"{v:.0f}{unit}" if isinstance(v, float) else f"{v}{unit}")
    s = (f"{r['daemon']:9} {r['scenario']:10} pass {r['pass']}: established {f(r['all_established_ms'], ' ms')}, "
         f"all delivered {f(r['all_delivered_ms'], ' ms')} ({r['result']}), RSS peak {f(r['peak_rss_mb'], ' MB')} "
         f"settled {f(r['settled_rss_mb'], ' MB')}, {f(r['bytes_per_path'], ' B/path')}, CPU {r['cpu_s']} s, "
         f"speaker CPU {r['speaker_cpu_s']} s ({r.get('speaker_cpu_sessions_s')} s after load), load {r['load_average_before']}")
    if "flap_sessions" in r:
        s += (f"; flap {r['flap_sessions']}: down {f(r['flap_withdrawn_ms'], ' ms')} up {f(r['flap_reannounced_ms'], ' ms')}"
              f"; reload {f(r['reload_applied_ms'], ' ms')} (first {f(r['reload_first_update_ms'], ' ms')}, "
              f"longest gap {f(r['reload_max_gap_ms'], ' ms')})")
    print(s)


KEYS = ["routes_held_before_flap", "last_change_ms", "all_established_ms", "all_delivered_ms", "peak_rss_mb", "settled_rss_mb", "bytes_per_path", "cpu_s",
        "speaker_cpu_s", "speaker_cpu_sessions_s", "flap_withdrawn_ms", "flap_reannounced_ms", "reload_applied_ms", "reload_first_update_ms",
        "reload_max_gap_ms", "listening_after_ms", "startup_cpu_s"]


def report(out):
    runs = []
    for d in sorted(os.listdir(out)):
        p = os.path.join(out, d, "run.json")
        if os.path.exists(p):
            runs.append(json.load(open(p)))
    meta = read_env(os.path.join(out, "meta.env"))
    groups = {}
    for r in runs:
        groups.setdefault((r["scenario"], r["daemon"]), []).append(r)
    order = meta.get("command", "")
    rows = []
    for (scenario, daemon), rs in groups.items():
        row = {"scenario": scenario, "daemon": daemon, "passes": len(rs),
               "completed": sum(1 for r in rs if r["all_delivered_ms"] is not None),
               "routes_to_deliver": rs[0]["routes_to_deliver"], "paths_announced": rs[0]["paths_announced"],
               "results": [r["result"] for r in rs],
               "load_average": [r["load_average_before"] for r in rs]}
        for k in KEYS:
            vals = [r[k] for r in rs if r.get(k) is not None]
            row[k] = statistics.median(vals) if vals else None
            row[k + "_all"] = [r.get(k) for r in rs]
        rows.append(row)
    scen_order = {}
    for r in runs:
        scen_order.setdefault(r["scenario"], len(scen_order))
    daemon_order = {d: i for i, d in enumerate(meta.get("daemons", "").split(","))}
    for r in runs:
        daemon_order.setdefault(r["daemon"], len(daemon_order))
    rows.sort(key=lambda r: (scen_order[r["scenario"]], daemon_order[r["daemon"]]))
    json.dump({"meta": meta, "rows": rows}, open(os.path.join(out, "summary.json"), "w"), indent=1)
    with open(os.path.join(out, "chart.tsv"), "w") as t:  # for Chart.java
        for r in rows:
            # A run that never completed is drawn at its last change, marked with a star.
            t.write("\t".join([r["scenario"], r["daemon"], str(r["all_delivered_ms"] or r["last_change_ms"] or ""),
                                str(r["settled_rss_mb"] or ""), str(r["completed"] != r["passes"]).lower()]) + "\n")

    def f(v, nd=0):
        if v is None:
            return "–"
        return f"{v:,.{nd}f}"

    print(f"Command: `{order}`; {meta.get('date', '')}; {meta.get('machine', '')}")
    print()
    for k, v in meta.items():
        if k.startswith("version_"):
            print(f"- {k[8:]}: {v}")
    print()
    print("| scenario | daemon | started: listening after (CPU) | all Established | all delivered (median; all passes) | "
          "peak RSS | settled RSS | bytes/path | CPU | speaker CPU (sessions only) | load avg |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        alls = " / ".join("–" if v is None else f"{v / 1000:.2f}" for v in r["all_delivered_ms_all"])
        incomplete = "" if r["completed"] == r["passes"] else f" ({r['passes'] - r['completed']} of {r['passes']} " \
            f"incomplete: clients held {r['routes_held_before_flap']:,} of {r['routes_to_deliver']:,} routes, last " \
            f"change after {f(r['last_change_ms'] / 1000 if r['last_change_ms'] is not None else None, 1)} s)"
        started = "–" if r.get("listening_after_ms") is None else \
            f"{r['listening_after_ms'] / 1000:.1f} s ({f(r.get('startup_cpu_s'), 1)} s)"
        print(f"| {r['scenario']} | {r['daemon']} | {started} | {f(r['all_established_ms'])} ms | "
              f"{f(r['all_delivered_ms'] / 1000 if r['all_delivered_ms'] is not None else None, 2)} s ({alls}){incomplete} | "
              f"{f(r['peak_rss_mb'])} MB | {f(r['settled_rss_mb'])} MB | {f(r['bytes_per_path'])} | "
              f"{f(r['cpu_s'], 1)} s | {f(r['speaker_cpu_s'], 1)} s ({f(r['speaker_cpu_sessions_s'], 1)} s) | {r['load_average'][0].split()[0] if r['load_average'] else ''} |")
    if any(r["reload_applied_ms"] is not None or r["flap_withdrawn_ms"] is not None for r in rows):
        print()
        print("| scenario | daemon | 10 % flap: withdrawn | re-announced | reload (reject > /22): applied | "
              "first change | longest gap between UPDATEs |")
        print("|---|---|---|---|---|---|---|")
        for r in rows:
            if r["daemon"] == "null":
                continue
            print(f"| {r['scenario']} | {r['daemon']} | {f(r['flap_withdrawn_ms'])} ms | {f(r['flap_reannounced_ms'])} ms | "
                  f"{f(r['reload_applied_ms'])} ms | {f(r['reload_first_update_ms'])} ms | {f(r['reload_max_gap_ms'])} ms |")


if __name__ == "__main__":
    {"run": lambda: print(json.dumps(run(sys.argv[2]), indent=1)), "line": lambda: line(sys.argv[2]),
     "report": lambda: report(sys.argv[2])}[sys.argv[1]]()
