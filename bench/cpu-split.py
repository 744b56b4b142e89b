#!/usr/bin/env python3
"""Where the machine's CPU goes during a load test (bench/load runs it beside Gatling).

  bench/cpu-split.py sample PID FILE   every 10 s, append one line of CPU ticks: the Tværs server (PID), all postgres
                                       processes, every other java process (Gatling, Maven), the whole machine
  bench/cpu-split.py report FILE       cores used on average by each, over the samples from a fifth of the way in to
                                       the last twentieth (Gatling's compilation, the ramp and the end left out)
"""
import os
import sys
import time


def ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime, stime


def sample(server):
    app = postgres = java = 0
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/comm") as f:
                comm = f.read().strip()
            if int(name) == server:
                app += ticks(name)
            elif comm == "postgres":
                postgres += ticks(name)
            elif comm == "java":
                java += ticks(name)
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    with open("/proc/stat") as f:
        cpu = [int(x) for x in f.readline().split()[1:]]
    busy = cpu[0] + cpu[1] + cpu[2] + cpu[5] + cpu[6] + cpu[7]  # user nice system irq softirq steal
    return time.time(), app, postgres, java, busy


def main():
    if sys.argv[1] == "sample":
        server, path = int(sys.argv[2]), sys.argv[3]
        while os.path.exists(f"/proc/{server}"):
            with open(path, "a") as out:
                out.write(" ".join(str(v) for v in sample(server)) + "\n")
            time.sleep(10)
        return
    rows = [[float(v) for v in line.split()] for line in open(sys.argv[2]) if line.strip()]
    if len(rows) < 5:
        print("cpu split: too few samples")
        return
    first, last = rows[len(rows) // 5], rows[len(rows) - 1 - len(rows) // 20]
    hz = os.sysconf("SC_CLK_TCK")
    seconds = last[0] - first[0]
    names = ["Tværs", "PostgreSQL", "other Java (Gatling, Maven)", "whole machine"]
    parts = [f"{name} {(last[i + 1] - first[i + 1]) / hz / seconds:.2f}" for i, name in enumerate(names)]
    print(f"cpu split over {seconds:.0f} s, cores used on average ({os.cpu_count()} cores): " + ", ".join(parts))


if __name__ == "__main__":
    main()
