"""reload: N programs running; (a) a new conf.d file written → its process running; (b) one program's
command changed → its new process running, and every other program's pid unchanged."""

import os

from .. import procfs, processes
from ..context import Context
from ..daemons import Program
from ..results import Row, Section, series

METHOD = (
    "N programs `stamp FILE NAME VERSION` run, one conf.d file each; `helpers/stamp.c` appends its pid and "
    "CLOCK_MONOTONIC reading to FILE first thing. (a) The harness reads the monotonic clock, writes "
    "conf.d/fresh (tend: nothing more, it watches conf.d; supervisord: then runs `supervisorctl update`, as "
    "its users must), and the latency ends at the new process's own clock reading; then the file is removed "
    "and the harness waits for that process to be gone. (b) The same with one existing program's file "
    "rewritten with a new VERSION argument; afterwards the harness checks that every other program still "
    "has the pid it had before (from FILE and /proc)."
)


def read_stamps(path: str) -> list[tuple[int, float, str, str]]:
    try:
        with open(path) as handle:
            rows = []
            for line in handle:
                pid, clock, name, version = line.split()
                rows.append((int(pid), int(clock) / 1e9, name, version))
            return rows
    except FileNotFoundError:
        return []


def latest_pids(path: str) -> dict[str, int]:
    return {name: pid for pid, _, name, _ in read_stamps(path)}


def measure(context: Context, daemon, count: int, rounds: int):
    stamp_file = os.path.join(daemon.dir, "stamps")
    stamp = context.tools.helper("stamp")

    def program(name: str, version: str) -> Program:
        return Program(name, [stamp, stamp_file, name, version])

    daemon.write_programs([program(f"p{index}", "v0") for index in range(count)])
    added, changed, unchanged_ok = [], [], True
    try:
        daemon.launch()
        daemon.wait_running(count, timeout=120)
        processes.wait_until(lambda: len(read_stamps(stamp_file)) >= count, 30, 0.002, "every stamp")
        for round_number in range(rounds):
            seen = len(read_stamps(stamp_file))
            written = daemon.write_program(program("fresh", f"r{round_number}"))
            daemon.apply_changes()
            new = processes.wait_until(lambda: [r for r in read_stamps(stamp_file)[seen:] if r[2] == "fresh"],
                                       30, 0.001, f"{daemon.label} to start a new program")
            added.append((new[0][1] - written) * 1000)
            daemon.remove_program("fresh")
            daemon.apply_changes()
            processes.wait_until(lambda: not procfs.is_alive(new[0][0]), 30, 0.002, "the new program to stop")

        target = "p7"
        for round_number in range(rounds):
            before = latest_pids(stamp_file)
            seen = len(read_stamps(stamp_file))
            written = daemon.write_program(program(target, f"v{round_number + 1}"))
            daemon.apply_changes()
            new = processes.wait_until(lambda: [r for r in read_stamps(stamp_file)[seen:] if r[2] == target],
                                       30, 0.001, f"{daemon.label} to restart a changed program")
            changed.append((new[0][1] - written) * 1000)
            processes.wait_until(lambda: not procfs.is_alive(before[target]), 30, 0.002, "the old process to go")
            after = latest_pids(stamp_file)
            others = [name for name in before if name not in (target, "fresh")]
            if any(after[name] != before[name] or not procfs.is_alive(before[name]) for name in others):
                unchanged_ok = False
    finally:
        processes.sweep()
    return added, changed, unchanged_ok


def run(context: Context) -> list[Section]:
    count, rounds = context.scale.reload_programs, context.scale.reload_repeats
    section = Section("reload", METHOD)
    results = {daemon.label: measure(context, daemon, count, rounds) for daemon in context.daemons("reload")}
    tend, supervisord = results["tend"], results["supervisord"]
    added, changed = series(tend[0]), series(tend[1])
    section.rows += [
        Row(f"N = {count}: new conf.d file → its process running (median of {rounds})", "ms",
            added, series(supervisord[0]), target="≤ 50 ms median", met=added.median <= 50),
        Row(f"N = {count}: command changed → new process running (median of {rounds})", "ms",
            changed, series(supervisord[1]), target="≤ 50 ms median", met=changed.median <= 50),
    ]
    section.notes.append(
        f"the other {count - 1} pids unchanged after every change: tend {'yes' if tend[2] else '**no**'}, "
        f"supervisord {'yes' if supervisord[2] else '**no**'}")
    return [section]
