"""What a scenario measures: series of samples, rows comparing tend with supervisord (and a reference),
and sections that the report turns into tables."""

import statistics
from dataclasses import dataclass, field


@dataclass
class Series:
    """The samples of one measure for one subject, in the row's unit."""
    values: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    @property
    def low(self) -> float:
        return min(self.values)

    @property
    def high(self) -> float:
        return max(self.values)


def series(values) -> Series | None:
    """A series, or None when nothing was measured."""
    values = [value for value in values if value is not None]
    return Series(values) if values else None


@dataclass
class Row:
    """One measure: tend's samples beside supervisord's and, where the scenario has one, a reference's.
    `better` says which way is better ("lower" for times, "higher" for throughput); `met` is whether tend
    meets the issue's target (None when the row has no target or could not be measured)."""
    measure: str
    unit: str
    tend: Series | None = None
    supervisord: Series | None = None
    reference: Series | None = None
    reference_label: str = ""
    better: str = "lower"
    target: str = ""
    met: bool | None = None
    note: str = ""

    def advantage(self, other: Series | None) -> float | None:
        """How many times better tend's median is than `other`'s (above 1: tend is better)."""
        if self.tend is None or other is None:
            return None
        mine, theirs = self.tend.median, other.median
        if self.better == "lower":
            if mine <= 0:
                return float("inf") if theirs > 0 else None
            return theirs / mine
        if theirs <= 0:
            return float("inf") if mine > 0 else None
        return mine / theirs


@dataclass
class Section:
    """One scenario's results: a title, how it was measured, its rows, and remarks."""
    title: str
    method: str
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    skipped: str = ""
