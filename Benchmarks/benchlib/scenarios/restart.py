"""restart: a program SIGKILLed → its replacement running its first instruction. The child is
`helpers/stamp.c`, which reads CLOCK_MONOTONIC first thing and appends it to a file."""

import os
import signal
import time

from .. import processes
from ..context import Context
from ..daemons import Program
from ..results import Row, Section, series

METHOD = (
    "One program, `stamp FILE` (autorestart always, startsecs 0), whose first act is to read CLOCK_MONOTONIC "
    "and append it with its pid to FILE. Each round waits until the daemon has logged the current process "
    "RUNNING, reads the monotonic clock, sends SIGKILL, and waits for the replacement's line in FILE: the "
    "latency is the replacement's own clock reading minus the kill time. The same clock on both sides."
)


def stamps(path: str) -> list[tuple[int, float]]:
    try:
        with open(path) as handle:
            return [(int(line.split()[0]), int(line.split()[1]) / 1e9) for line in handle if line.strip()]
    except FileNotFoundError:
        return []


def measure(context: Context, daemon, rounds: int) -> list[float]:
    stamp_file = os.path.join(daemon.dir, "stamps")
    daemon.write_programs([Program("victim", [context.tools.helper("stamp"), stamp_file, "victim"],
                                   autorestart="always")])
    latencies = []
    try:
        daemon.launch()
        for round_number in range(rounds):
            daemon.wait_running(round_number + 1, timeout=30)
            seen = processes.wait_until(lambda: stamps(stamp_file), 10, 0.001, "the first stamp")
            pid = seen[-1][0]
            killed = time.monotonic()
            os.kill(pid, signal.SIGKILL)
            new = processes.wait_until(lambda: [s for s in stamps(stamp_file)[len(seen):]], 30, 0.001,
                                       f"{daemon.label} to restart the program")
            latencies.append((new[0][1] - killed) * 1000)
    finally:
        processes.sweep()
    return latencies


def run(context: Context) -> list[Section]:
    section = Section("restart", METHOD)
    rounds = context.scale.restart_repeats
    samples = {daemon.label: measure(context, daemon, rounds) for daemon in context.daemons("restart")}
    tend = series(samples["tend"])
    section.rows.append(Row(f"SIGKILL → replacement's first instruction (median of {rounds})", "ms",
                            tend, series(samples["supervisord"]),
                            target="≤ 5 ms median", met=tend.median <= 5))
    return [section]
