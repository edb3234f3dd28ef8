"""BENCHMARKS.md: the machine, the versions, how things were measured, and a table per scenario."""

import math

from .results import Row, Section, Series


def number(value: float) -> str:
    """Three significant digits, without an exponent for everyday magnitudes."""
    if value == 0:
        return "0"
    if math.isinf(value):
        return "∞"
    magnitude = math.floor(math.log10(abs(value)))
    decimals = max(0, 2 - magnitude)
    return f"{value:,.{decimals}f}"


def escape(text: str) -> str:
    """Table-safe text: a `|` would end the cell."""
    return text.replace("|", "\\|")


def cell(samples: Series | None, unit: str) -> str:
    if samples is None:
        return "—"
    if len(samples.values) == 1 or samples.low == samples.high:
        return f"{number(samples.median)} {unit}"
    return f"{number(samples.median)} {unit} ({number(samples.low)}–{number(samples.high)})"


def ratio(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{number(value)}×"


def verdict(row: Row) -> str:
    if not row.target:
        return ""
    mark = {True: "met", False: "**missed**", None: "not measured"}[row.met]
    return f"{row.target}: {mark}"


def section_markdown(section: Section) -> str:
    lines = [f"## {section.title}", "", section.method, ""]
    if section.skipped:
        lines += [f"Not measured: {section.skipped}", ""]
        return "\n".join(lines)
    lines += [
        "| measure | tend | supervisord | tend vs supervisord | reference | tend vs reference | target |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in section.rows:
        reference = f"{escape(row.reference_label)}: {cell(row.reference, row.unit)}" if row.reference else "—"
        vs_reference = ratio(row.advantage(row.reference)) if row.reference else "—"
        measure = escape(row.measure + (f" ({row.note})" if row.note else ""))
        lines.append(f"| {measure} | {cell(row.tend, row.unit)} | {cell(row.supervisord, row.unit)} | "
                     f"{ratio(row.advantage(row.supervisord))} | {reference} | {vs_reference} | {escape(verdict(row))} |")
    lines.append("")
    lines += [f"- {note}" for note in section.notes]
    if section.notes:
        lines.append("")
    return "\n".join(lines)


def summary_markdown(sections: list[Section]) -> str:
    lines = ["## Targets at a glance", "", "| scenario | measure | target | tend | result |", "|---|---|---|---|---|"]
    for section in sections:
        for row in section.rows:
            if row.target:
                mark = {True: "met", False: "**missed**", None: "not measured"}[row.met]
                lines.append(f"| {section.title} | {escape(row.measure)} | {escape(row.target)} | "
                             f"{cell(row.tend, row.unit)} | {mark} |")
    return "\n".join(lines) + "\n"


def document(header: str, sections: list[Section]) -> str:
    """The whole BENCHMARKS.md."""
    parts = [header, summary_markdown(sections)]
    parts += [section_markdown(section) for section in sections]
    return "\n".join(parts)
