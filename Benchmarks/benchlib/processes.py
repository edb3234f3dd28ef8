"""Starting and cleaning up the processes a scenario runs, so that none is left behind.

The harness makes itself a child subreaper: whatever a daemon leaves when it is killed is re-parented to
the harness rather than to init, so `sweep()` finds it among the harness's descendants, kills it and
reaps it."""

import ctypes
import errno
import os
import resource
import signal
import subprocess
import time

from . import procfs

PR_SET_CHILD_SUBREAPER = 36


def become_subreaper() -> None:
    """Adopt every orphan our children leave, so none escapes the sweep."""
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_CHILD_SUBREAPER)")


def raise_open_file_limit() -> int:
    """Raise the soft RLIMIT_NOFILE to the hard limit (children inherit it); returns the new soft limit."""
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return hard


def start(argv: list[str], cwd: str, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
          stdin=subprocess.DEVNULL, env: dict | None = None) -> subprocess.Popen:
    """Start `argv` in a session of its own (so a terminal's signals never reach it)."""
    return subprocess.Popen(argv, cwd=cwd, stdout=stdout, stderr=stderr, stdin=stdin,
                            start_new_session=True, env=env, close_fds=True)


def wait_until(condition, timeout: float, interval: float = 0.002, what: str = "a condition"):
    """Poll `condition()` every `interval` seconds until it returns something truthy, which is returned;
    raise TimeoutError after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(interval)


def reap_all() -> None:
    """Reap every exited child and adopted orphan without blocking."""
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def sweep(grace: float = 0.0) -> int:
    """Kill every descendant of the harness (SIGTERM first when `grace` > 0, then SIGKILL) and reap them
    all; returns how many there were. Called at the end of every scenario."""
    me = os.getpid()
    found = procfs.descendants(me)
    if grace > 0 and found:
        _signal_all(found, signal.SIGTERM)
        try:
            wait_until(lambda: not procfs.descendants(me), grace, 0.01, "descendants to exit")
        except TimeoutError:
            pass
    deadline = time.monotonic() + 30
    while True:
        left = procfs.descendants(me)
        if not left:
            break
        _signal_all(left, signal.SIGKILL)
        reap_all()
        if time.monotonic() > deadline:
            raise RuntimeError(f"{len(left)} processes survive SIGKILL: {left[:5]}")
        time.sleep(0.005)
    reap_all()
    return len(found)


def _signal_all(entries, signum) -> None:
    for entry in entries:
        try:
            os.kill(entry.pid, signum)
        except OSError as error:
            if error.errno != errno.ESRCH:
                raise
