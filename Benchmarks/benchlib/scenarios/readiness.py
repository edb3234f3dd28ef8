"""readiness: N programs; from the daemon's launch until its control socket answers a request."""

import os
import time

from .. import processes
from ..context import Context
from ..daemons import SLEEPER, Program
from ..results import Row, Section, series

METHOD = (
    "The daemon is launched with N programs `/bin/sleep 100000`; the harness connects to its control socket every "
    "millisecond or so and sends one request (tend: `GET /v1/version`; supervisord: the XML-RPC call "
    "`supervisor.getState`), and the clock stops at the first complete `200` answer."
)


def measure(daemon, count: int) -> tuple[float, float]:
    """(ms until the socket file exists, ms until it answers)."""
    daemon.write_programs([Program(f"p{index}", SLEEPER) for index in range(count)])
    try:
        launched = daemon.launch()
        processes.wait_until(lambda: os.path.exists(daemon.socket_path), 120, 0.001, f"{daemon.label}'s socket file")
        exists = (time.monotonic() - launched) * 1000
        processes.wait_until(lambda: daemon.probe(timeout=60), 120, 0.001, f"{daemon.label}'s control socket")
        return exists, (time.monotonic() - launched) * 1000
    finally:
        processes.sweep()


def run(context: Context) -> list[Section]:
    count = context.scale.readiness_programs
    section = Section("readiness", METHOD)
    if not context.tend_has_control:
        section.skipped = "this tend build has no control socket yet (`tend status` is missing)."
        return [section]
    samples = {"tend": [], "supervisord": []}
    for _ in range(context.scale.readiness_repeats):
        for daemon in context.daemons(f"readiness-{count}"):
            samples[daemon.label].append(measure(daemon, count))
    tend = series(answer for _, answer in samples["tend"])
    section.rows.append(Row(f"N = {count}: launch → control socket answers", "ms", tend,
                            series(answer for _, answer in samples["supervisord"]),
                            target="≤ 50 ms", met=tend.median <= 50))
    section.rows.append(Row(f"N = {count}: launch → socket file exists", "ms",
                            series(exists for exists, _ in samples["tend"]),
                            series(exists for exists, _ in samples["supervisord"])))
    return [section]
