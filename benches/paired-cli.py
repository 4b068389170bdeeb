#!/usr/bin/env python3
"""The CLI over target/ladders-1000, pinned to one core and on both, in
alternation: medians of wall and CPU time, and the median paired ratio.

    target/release/examples/generate 1 1000 target/ladders-1000
    cargo build --release && python3 benches/paired-cli.py 31
"""
import os, subprocess, time, statistics, resource, sys
exe = "./target/release/dualtrack"
cmds = {"one core": ["taskset", "-c", "0", exe, "validate", "target/ladders-1000"],
        "both cores": [exe, "validate", "target/ladders-1000"]}
def run(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu
n = int(sys.argv[1]) if len(sys.argv) > 1 else 31
res = {k: [] for k in cmds}
ratios = []
for i in range(3):
    for c in cmds.values(): run(c)
for i in range(n):
    order = list(cmds) if i % 2 == 0 else list(reversed(cmds))
    got = {k: run(cmds[k]) for k in order}
    for k in cmds: res[k].append(got[k])
    ratios.append(got["one core"][0] / got["both cores"][0])
for k, v in res.items():
    print(f"{k}: median wall {statistics.median(w for w,_ in v)*1e3:.1f} ms, median CPU {statistics.median(c for _,c in v)*1e3:.1f} ms, median CPU/wall {statistics.median(c/w for w,c in v):.2f}")
print(f"one core / both cores, median of {n} paired ratios: {statistics.median(ratios):.2f}")
