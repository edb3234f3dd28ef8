"""What /proc tells about a process: memory, CPU time, wake-ups, descriptors and descendants."""

import os
from dataclasses import dataclass

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


def _read(path: str) -> str | None:
    try:
        with open(path) as handle:
            return handle.read()
    except OSError:
        return None


def rss_bytes(pid: int) -> int:
    """Resident set size of `pid` (VmRSS), in bytes; 0 when the process is gone."""
    text = _read(f"/proc/{pid}/status") or ""
    for line in text.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


def _task_ids(pid: int) -> list[str]:
    try:
        return os.listdir(f"/proc/{pid}/task")
    except OSError:
        return []


def cpu_seconds(pid: int) -> float:
    """CPU time `pid` has used, user and system, every live thread, from the scheduler's nanosecond
    counters (finer than /proc/PID/stat's 10 ms clock ticks, which are the fallback)."""
    total_ns, found = 0, False
    for task in _task_ids(pid):
        text = _read(f"/proc/{pid}/task/{task}/schedstat")
        if text:
            total_ns += int(text.split()[0])
            found = True
    if found:
        return total_ns / 1e9
    fields = _stat_fields(pid)
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS if fields else 0.0


def _stat_fields(pid: int) -> list[str] | None:
    """The fields of /proc/PID/stat after the command name: state first, then ppid, ... (utime is [11])."""
    text = _read(f"/proc/{pid}/stat")
    if not text:
        return None
    return text[text.rindex(")") + 2:].split()


def voluntary_switches(pid: int) -> int:
    """Voluntary context switches over every live thread of `pid`: how often it went to sleep, which is
    how often something woke it."""
    total = 0
    for task in _task_ids(pid):
        text = _read(f"/proc/{pid}/task/{task}/status") or ""
        for line in text.splitlines():
            if line.startswith("voluntary_ctxt_switches:"):
                total += int(line.split()[1])
    return total


def thread_count(pid: int) -> int:
    """How many threads `pid` has."""
    return len(_task_ids(pid))


def open_fds(pid: int) -> int:
    """How many descriptors `pid` holds open."""
    try:
        return len(os.listdir(f"/proc/{pid}/fd"))
    except OSError:
        return 0


def is_alive(pid: int) -> bool:
    """Whether `pid` exists and is not a zombie."""
    text = _read(f"/proc/{pid}/stat")
    return bool(text) and text[text.rindex(")") + 2] != "Z"


@dataclass(frozen=True)
class ProcessEntry:
    """One row of the process table: pid, parent, and the command name."""
    pid: int
    ppid: int
    name: str


def process_table() -> list[ProcessEntry]:
    """Every live (non-zombie) process on the machine."""
    entries = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        text = _read(f"/proc/{name}/stat")
        if not text:
            continue
        close = text.rindex(")")
        rest = text[close + 2:].split()
        if rest[0] == "Z":
            continue
        entries.append(ProcessEntry(int(name), int(rest[1]), text[text.index("(") + 1:close]))
    return entries


def descendants(root: int, table: list[ProcessEntry] | None = None) -> list[ProcessEntry]:
    """Every live process below `root` in the process tree."""
    table = table if table is not None else process_table()
    children: dict[int, list[ProcessEntry]] = {}
    for entry in table:
        children.setdefault(entry.ppid, []).append(entry)
    found, pending = [], [root]
    while pending:
        for entry in children.get(pending.pop(), []):
            found.append(entry)
            pending.append(entry.pid)
    return found


def children_named(parent: int, name: str) -> list[int]:
    """The pids of `parent`'s direct children whose command name is `name`."""
    return [entry.pid for entry in process_table() if entry.ppid == parent and entry.name == name]


def thread_activity(pid: int) -> dict[int, tuple[str, int, int]]:
    """Each live thread of `pid`: (name, voluntary context switches, run time in ns), to tell which
    thread wakes up."""
    activity = {}
    for task in _task_ids(pid):
        status = _read(f"/proc/{pid}/task/{task}/status") or ""
        name, switches = "?", 0
        for line in status.splitlines():
            if line.startswith("Name:"):
                name = line.split(None, 1)[1] if len(line.split(None, 1)) > 1 else "?"
            elif line.startswith("voluntary_ctxt_switches:"):
                switches = int(line.split()[1])
        schedstat = _read(f"/proc/{pid}/task/{task}/schedstat")
        activity[int(task)] = (name, switches, int(schedstat.split()[0]) if schedstat else 0)
    return activity
