"""How long `make test` takes, run as a contributor runs it.

Run with `make bench-suite` after the first install, on a quiet machine.
Runs `make test` three times and prints each run's wall time and the CPU
time the whole machine was busy meanwhile (Linux's /proc/stat, which counts
Chromium's processes too; wall time above CPU time / cores means idle
cores), their median, and the twenty slowest tests of the median run.
"""

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 3
SLOWEST = 20


def cpu_seconds() -> float:
    """Seconds the machine's cores have been busy since it booted."""
    with open("/proc/stat") as stat:
        user, nice, system, _idle, _iowait, irq, softirq = map(
            int, stat.readline().split()[1:8]
        )
    busy = user + nice + system + irq + softirq
    return busy / os.sysconf("SC_CLK_TCK")


def timed_run() -> tuple[float, float, list[str]]:
    """Wall and CPU seconds of one `make test`, and pytest's slowest tests."""
    cpu_before, start = cpu_seconds(), time.perf_counter()
    result = subprocess.run(
        ["make", "test"],
        cwd=ROOT,
        env=os.environ | {"PYTEST_ADDOPTS": f"--durations={SLOWEST}"},
        capture_output=True,
        text=True,
        check=False,
    )
    wall, cpu = time.perf_counter() - start, cpu_seconds() - cpu_before
    if result.returncode != 0:
        sys.exit(f"make test failed:\n{result.stdout}{result.stderr}")
    lines = result.stdout.splitlines()
    first = next(i for i, line in enumerate(lines) if "slowest" in line) + 1
    slowest = [line for line in lines[first:][:SLOWEST] if line.strip()]
    return wall, cpu, slowest


def main() -> None:
    print(f"`make test`, {RUNS} runs on {os.cpu_count()} cores:")
    runs = []
    for number in range(1, RUNS + 1):
        wall, cpu, slowest = timed_run()
        runs.append((wall, slowest))
        print(f"  run {number}: {wall:5.1f} s wall, {cpu:6.1f} s CPU")
    median = statistics.median(wall for wall, _ in runs)
    print(f"median: {median:.1f} s\n")
    _, slowest = min(runs, key=lambda run: abs(run[0] - median))
    print(f"The {SLOWEST} slowest tests of the median run (setup, call and")
    print("teardown timed apart; a session fixture's setup counts once):")
    for line in slowest:
        print(f"  {line}")


if __name__ == "__main__":
    main()
