"""`atkg ingest` killed outright (SIGKILL) at one step after another, paying for its check once: a process
of its own prepares the ingest (atkg.ingest.prepare_ingest: the rollback, the check, the worked-out graphs,
seconds on a remote store), then for each step asked forks a child that writes it (write_ingest) with
ATKG_FAULT_KILL_AT naming the step, as tests/atkg/test_journal.py runs a whole `atkg ingest`, and answers
the child's exit status. The settings are those of the environment (ATKG_STORE_*, ATKG_DATA_DIR).

    python -m tests.support.killed_ingest REPORT SOURCES   # then one step a line on stdin
"""

import os
import subprocess
import sys
from pathlib import Path

from atkg.config import settings_from_env
from atkg.ingest import prepare_ingest, write_ingest

READY = "prepared"


def main(report, sources):
    """Prepare the ingest of `report` into the `sources` folder, then write it in a child per step read."""
    settings = settings_from_env()
    prepared = prepare_ingest(Path(report), settings=settings, sources_folder=Path(sources))
    print(READY, flush=True)
    for line in sys.stdin:
        child = os.fork()
        if child == 0:
            os.environ["ATKG_FAULT_KILL_AT"] = line.strip()
            try:
                write_ingest(prepared, settings=settings)
            finally:
                os._exit(0)  # never back into this loop: the parent answers for the child
        print(os.waitstatus_to_exitcode(os.waitpid(child, 0)[1]), flush=True)


class KilledIngest:
    """The process above, for a test: `killed_at(step)` writes the ingest in a child killed at `step` and
    gives its exit status (-SIGKILL when it was killed there, 0 when it finished)."""

    def __init__(self, report, sources, *, env):
        self.process = subprocess.Popen([sys.executable, "-m", __name__, str(report), str(sources)],
                                        env={**os.environ, **env}, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        text=True, cwd=Path(__file__).parents[2])
        said = self.process.stdout.readline().strip()
        if said != READY:
            self.close()
            raise RuntimeError(f"the ingest could not be prepared (it said {said!r})")

    def killed_at(self, step):
        """Write the prepared ingest in a child killed at `step`; its exit status."""
        self.process.stdin.write(step + "\n")
        self.process.stdin.flush()
        return int(self.process.stdout.readline())

    def close(self):
        """End the process."""
        self.process.stdin.close()
        self.process.wait(timeout=60)
        self.process.stdout.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
