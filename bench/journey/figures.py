"""The figures of a run per kind of request: requests per second, p50/p95/p99 latency, errors by kind."""
import math
from collections import Counter
from dataclasses import dataclass

from bench.journey.baseline import BASELINE

KIND_ORDER = ("read lesson", "open task", "save draft", "hand in", "review queue", "open hand-in", "view photo",
              "grade", "read the page", BASELINE)


@dataclass(frozen=True)
class KindFigures:
    kind: str
    requests: int
    per_second: float
    p50: float
    p95: float
    p99: float
    errors: Counter  # error label -> count


def percentile(sorted_values, share):
    """The nearest-rank percentile of values sorted ascending (0 when there are none)."""
    if not sorted_values:
        return 0.0
    return sorted_values[max(0, math.ceil(share * len(sorted_values)) - 1)]


def figures(samples, since, seconds):
    """Figures per kind for the samples that started at or after `since`, over a run of `seconds`."""
    by_kind = {}
    for sample in samples:
        if sample.started >= since and sample.kind != "sign in":
            by_kind.setdefault(sample.kind, []).append(sample)
    rows = []
    for kind in sorted(by_kind, key=lambda k: (KIND_ORDER.index(k) if k in KIND_ORDER else len(KIND_ORDER), k)):
        taken = by_kind[kind]
        latencies = sorted(s.seconds for s in taken)
        rows.append(KindFigures(kind, len(taken), len(taken) / seconds, percentile(latencies, 0.50),
                                percentile(latencies, 0.95), percentile(latencies, 0.99),
                                Counter(s.error for s in taken if s.error)))
    return rows


def error_count(rows):
    return sum(sum(row.errors.values()) for row in rows)


def table(rows, title):
    """The figures as lines of text, latencies in milliseconds; p50 also as a ratio to the baseline's p50."""
    base = next((row.p50 for row in rows if row.kind == BASELINE), 0)
    lines = [title, f"{'kind':<14} {'requests':>8} {'per s':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} "
                    f"{'p50/base':>8}  errors"]
    for row in rows:
        errors = ", ".join(f"{label} ×{n}" for label, n in row.errors.most_common()) or "0"
        ratio = f"{row.p50 / base:>8.1f}" if base else f"{'':>8}"
        lines.append(f"{row.kind:<14} {row.requests:>8} {row.per_second:>7.1f} {row.p50 * 1000:>7.0f} "
                     f"{row.p95 * 1000:>7.0f} {row.p99 * 1000:>7.0f} {ratio}  {errors}")
    total = sum(row.requests for row in rows)
    seconds = total / sum(row.per_second for row in rows) if rows and total else 0
    lines.append(f"{'all':<14} {total:>8} {total / seconds if seconds else 0:>7.1f}{'':>33}  {error_count(rows)}")
    return "\n".join(lines)
