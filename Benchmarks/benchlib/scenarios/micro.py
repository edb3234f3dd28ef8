"""micro: the ordo-one/benchmark package in Benchmarks/Micro (config loading and one planner pass at
10,000 programs), run through its SwiftPM plugin; its percentile exports become the table."""

import glob
import os
import re
import shutil
import subprocess

from ..context import Context
from ..results import Row, Section, Series

METHOD = (
    "`swift package benchmark` in `Benchmarks/Micro` (ordo-one/benchmark, release build, malloc interposer "
    "on): each benchmark runs up to its time or iteration limit after a warm-up. The corpus is 10,000 "
    "programs in 100 files of 100 (`[program.pN]` with command, startsecs, autorestart, stopwaitsecs, "
    "stdout_logfile), loaded by `ConfigLoader` from memory and from a real directory, and the same programs "
    "as one file for parsing and `FragmentDecoder` alone. The planner pass walks a prepared `ReconcileTable` "
    "of 10,000 RUNNING processes whose observed state matches the desired one (the plan is checked to be "
    "empty), as the daemon holds it; applying a config is what a reload adds before its pass: the fresh "
    "configuration's 10,000 desired values, compared with the table's and applied as a diff (nothing changed). "
    "The pass over the changed processes is what the daemon plans after one event (an exit, a deadline) at "
    "10,000 programs: the one process its table saw change. Only tend has these; "
    "the supervisord column is empty."
)

PACKAGE = os.path.join(os.path.dirname(__file__), "..", "..", "Micro")

TARGETS = {
    "Planner.plan": ("< 1 ms", lambda wall_ms: wall_ms < 1),
    "Load 10,000 programs (100 files, in memory)": ("< 1 s", lambda wall_ms: wall_ms < 1000),
    "Load 10,000 programs (100 files, real directory)": ("< 1 s", lambda wall_ms: wall_ms < 1000),
}


def percentiles(path: str) -> tuple[str, dict[int, float]]:
    """The metric's header ("Time (wall clock) (μs)") and its value at each percentile."""
    with open(path) as handle:
        header = handle.readline().rstrip("\n").split("\t", 1)[1]
        values = {}
        for line in handle:
            percentile, value = line.split("\t")
            values[int(percentile)] = float(value)
    return header, values


def to_milliseconds(header: str, value: float) -> float:
    unit = re.search(r"\((ns|μs|us|ms|s)\)", header)
    factor = {"ns": 1e-6, "μs": 1e-3, "us": 1e-3, "ms": 1.0, "s": 1e3}[unit.group(1) if unit else "ns"]
    return value * factor


def count_factor(header: str) -> float:
    """The multiplier a count's header names: "Malloc (total) (K) *" means thousands."""
    unit = re.search(r"\((K|M|G)\)", header)
    return {"K": 1e3, "M": 1e6, "G": 1e9}[unit.group(1)] if unit else 1.0


def run(context: Context) -> list[Section]:
    section = Section("micro (Swift, ordo-one/benchmark)", METHOD)
    output = os.path.join(context.root, "micro")
    os.makedirs(output)
    package = os.path.abspath(PACKAGE)
    command = ["swift", "package", "--package-path", package, "--allow-writing-to-directory", output,
               "benchmark", "--format", "histogramPercentiles", "--path", output, "--no-progress",
               "--metric", "wallClock", "--metric", "mallocCountTotal"]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"swift package benchmark failed ({result.returncode}):\n{result.stdout[-2000:]}\n"
                           f"{result.stderr[-2000:]}")
    files = glob.glob(os.path.join(output, "**", "*.tsv"), recursive=True)
    by_name: dict[str, dict[str, tuple[str, dict[int, float]]]] = {}
    for path in files:
        name = os.path.basename(path)
        match = re.match(r"^[^.]+\.TendMicro\.(.+)\.(wallClock|mallocCountTotal)\.histogram\.percentiles\.tsv$", name)
        if match:
            by_name.setdefault(match.group(1), {})[match.group(2)] = percentiles(path)
    if not by_name:
        raise RuntimeError(f"no percentile files in {output}: {os.listdir(output)}\n{result.stdout[-1500:]}")
    for name in sorted(by_name):
        metrics = by_name[name]
        pretty = name.replace("_", " ")
        if "wallClock" in metrics:
            header, values = metrics["wallClock"]
            wall = Series([to_milliseconds(header, values[50]), to_milliseconds(header, values[0]),
                           to_milliseconds(header, values[100])])
            target, met = "", None
            for key, (text, check) in TARGETS.items():
                if _loose(key) in _loose(name):
                    target, met = text, check(wall.values[0])
            section.rows.append(Row(f"{pretty}: wall clock", "ms", _median_first(wall), target=target, met=met))
        if "mallocCountTotal" in metrics:
            header, values = metrics["mallocCountTotal"]
            factor = count_factor(header)
            counts = Series([values[50] * factor, values[0] * factor, values[100] * factor])
            section.rows.append(Row(f"{pretty}: allocations", "mallocs", _median_first(counts)))
    section.notes.append(f"{len(by_name)} benchmarks; the full percentile tables: `swift package benchmark` in "
                         "Benchmarks/Micro. Allocation counts are what the malloc interposer reports per iteration.")
    shutil.rmtree(output, ignore_errors=True)
    return [section]


def _loose(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _median_first(samples: Series) -> Series:
    """A series whose median, minimum and maximum are the benchmark's p50, p0 and p100."""
    median, low, high = samples.values
    return Series([low, median, high])
