#!/usr/bin/env python3
"""The benchmark harness: runs tend and supervisord on the same scenarios in one run and writes
BENCHMARKS.md with the machine, the versions, and a table per scenario (median, min–max, ratios).

    python3 Benchmarks/bench.py --tend .build/release/tend --venv .venv-bench [--quick] [--only start,log]

`make bench` (or `make bench QUICK=1`) installs supervisord into .venv-bench, builds tend in release mode,
and runs this. Standard library only."""

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from benchlib import procfs, processes, report  # noqa: E402
from benchlib.context import Context, Scale  # noqa: E402
from benchlib.daemons import Tend, Tools  # noqa: E402
from benchlib.results import Section  # noqa: E402
from benchlib.scenarios import idle, log, micro, readiness, reload, restart, start, status, stopall  # noqa: E402

SCENARIOS = {
    "start": start, "idle": idle, "reload": reload, "restart": restart, "log": log,
    "readiness": readiness, "status": status, "stopall": stopall, "micro": micro,
}
HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)


def build_helpers(into: str) -> None:
    """Compile the C helpers with `cc -O2`; the stamp program statically when the toolchain can."""
    for name in ("spawnref", "logwriter", "stamp"):
        source = os.path.join(HERE, "helpers", name + ".c")
        output = os.path.join(into, name)
        flags = ["-static"] if name == "stamp" else []
        command = ["cc", "-O2", "-Wall", "-Wextra", *flags, "-o", output, source]
        if subprocess.run(command).returncode != 0 and flags:
            subprocess.run(["cc", "-O2", "-Wall", "-Wextra", "-o", output, source], check=True)
        elif not os.path.exists(output):
            raise RuntimeError(f"cannot build {source}")


def first_line(command: list[str]) -> str:
    try:
        result = subprocess.run(command, capture_output=True, text=True)
        return (result.stdout or result.stderr).strip().splitlines()[0]
    except (OSError, IndexError):
        return "unknown"


def machine_facts() -> dict[str, str]:
    cpu = "unknown"
    with open("/proc/cpuinfo") as handle:
        for line in handle:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as handle:
        memory = int(handle.readline().split()[1]) / (1 << 20)
    debian = open("/etc/debian_version").read().strip() if os.path.exists("/etc/debian_version") else "?"
    return {"cpu": cpu, "cores": str(os.cpu_count()), "memory": f"{memory:.0f} GiB",
            "kernel": platform.release(), "os": f"Debian {debian}"}


def load_average() -> str:
    return " / ".join(f"{value:.2f}" for value in os.getloadavg())


BUSY_MACHINE = 300
"""More live processes than this at the start means something else runs (7,000 sleeps left
behind by an earlier run once slowed every /proc scan of the harness, for both daemons): say so."""


