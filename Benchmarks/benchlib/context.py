"""What every scenario receives: the tools, a scratch directory, and the sizes of this run (full or quick)."""

import itertools
import os
from dataclasses import dataclass, field

from .daemons import Supervisord, Tend, Tools


@dataclass(frozen=True)
class Scale:
    """Sizes and repetitions: the issue's in a full run, smaller ones with QUICK=1 for trying things out."""
    start_sizes: tuple[int, ...]
    start_repeats: int
    start_repeats_startsecs: int
    idle_programs: int
    idle_seconds: float
    reload_programs: int
    reload_repeats: int
    restart_repeats: int
    log_bytes: int
    log_beside_bytes: int
    log_beside_programs: int
    log_repeats: int
    log_beside_repeats: int
    readiness_programs: int
    readiness_repeats: int
    status_programs: int
    status_repeats: int
    stop_programs: int
    stop_repeats: int
    ignorers: int

    @staticmethod
    def full() -> "Scale":
        return Scale(start_sizes=(100, 1000), start_repeats=3, start_repeats_startsecs=2, idle_programs=1000, idle_seconds=30,
                     reload_programs=100, reload_repeats=10, restart_repeats=20,
                     log_bytes=1 << 30, log_beside_bytes=256 << 20, log_beside_programs=1000, log_repeats=6,
                     log_beside_repeats=3,
                     readiness_programs=1000, readiness_repeats=3, status_programs=1000, status_repeats=10,
                     stop_programs=1000, stop_repeats=2, ignorers=10)

    @staticmethod
    def quick() -> "Scale":
        return Scale(start_sizes=(100, 300), start_repeats=1, start_repeats_startsecs=1, idle_programs=300, idle_seconds=5,
                     reload_programs=100, reload_repeats=3, restart_repeats=5,
                     log_bytes=128 << 20, log_beside_bytes=32 << 20, log_beside_programs=300, log_repeats=1,
                     log_beside_repeats=1,
                     readiness_programs=300, readiness_repeats=1, status_programs=300, status_repeats=3,
                     stop_programs=300, stop_repeats=1, ignorers=10)


@dataclass
class Context:
    """The run's tools, scale and scratch root; `daemons()` gives a fresh tend and supervisord each time."""
    tools: Tools
    scale: Scale
    root: str
    quick: bool
    tend_has_control: bool = False
    counter: itertools.count = field(default_factory=itertools.count)

    def workdir(self, name: str) -> str:
        path = os.path.join(self.root, f"{name}-{next(self.counter)}")
        os.makedirs(path)
        return path

    def tend(self, name: str) -> Tend:
        return Tend(self.tools, self.workdir(name + "-tend"))

    def supervisord(self, name: str) -> Supervisord:
        return Supervisord(self.tools, self.workdir(name + "-supervisord"))

    def daemons(self, name: str) -> list:
        """A fresh tend and a fresh supervisord, in that order."""
        return [self.tend(name), self.supervisord(name)]
