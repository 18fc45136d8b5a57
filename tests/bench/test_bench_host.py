"""The benchmark's reading of the CPU time the VM's host took (/proc/stat steal)."""

import importlib.util
from pathlib import Path

HOST = Path(__file__).resolve().parents[2] / "bench" / "host.py"


def load_host():
    """bench/host.py as a module (bench/ is not a package)."""
    spec = importlib.util.spec_from_file_location("bench_host", HOST)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_stolen_share_is_steal_over_all_time_spent_guest_time_left_out():
    host = load_host()
    #        user nice system idle iowait irq softirq steal guest guest_nice
    before = [100, 0, 50, 800, 10, 0, 5, 20, 40, 0]
    after = [160, 0, 70, 900, 10, 0, 5, 40, 90, 0]  # 200 ticks spent, 20 of them stolen; guest is in user
    assert host.stolen_share(before, after) == 0.1


def test_no_reading_gives_no_share():
    host = load_host()
    assert host.stolen_share(None, [1] * 10) is None
    assert host.stolen_share([1] * 10, None) is None
    assert host.stolen_share([1] * 10, [1] * 10) == 0.0


def test_this_machine_is_read_as_counters():
    times = load_host().cpu_times()
    assert len(times) >= 8 and all(isinstance(value, int) and value >= 0 for value in times)
