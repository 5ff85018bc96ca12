"""Where the machine's processor time went during a run: all of it (/proc/stat), and the load's own process.

The simulated people run on the same machine as the site, so the figures are read together with
how much of the machine the load itself took.
"""
import os
import resource
import time


def _machine_busy_seconds():
    with open("/proc/stat") as stat:
        fields = [int(value) for value in stat.readline().split()[1:]]
    idle = fields[3] + fields[4]  # idle and waiting for input/output
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def _own_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


class ProcessorTime:
    """Measure between start() and stop(); describe() says it in one line."""

    def start(self):
        self._began = (time.monotonic(), _machine_busy_seconds(), _own_seconds())
        return self

    def stop(self):
        ended = (time.monotonic(), _machine_busy_seconds(), _own_seconds())
        self.wall, self.machine, self.own = (end - begin for end, begin in zip(ended, self._began))
        return self

    def describe(self):
        cores = os.cpu_count() or 1
        return (f"processor time: {self.machine:.0f} of {self.wall * cores:.0f} core-seconds busy "
                f"({self.machine / (self.wall * cores):.0%}); the load generator itself took {self.own:.0f}, "
                f"the site and its database {self.machine - self.own:.0f}")
