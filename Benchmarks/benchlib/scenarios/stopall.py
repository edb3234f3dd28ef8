"""stopall: stopping every program, with N sleeps and with programs that ignore SIGTERM (stopwaitsecs 1);
by the control client (`stop all`) when tend has one, and by SIGTERM to the daemon (shutdown) always."""

import signal
import time

from .. import procfs, processes
from ..context import Context
from ..daemons import SLEEPER, Program
from ..results import Row, Section, series

METHOD = (
    "With every program RUNNING, the clock runs from just before the request until no program process is "
    "left (the daemon's descendants, from /proc, polled every 2 ms) and, for `stop all`, the client has "
    "returned. `stop all`: `tend stop all` / `supervisorctl stop all`. Shutdown: SIGTERM to the daemon, "
    "until the daemon itself has exited too. TERM-ignorers run `sh -c 'trap \"\" TERM; exec sleep 100000'` "
    "(the ignored disposition survives the exec) with stopwaitsecs = 1, so only the SIGKILL that follows "
    "after 1 s stops them."
)

IGNORER = ["/bin/sh", "-c", "trap '' TERM; exec sleep 100000"]


def programs(count: int, ignoring: bool) -> list[Program]:
    if ignoring:
        return [Program(f"i{index}", IGNORER, stopwaitsecs=1) for index in range(count)]
    return [Program(f"p{index}", SLEEPER) for index in range(count)]


def measure(daemon, count: int, ignoring: bool, by_client: bool) -> float:
    daemon.write_programs(programs(count, ignoring))
    try:
        daemon.launch()
        daemon.wait_running(count, timeout=180)
        pid = daemon.pid
        started = time.monotonic()
        if by_client:
            result = daemon.control("stop", "all")
            if result.returncode != 0:
                raise RuntimeError(f"{daemon.label} stop all: exit {result.returncode}: {result.stderr[:300]!r}")
            processes.wait_until(lambda: not procfs.descendants(pid), 120, 0.002, "every program to stop")
        else:
            daemon.process.send_signal(signal.SIGTERM)
            processes.wait_until(lambda: daemon.process.poll() is not None, 120, 0.002, f"{daemon.label} to exit")
        return time.monotonic() - started
    finally:
        processes.sweep()


def run(context: Context) -> list[Section]:
    section = Section("stopall", METHOD)
    count, ignorers = context.scale.stop_programs, context.scale.ignorers
    ways = ([True] if context.tend_has_control else []) + [False]
    if not context.tend_has_control:
        section.notes.append("`stop all` by the client not measured: this tend build has no control client yet.")
    for by_client in ways:
        how = "stop all" if by_client else "shutdown (SIGTERM)"
        for size, ignoring in ((count, False), (ignorers, True)):
            samples = {"tend": [], "supervisord": []}
            for _ in range(context.scale.stop_repeats):
                for daemon in context.daemons(f"stop-{size}"):
                    samples[daemon.label].append(measure(daemon, size, ignoring, by_client))
            tend, supervisord = series(samples["tend"]), series(samples["supervisord"])
            if ignoring:
                measure_name = f"{how}: {size} TERM-ignorers, stopwaitsecs = 1"
                target, met = "≤ 1.05 s", tend.median <= 1.05
            else:
                measure_name = f"{how}: N = {size}"
                target, met = "≥ 3× faster", supervisord.median / tend.median >= 3
            section.rows.append(Row(measure_name, "s", tend, supervisord, target=target, met=met))
    return [section]
