"""How much of the CPU the virtual machine's host took while a benchmark ran (Linux /proc/stat "steal").

On a shared host the same work can take twice as long from one minute to the next; the stolen share is
printed with each result so that slow runs can be told apart from slow code.
"""

from pathlib import Path

PROC_STAT = Path("/proc/stat")
STEAL = 7  # user nice system idle iowait irq softirq steal ...


def cpu_times():
    """The machine's CPU time counters (all CPUs, in clock ticks), or None where /proc/stat is missing."""
    try:
        first = PROC_STAT.read_text().splitlines()[0].split()
    except OSError:
        return None
    return [int(value) for value in first[1:]]


def stolen_share(before, after):
    """The share (0-1) of CPU time taken by the host between two cpu_times() readings, or None."""
    if before is None or after is None:
        return None
    spent = [end - start for start, end in zip(before, after)]
    total = sum(spent[:STEAL + 1])  # guest time is counted in user time already
    return spent[STEAL] / total if total else 0.0
