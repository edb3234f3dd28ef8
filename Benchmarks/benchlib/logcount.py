"""Counting a pattern in a log file that is still being written, reading only what is new each time."""

import os
import re


class LogCounter:
    """Follows `path` and counts the complete lines that match `pattern` (a regular expression)."""

    def __init__(self, path: str, pattern: str):
        self.path = path
        self.pattern = re.compile(pattern.encode())
        self.offset = 0
        self.partial = b""
        self.count = 0
        self.matches: list[re.Match] = []

    def poll(self) -> int:
        """Read what was appended since the last poll; return the total count of matching lines."""
        try:
            with open(self.path, "rb") as handle:
                handle.seek(self.offset)
                data = handle.read()
        except FileNotFoundError:
            return self.count
        if not data:
            return self.count
        self.offset += len(data)
        data = self.partial + data
        cut = data.rfind(b"\n")
        if cut < 0:
            self.partial = data
            return self.count
        self.partial = data[cut + 1:]
        for line in data[:cut].split(b"\n"):
            match = self.pattern.search(line)
            if match:
                self.count += 1
                self.matches.append(match)
        return self.count

    def size(self) -> int:
        """The file's current size in bytes (0 when it does not exist yet)."""
        try:
            return os.stat(self.path).st_size
        except FileNotFoundError:
            return 0
