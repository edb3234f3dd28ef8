"""tend and supervisord behind one interface: the same programs written as each one's configuration, a
launch, "how many are RUNNING" from each daemon's own log, the control client, and the control socket.

Fairness: both daemons run with equivalent settings (one file per program in conf.d, the same startsecs,
autorestart, stopwaitsecs and log files, stdout and stderr each to a file of their own), both inherit the
harness's raised open-file limit, and a program counts as RUNNING when the daemon itself says so in its
log: tend's `NAME: STARTING -> RUNNING (pid N)`, supervisord's `success: NAME entered RUNNING state`."""

import json
import os
import shlex
import socket
import subprocess
import time
from dataclasses import dataclass, field

from . import processes
from .logcount import LogCounter


SLEEPER = ["/bin/sleep", "100000"]
"""The idle program every scenario runs by the hundred, by absolute path so no PATH search differs."""


@dataclass
class Program:
    """One supervised program, described once and written for either daemon."""
    name: str
    command: list[str]
    startsecs: float = 0
    autorestart: str = "unexpected"
    stopwaitsecs: float = 10
    stdout_logfile: str | None = None
    stdout_maxbytes: int = 50 * 1024 * 1024
    autostart: bool = True
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Tools:
    """Where the binaries are: the tend executable, supervisord's virtualenv, and the C helpers."""
    tend: str
    venv: str
    helpers: str

    def helper(self, name: str) -> str:
        return os.path.join(self.helpers, name)


class Daemon:
    """What both daemons share; subclasses say how each is configured, started and asked."""

    label = "daemon"

    def __init__(self, tools: Tools, workdir: str):
        self.tools = tools
        self.dir = workdir
        os.makedirs(os.path.join(workdir, "conf.d"), exist_ok=True)
        os.makedirs(os.path.join(workdir, "logs"), exist_ok=True)
        self.process: subprocess.Popen | None = None
        self.launched_at = 0.0
        self.running = LogCounter(self.log_path, self.running_pattern)

    # -- configuration -------------------------------------------------------------------------------
    def write_programs(self, programs: list[Program]) -> None:
        """Write the daemon's main file and one conf.d file per program."""
        self.write_main()
        for program in programs:
            self.write_program(program)

    def program_path(self, name: str) -> str:
        return os.path.join(self.dir, "conf.d", name + self.extension)

    def write_program(self, program: Program) -> float:
        """Write (or rewrite) `program`'s file in place; returns the monotonic time just before the write."""
        text = self.program_text(program)
        started = time.monotonic()
        with open(self.program_path(program.name), "w") as handle:
            handle.write(text)
        return started

    def remove_program(self, name: str) -> float:
        started = time.monotonic()
        os.unlink(self.program_path(name))
        return started

    def default_log(self, name: str, stream: str) -> str:
        return os.path.join(self.dir, "logs", f"{name}-{stream}.log")

    # -- running -------------------------------------------------------------------------------------
    def launch(self) -> float:
        """Start the daemon; returns the monotonic time just before the spawn."""
        self.launched_at = time.monotonic()
        with open(self.stderr_path, "ab") as stderr:
            self.process = processes.start(self.command(), cwd=self.dir, stderr=stderr)
        return self.launched_at

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def running_count(self) -> int:
        """How many RUNNING transitions the daemon has logged so far."""
        return self.running.poll()

    def wait_running(self, count: int, timeout: float) -> float:
        """Wait until the daemon has logged `count` RUNNING transitions; returns the monotonic time seen."""
        def reached():
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(f"{self.label} exited with {self.process.returncode}; see {self.stderr_path}")
            return self.running_count() >= count
        processes.wait_until(reached, timeout, 0.002, f"{count} programs RUNNING under {self.label}")
        return time.monotonic()

    def apply_changes(self) -> None:
        """Make the daemon act on changed configuration files (tend watches them; supervisord is told)."""

    def control(self, *args: str) -> subprocess.CompletedProcess:
        """Run the control client with `args`; its output is captured."""
        return subprocess.run(self.control_command(list(args)), cwd=self.dir, capture_output=True)

    def stop(self) -> None:
        """Kill the daemon and everything left of its programs."""
        processes.sweep()

    # -- control socket ------------------------------------------------------------------------------
    def probe(self, timeout: float = 10.0) -> bool:
        """One request on the control socket: True once a complete answer came back."""
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
                client.settimeout(timeout)
                client.connect(self.socket_path)
                client.sendall(self.probe_request())
                reply = b""
                while b"\r\n\r\n" not in reply:
                    chunk = client.recv(65536)
                    if not chunk:
                        break
                    reply += chunk
                return reply.startswith(b"HTTP/1.") and b" 200 " in reply.split(b"\r\n", 1)[0]
        except OSError:
            return False


