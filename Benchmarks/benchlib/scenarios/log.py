"""log: a child writes BYTES to stdout in 64 KiB lines; from the writer's start until every byte is in
the log file, as MiB/s. Alone, and beside many idle programs. References: writer > file, writer | cat > file."""

import os
import shutil
import subprocess
import time

from .. import processes
from ..context import Context
from ..daemons import SLEEPER, Program
from ..results import Row, Section, series

METHOD = (
    "`helpers/logwriter.c` blocks on a FIFO until the harness writes one byte to it, appends its start time "
    "(CLOCK_MONOTONIC) to a stamp file, writes BYTES to stdout as 64 KiB lines as fast as it can, then "
    "sleeps. Under a daemon it is a program whose stdout_logfile has no rotation (maxbytes 0); the harness "
    "polls the log file's size every 2 ms and stops the clock when it holds every byte. Beside: the same "
    "with many `/bin/sleep 100000` programs running under the same daemon. The writer starts 2 s after every "
    "program is RUNNING (right after a start the kernel is still writing back the files the daemon created). "
    "References, in the same run: the writer with its stdout redirected to a file, and piped through "
    "`cat > file`, also started 2 s after they were launched. The four contenders take turns going first from "
    "one repetition to the next. "
    "On this VM the rate of any writer varies from minute to minute with the memory behind its page cache: "
    "twelve back-to-back runs of `writer | cat` alone, under the same conditions, made 409-1,550 MiB/s, cat "
    "spending 0.64-2.28 s of system time on the same GiB (the copy into the page cache, 60-70% of it, in tend's "
    "pump as in cat). Hence more repetitions here than elsewhere, and the ratio of medians to read, not one run."
)

MIB = 1 << 20
SETTLE_SECONDS = 2


def wait_for_bytes(path: str, size: int, timeout: float) -> float:
    def complete():
        try:
            return os.stat(path).st_size >= size
        except FileNotFoundError:
            return False
    processes.wait_until(complete, timeout, 0.002, f"{size} bytes in {path}")
    return time.monotonic()


def start_time(stamp_file: str) -> float:
    with open(stamp_file) as handle:
        return int(handle.read().split()[0]) / 1e9


def go(fifo: str) -> None:
    """Tell the writer to start: one byte into its FIFO, once it has the FIFO open for reading."""
    def opened():
        try:
            return os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError:
            return None
    descriptor = processes.wait_until(lambda: opened() or None, 30, 0.001, "the writer to open its FIFO")
    try:
        os.write(descriptor, b"g")
    finally:
        os.close(descriptor)


def timeout_for(size: int) -> float:
    return 60 + size / (5 * MIB)


def settle() -> None:
    """Waits SETTLE_SECONDS before a writer is told to start."""
    settled = time.monotonic() + SETTLE_SECONDS
    processes.wait_until(lambda: time.monotonic() >= settled, SETTLE_SECONDS + 5, 0.05, "the settling pause")


def under_daemon(context: Context, daemon, size: int, sleepers: int) -> float:
    """MiB/s of the writer under `daemon` with `sleepers` idle programs beside it."""
    fifo, stamp, log = (os.path.join(daemon.dir, name) for name in ("go", "stamp", "writer.log"))
    os.mkfifo(fifo)
    writer = Program("writer", [context.tools.helper("logwriter"), str(size), stamp, fifo],
                     stdout_logfile=log, stdout_maxbytes=0, autorestart="never")
    programs = [Program(f"p{index}", SLEEPER) for index in range(sleepers)]
    daemon.write_programs(programs + [writer])
    try:
        daemon.launch()
        daemon.wait_running(sleepers + 1, timeout=180)
        # A daemon at work, not one starting: right after the start the kernel is still writing back the log
        # files and inodes it created (thousands beside many programs), on the two cores the writer needs.
        settle()
        go(fifo)
        done = wait_for_bytes(log, size, timeout_for(size))
        return size / MIB / (done - start_time(stamp))
    finally:
        processes.sweep()
        shutil.rmtree(daemon.dir, ignore_errors=True)


def reference(context: Context, size: int, through_cat: bool) -> float:
    directory = context.workdir("log-reference")
    fifo, stamp, log = (os.path.join(directory, name) for name in ("go", "stamp", "writer.log"))
    os.mkfifo(fifo)
    writer = f"{context.tools.helper('logwriter')} {size} {stamp} {fifo}"
    command = f"{writer} | cat > {log}" if through_cat else f"exec {writer} > {log}"
    try:
        processes.start(["/bin/sh", "-c", command], cwd=directory)
        # The same pause as the daemons' writers get, so every contender is started the same way.
        settle()
        go(fifo)
        done = wait_for_bytes(log, size, timeout_for(size))
        return size / MIB / (done - start_time(stamp))
    finally:
        processes.sweep()
        shutil.rmtree(directory, ignore_errors=True)


def run(context: Context) -> list[Section]:
    scale = context.scale
    section = Section("log", METHOD)
    cases = ((scale.log_bytes, 0, scale.log_repeats),
             (scale.log_beside_bytes, scale.log_beside_programs, scale.log_beside_repeats))
    for size, sleepers, repeats in cases:
        samples = {"tend": [], "supervisord": [], "cat": [], "file": []}
        for repeat in range(repeats):
            runs = [(daemon.label, lambda daemon=daemon: under_daemon(context, daemon, size, sleepers))
                    for daemon in context.daemons(f"log-{sleepers}")]
            runs += [("cat", lambda: reference(context, size, through_cat=True)),
                     ("file", lambda: reference(context, size, through_cat=False))]
            # Each repetition starts with the next contender: on this VM a writer's throughput depends on what
            # ran just before it (memory the previous run freed), and no contender should always come first.
            for label, measure in runs[repeat % len(runs):] + runs[:repeat % len(runs)]:
                samples[label].append(measure())
        tend, cat = series(samples["tend"]), series(samples["cat"])
        where = "alone" if sleepers == 0 else f"beside {sleepers} idle programs"
        section.rows.append(Row(f"{size // MIB} MiB {where}", "MiB/s", tend, series(samples["supervisord"]),
                                reference=cat, reference_label="writer | cat > file", better="higher",
                                target="≥ writer | cat > file", met=tend.median >= cat.median))
        section.rows.append(Row(f"{size // MIB} MiB, reference writer > file", "MiB/s",
                                reference=series(samples["file"]), reference_label="writer > file",
                                better="higher"))
    return [section]
