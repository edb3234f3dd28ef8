"""idle: N sleeps running; over a window of quiet, the daemon's CPU time and its wake-ups (voluntary
context switches, all threads), and its descriptors per program."""

import time

from .. import procfs, processes
from ..context import Context
from ..daemons import SLEEPER, Program
from ..results import Row, Section, series

METHOD = (
    "Both daemons start N programs `/bin/sleep 100000` side by side and are left alone once every program is "
    "RUNNING and a 2 s settling pause is over. Over the window the harness reads, at its start and end, the "
    "daemon's CPU time (sum of /proc/PID/task/*/schedstat run time, ns) and voluntary context switches (sum "
    "over /proc/PID/task/*/status): a thread that sleeps in poll/epoll and is woken counts one switch per "
    "wake-up. Descriptors: the daemon's /proc/PID/fd count at N, and at 0 programs (a second launch, "
    "counted once its control socket answers and the same 2 s settling pause is over: the socket answers "
    "before the daemon has opened all of its own descriptors); what each program adds is their difference over N, the "
    "target's measure, and the total over N is shown beside it."
)


def run(context: Context) -> list[Section]:
    count, window = context.scale.idle_programs, context.scale.idle_seconds
    section = Section("idle", METHOD)
    daemons = context.daemons(f"idle-{count}")
    try:
        for daemon in daemons:
            daemon.write_programs([Program(f"p{index}", SLEEPER) for index in range(count)])
            daemon.launch()
        for daemon in daemons:
            daemon.wait_running(count, timeout=180)
        settle = time.monotonic() + 2
        processes.wait_until(lambda: time.monotonic() >= settle, 5, 0.05, "the settling pause")
        before = {d.label: (procfs.cpu_seconds(d.pid), procfs.voluntary_switches(d.pid)) for d in daemons}
        threads_before = {d.label: procfs.thread_activity(d.pid) for d in daemons}
        started = time.monotonic()
        end = started + window
        processes.wait_until(lambda: time.monotonic() >= end, window + 5, 0.2, "the end of the idle window")
        elapsed = time.monotonic() - started
        after = {d.label: (procfs.cpu_seconds(d.pid), procfs.voluntary_switches(d.pid)) for d in daemons}
        threads_after = {d.label: procfs.thread_activity(d.pid) for d in daemons}
        fds = {d.label: procfs.open_fds(d.pid) for d in daemons}
        threads = {d.label: procfs.thread_count(d.pid) for d in daemons}
    finally:
        processes.sweep()
    fixed = fixed_descriptors(context)
    added = {label: (fds[label] - fixed[label]) / count for label in fds}
    cpu = {label: (after[label][0] - before[label][0]) * 1000 for label in after}
    wakeups = {label: (after[label][1] - before[label][1]) / elapsed for label in after}
    section.rows += [
        Row(f"N = {count}: CPU time over {window:.0f} s", "ms", series([cpu["tend"]]), series([cpu["supervisord"]]),
            target="no measurable CPU (< 10 ms)", met=cpu["tend"] < 10),
        Row(f"N = {count}: wake-ups", "/s", series([wakeups["tend"]]), series([wakeups["supervisord"]]),
            target="no periodic wake-up (< 0.2/s)", met=wakeups["tend"] < 0.2),
        Row(f"N = {count}: descriptors each program adds", "fds", series([added["tend"]]),
            series([added["supervisord"]]), target="≤ 3 per program", met=added["tend"] <= 3),
        Row(f"N = {count}: open descriptors over N", "fds", series([fds["tend"] / count]),
            series([fds["supervisord"] / count])),
        Row("descriptors with no program", "fds", series([fixed["tend"]]), series([fixed["supervisord"]])),
        Row("threads", "", series([threads["tend"]]), series([threads["supervisord"]])),
    ]
    for label in ("tend", "supervisord"):
        section.notes.append(f"{label}'s wake-ups by thread over the window: "
                             + thread_breakdown(threads_before[label], threads_after[label]))
    return [section]


def fixed_descriptors(context: Context) -> dict[str, int]:
    """Each daemon's open descriptors with no program, once its control socket answers and it has settled."""
    fixed = {}
    for daemon in context.daemons("idle-0"):
        try:
            daemon.write_programs([])
            daemon.launch()
            processes.wait_until(lambda: daemon.probe(timeout=1.0), 30, 0.01, f"{daemon.label}'s control socket")
            settle = time.monotonic() + 2
            processes.wait_until(lambda: time.monotonic() >= settle, 5, 0.05, "the settling pause")
            fixed[daemon.label] = procfs.open_fds(daemon.pid)
        finally:
            processes.sweep()
    return fixed


def thread_breakdown(before: dict, after: dict) -> str:
    """"NAME: S switches, C ms" for each thread that woke up (threads born in the window count from 0)."""
    parts = []
    for tid, (name, switches, run_ns) in sorted(after.items()):
        _, switches_before, run_before = before.get(tid, (name, 0, 0))
        woke = switches - switches_before
        if woke or run_ns - run_before:
            parts.append(f"`{name}` (tid {tid}): {woke} switches, {(run_ns - run_before) / 1e6:.2f} ms")
    return "; ".join(parts) if parts else "none"