def header(tools: Tools, quick: bool, started_load: str, ended_load: str, elapsed: float, limit: int,
           process_count: int) -> str:
    machine = machine_facts()
    commit = first_line(["git", "-C", TOP, "describe", "--always", "--dirty"])
    return "\n".join([
        "# Benchmarks: tend and supervisord side by side",
        "",
        "Written by `make bench`" + (" with QUICK=1 (smaller N, fewer repetitions: for trying the harness, "
                                     "not for quoting)" if quick else "") +
        f" on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; the whole run took {elapsed / 60:.1f} min. "
        "Each cell is the median, with the minimum–maximum in brackets when there was more than one sample. "
        "*tend vs supervisord* (and *vs reference*) is how many times better tend's median is: above 1 tend "
        "is better (faster, leaner, higher throughput), below 1 it is worse. Targets are the issue's goals; "
        "they are reported, never asserted.",
        "",
        "## Machine and versions",
        "",
        "| | |",
        "|---|---|",
        f"| CPU | {machine['cpu']}, {machine['cores']} cores |",
        f"| memory | {machine['memory']} |",
        f"| system | {machine['os']}, Linux {machine['kernel']} |",
        f"| load average (1/5/15 min) | {started_load} at the start, {ended_load} at the end |",
        f"| live processes at the start | {process_count}"
        + (" (more than a quiet machine has: figures are suspect)" if process_count > BUSY_MACHINE else "") + " |",
        f"| open-file limit | soft raised to the hard limit, {limit}, for both daemons |",
        f"| tend | {commit} ({first_line([tools.tend, '--version'])}), release build as `make release` makes it (runtime and libstdc++ linked statically, lld, DT_RELR) |",
        f"| Swift | {first_line(['swift', '--version'])} |",
        f"| supervisord | {first_line([os.path.join(tools.venv, 'bin', 'supervisord'), '--version'])} "
        f"(PyPI, in {os.path.basename(tools.venv)}) on {first_line([os.path.join(tools.venv, 'bin', 'python'), '--version'])} |",
        f"| C helpers | {first_line(['cc', '--version'])}, `-O2` |",
        "",
        "## How it was measured",
        "",
        "- Each daemon runs in a fresh temporary directory of its own, with equivalent configurations: tend "
        "`tend.toml` + `conf.d/NAME.toml`, supervisord `supervisord.conf` with `[unix_http_server]`, "
        "`[include]` of `conf.d/NAME.conf` and `nodaemon=true`; one file per program, the same command, "
        "startsecs, autorestart and stopwaitsecs, stdout and stderr each to a log file of their own.",
        "- \"All RUNNING\" is what each daemon says in its own log, read incrementally every 2 ms: tend's "
        "`NAME: STARTING -> RUNNING (pid N)`, supervisord's `success: NAME entered RUNNING state`. Both write "
        "these lines at the moment they change the state, so neither is favoured.",
        "- supervisord's `minfds` is what N programs need (5 descriptors each plus a margin, at least 1024): "
        "it raises the open-file limit, and supervisord closes every descriptor below it in each child it "
        "forks, so a needlessly large value would slow it down.",
        "- Times are CLOCK_MONOTONIC readings (Python's `time.monotonic()`, the C helpers' `clock_gettime`). "
        "Processes are found through /proc; the harness is a child subreaper and kills and reaps every "
        "descendant at the end of each scenario.",
        "- Scratch directories stay until the end of the run (only the log scenario removes its GiB files). Deleting "
        "thousands of files just before the next daemon starts would make each log file it creates scan the "
        "inodes freed in the last 30 s (ext4 without a journal, as /tmp is here, will not reuse them): a cost of "
        "the machine's file system that neither daemon nor the C reference should be charged.",
        "",
        "The machine has 2 cores. When other work ran on it during the run (see the load average), absolute "
        "figures are noisier than on a quiet machine; tend and supervisord ran one after the other within "
        "the same minutes, so their ratios are the figures to read.",
        "",
    ])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tend", default=os.path.join(TOP, ".build", "release", "tend"))
    parser.add_argument("--venv", default=os.path.join(TOP, ".venv-bench"))
    parser.add_argument("--out", default=os.path.join(TOP, "BENCHMARKS.md"))
    parser.add_argument("--quick", action="store_true", help="smaller N and fewer repetitions")
    parser.add_argument("--only", default="", help="comma-separated scenarios (default: all)")
    parser.add_argument("--keep", action="store_true", help="keep the scratch directory")
    arguments = parser.parse_args()

    chosen = [name for name in arguments.only.split(",") if name] or list(SCENARIOS)
    unknown = [name for name in chosen if name not in SCENARIOS]
    if unknown:
        parser.error(f"unknown scenarios: {', '.join(unknown)} (known: {', '.join(SCENARIOS)})")

    processes.become_subreaper()
    limit = processes.raise_open_file_limit()
    root = tempfile.mkdtemp(prefix="tend-bench-")
    helpers = os.path.join(root, "helpers")
    os.makedirs(helpers)
    build_helpers(helpers)
    tools = Tools(tend=os.path.abspath(arguments.tend), venv=os.path.abspath(arguments.venv), helpers=helpers)
    context = Context(tools=tools, scale=Scale.quick() if arguments.quick else Scale.full(), root=root,
                      quick=arguments.quick)
    context.tend_has_control = Tend(tools, os.path.join(root, "probe")).has_control()

    started, started_load = time.monotonic(), load_average()
    process_count = len(procfs.process_table())
    if process_count > BUSY_MACHINE:
        print(f"warning: {process_count} live processes on the machine; leftovers of an earlier run "
              "(`pgrep -c sleep`) slow the harness for both daemons", file=sys.stderr, flush=True)
    sections: list[Section] = []
    try:
        for name in chosen:
            print(f"== {name}", file=sys.stderr, flush=True)
            began = time.monotonic()
            try:
                sections += SCENARIOS[name].run(context)
            except Exception as error:  # one failing scenario must not lose the others' figures
                traceback.print_exc()
                sections.append(Section(name, "", skipped=f"the scenario failed: {error}"))
            finally:
                processes.sweep()
            print(f"   {time.monotonic() - began:.1f} s", file=sys.stderr, flush=True)
    finally:
        processes.sweep()
        if not arguments.keep:
            shutil.rmtree(root, ignore_errors=True)
    text = report.document(header(tools, arguments.quick, started_load, load_average(),
                                  time.monotonic() - started, limit, process_count), sections)
    with open(arguments.out, "w") as handle:
        handle.write(text)
    print(f"wrote {arguments.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
