"""status: the control client's status of N running programs, median of several calls."""

import time

from .. import processes
from ..context import Context
from ..daemons import SLEEPER, Program
from ..results import Row, Section, series

METHOD = (
    "With N programs `/bin/sleep 100000` RUNNING, the harness times `tend status -c tend.toml` and "
    "`supervisorctl -c supervisord.conf status` from spawn to exit, output captured; each call must exit 0 "
    "and list N lines."
)


def measure(daemon, count: int, repeats: int) -> list[float]:
    daemon.write_programs([Program(f"p{index}", SLEEPER) for index in range(count)])
    try:
        daemon.launch()
        daemon.wait_running(count, timeout=180)
        samples = []
        for _ in range(repeats):
            started = time.monotonic()
            result = daemon.control("status")
            samples.append((time.monotonic() - started) * 1000)
            lines = [line for line in result.stdout.decode().splitlines() if line.strip()]
            if result.returncode != 0 or len(lines) < count:
                raise RuntimeError(f"{daemon.label} status: exit {result.returncode}, {len(lines)} lines: "
                                   f"{result.stderr.decode()[:300]}")
        return samples
    finally:
        processes.sweep()


def run(context: Context) -> list[Section]:
    count, repeats = context.scale.status_programs, context.scale.status_repeats
    section = Section("status", METHOD)
    if not context.tend_has_control:
        section.skipped = "this tend build has no control client yet (`tend status` is missing)."
        return [section]
    samples = {daemon.label: measure(daemon, count, repeats) for daemon in context.daemons(f"status-{count}")}
    tend, supervisord = series(samples["tend"]), series(samples["supervisord"])
    section.rows.append(Row(f"N = {count}: status (median of {repeats})", "ms", tend, supervisord,
                            target="≥ 20× faster than supervisorctl",
                            met=supervisord.median / tend.median >= 20))
    return [section]
