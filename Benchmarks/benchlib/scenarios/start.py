"""start: N sleeps, startsecs 0 and 1, from the daemon's launch to every program RUNNING (as the daemon
logs it), with the daemon's RSS and CPU time at that moment; the reference posix_spawns N sleeps from C."""

import subprocess
import time

from .. import procfs, processes
from ..context import Context
from ..daemons import SLEEPER, Program
from ..results import Row, Section, series

METHOD = (
    "Each daemon starts in a fresh directory with N programs `/bin/sleep 100000`, one conf.d file each. The clock "
    "runs from just before the daemon is spawned until its log holds N RUNNING lines (tend: `NAME: STARTING -> "
    "RUNNING (pid N)`; supervisord: `success: NAME entered RUNNING state`), polled every 2 ms. RSS (VmRSS) and "
    "CPU time (user + system, all threads) are read from /proc at that moment. The reference is "
    "`helpers/spawnref.c`: posix_spawn of N `/bin/sleep 100000` in a loop, each in a process group of its "
    "own, timed by the harness from spawning it until it reports."
)


def measure(daemon, count: int, startsecs: float) -> tuple[float, float, float]:
    """One launch: (seconds to all RUNNING, RSS MiB, CPU seconds)."""
    daemon.write_programs([Program(f"p{index}", SLEEPER, startsecs=startsecs) for index in range(count)])
    try:
        launched = daemon.launch()
        done = daemon.wait_running(count, timeout=120 + count * 0.05)
        return done - launched, procfs.rss_bytes(daemon.pid) / (1 << 20), procfs.cpu_seconds(daemon.pid)
    finally:
        daemon.stop()


def reference(context: Context, count: int) -> float:
    """The C reference: seconds from spawning spawnref until it reports all N children spawned."""
    started = time.monotonic()
    child = processes.start([context.tools.helper("spawnref"), str(count)], cwd=context.root,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        line = child.stdout.readline().decode()
        elapsed = time.monotonic() - started
        if not line.startswith(f"spawned {count} "):
            raise RuntimeError(f"spawnref: {line!r}")
        child.stdin.close()
        child.wait(timeout=60)
        return elapsed
    finally:
        processes.sweep()


def run(context: Context) -> list[Section]:
    section = Section("start", METHOD)
    for count in context.scale.start_sizes:
        for startsecs in (0, 1):
            samples = {"tend": [], "supervisord": [], "reference": []}
            repeats = context.scale.start_repeats if startsecs == 0 else context.scale.start_repeats_startsecs
            for _ in range(repeats):
                for daemon in context.daemons(f"start-{count}-{startsecs}"):
                    samples[daemon.label].append(measure(daemon, count, startsecs))
                samples["reference"].append(reference(context, count))
            tend, supervisord = samples["tend"], samples["supervisord"]
            target, met = "", None
            if count == max(context.scale.start_sizes) and startsecs == 0:
                faster = series(s[0] for s in supervisord).median / series(t[0] for t in tend).median
                within = series(t[0] for t in tend).median / series(samples["reference"]).median
                target = "≥ 6× faster than supervisord and ≤ 2× the C reference"
                met = faster >= 6 and within <= 2
            section.rows.append(Row(
                f"N = {count}, startsecs = {startsecs}: launch → all RUNNING", "s",
                series(t[0] for t in tend), series(s[0] for s in supervisord),
                reference=series(samples["reference"]) if startsecs == 0 else None,
                reference_label="C posix_spawn", target=target, met=met))
            if startsecs == 0:
                rss_target, rss_met = "", None
                if count == max(context.scale.start_sizes):
                    rss_target = "≤ ⅓ of supervisord's"
                    rss_met = series(t[1] for t in tend).median * 3 <= series(s[1] for s in supervisord).median
                section.rows.append(Row(f"N = {count}: daemon RSS at that moment", "MiB",
                                        series(t[1] for t in tend), series(s[1] for s in supervisord),
                                        target=rss_target, met=rss_met))
                section.rows.append(Row(f"N = {count}: daemon CPU time at that moment", "s",
                                        series(t[2] for t in tend), series(s[2] for s in supervisord)))
    return [section]