class Tend(Daemon):
    """tend: tend.toml and conf.d/*.toml, `tend daemon` in the foreground with its log on stderr."""

    label = "tend"
    extension = ".toml"
    running_pattern = r"(\S+): STARTING -> RUNNING \(pid (\d+)\)"

    @property
    def log_path(self) -> str:
        return os.path.join(self.dir, "daemon.log")

    stderr_path = log_path

    @property
    def socket_path(self) -> str:
        return os.path.join(self.dir, "tend.sock")

    def write_main(self) -> None:
        with open(os.path.join(self.dir, "tend.toml"), "w") as handle:
            handle.write('[daemon]\nsocket = "tend.sock"\ninclude = ["conf.d/*.toml"]\n'
                         'log_dir = "logs"\nstate_dir = "state"\n')

    def program_text(self, program: Program) -> str:
        lines = [
            f"[program.{program.name}]",
            f"command = {json.dumps(program.command)}",
            f"startsecs = {_number(program.startsecs)}",
            f'autorestart = "{program.autorestart}"',
            f"stopwaitsecs = {_number(program.stopwaitsecs)}",
            f"autostart = {'true' if program.autostart else 'false'}",
            f"stdout_logfile = {json.dumps(program.stdout_logfile or self.default_log(program.name, 'stdout'))}",
            f"stdout_logfile_maxbytes = {program.stdout_maxbytes}",
            f"stderr_logfile = {json.dumps(self.default_log(program.name, 'stderr'))}",
        ]
        lines += [f"{key} = {json.dumps(value)}" for key, value in program.extra.items()]
        return "\n".join(lines) + "\n"

    def command(self) -> list[str]:
        return [self.tools.tend, "daemon", "-c", "tend.toml"]

    def control_command(self, args: list[str]) -> list[str]:
        return [self.tools.tend, *args, "-c", os.path.join(self.dir, "tend.toml")]

    def probe_request(self) -> bytes:
        return b"GET /v1/version HTTP/1.1\r\nHost: tend\r\nConnection: close\r\n\r\n"

    def has_control(self) -> bool:
        """Whether this tend build has the control client (`tend status`)."""
        result = subprocess.run([self.tools.tend, "--help"], capture_output=True, text=True)
        return "status" in result.stdout


class Supervisord(Daemon):
    """supervisord 4 from the virtualenv: supervisord.conf with a unix socket and [include] of conf.d.

    minfds is what N programs need (each costs supervisord 5 descriptors: three pipe ends and two log
    files) and no more: supervisord closes every descriptor below minfds in each child it forks, so a
    larger value would slow its spawns for nothing."""

    label = "supervisord"
    extension = ".conf"
    running_pattern = r"success: (\S+) entered RUNNING state"

    @property
    def log_path(self) -> str:
        return os.path.join(self.dir, "supervisord.log")

    @property
    def stderr_path(self) -> str:
        return os.path.join(self.dir, "supervisord.stderr")

    @property
    def socket_path(self) -> str:
        return os.path.join(self.dir, "supervisor.sock")

    @property
    def conf_path(self) -> str:
        return os.path.join(self.dir, "supervisord.conf")

    def write_programs(self, programs: list[Program]) -> None:
        self.minfds = max(1024, 5 * len(programs) + 256)
        super().write_programs(programs)

    def write_main(self) -> None:
        with open(self.conf_path, "w") as handle:
            handle.write(
                f"[unix_http_server]\nfile={self.socket_path}\nchmod=0700\n\n"
                f"[supervisord]\nlogfile={self.log_path}\nlogfile_maxbytes=0\nloglevel=info\n"
                f"pidfile={self.dir}/supervisord.pid\nnodaemon=true\nminfds={self.minfds}\nminprocs=4096\n"
                f"childlogdir={self.dir}/logs\n\n"
                "[rpcinterface:supervisor]\n"
                "supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface\n\n"
                f"[supervisorctl]\nserverurl=unix://{self.socket_path}\n\n"
                f"[include]\nfiles = {self.dir}/conf.d/*.conf\n")

    def program_text(self, program: Program) -> str:
        autorestart = {"always": "true", "never": "false"}.get(program.autorestart, program.autorestart)
        lines = [
            f"[program:{program.name}]",
            f"command={shlex.join(program.command)}",
            f"startsecs={_number(program.startsecs)}",
            f"autorestart={autorestart}",
            f"stopwaitsecs={_number(program.stopwaitsecs)}",
            f"autostart={'true' if program.autostart else 'false'}",
            f"stdout_logfile={program.stdout_logfile or self.default_log(program.name, 'stdout')}",
            f"stdout_logfile_maxbytes={program.stdout_maxbytes}",
            f"stderr_logfile={self.default_log(program.name, 'stderr')}",
        ]
        lines += [f"{key}={value}" for key, value in program.extra.items()]
        return "\n".join(lines) + "\n"

    def command(self) -> list[str]:
        return [os.path.join(self.tools.venv, "bin", "supervisord"), "-n", "-c", self.conf_path]

    def control_command(self, args: list[str]) -> list[str]:
        return [os.path.join(self.tools.venv, "bin", "supervisorctl"), "-c", self.conf_path, *args]

    def apply_changes(self) -> None:
        result = self.control("update")
        if result.returncode != 0:
            raise RuntimeError(f"supervisorctl update failed: {result.stdout!r} {result.stderr!r}")

    def probe_request(self) -> bytes:
        body = (b"<?xml version='1.0'?><methodCall><methodName>supervisor.getState</methodName>"
                b"<params></params></methodCall>")
        return (b"POST /RPC2 HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/xml\r\n"
                b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)

    def has_control(self) -> bool:
        return True


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def both(tools: Tools, root: str, name: str) -> list[Daemon]:
    """A tend and a supervisord, each in its own fresh directory under `root`."""
    return [Tend(tools, os.path.join(root, name, "tend")), Supervisord(tools, os.path.join(root, name, "supervisord"))]
