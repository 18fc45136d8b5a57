"""Settings shared by the commands, read from ATKG_* environment variables with plain defaults.

The server reads the same names through Flask's `from_prefixed_env("ATKG")`.
"""

import os
from dataclasses import dataclass
from pathlib import Path

from atkg.graph.iris import DEFAULT_BASE


@dataclass(frozen=True)
class Settings:
    """Where the graph lives and how its IRIs are minted."""

    base_iri: str = DEFAULT_BASE
    data_dir: Path = Path("var")
    store_query_url: str | None = None
    store_update_url: str | None = None
    store_user: str | None = None
    store_password: str | None = None
    check_timeout: float | None = None  # seconds a report's check may run; None: atkg.shapes.deadline's default

    @property
    def store_dir(self):
        """The embedded store's folder."""
        return self.data_dir / "store"

    @property
    def ready_context_path(self):
        """The check context in its ready form, written by build and ingest for `atkg check`."""
        return self.data_dir / "check-context.pickle"

    @property
    def dump_dir(self):
        """Where the deterministic dumps are written."""
        return self.data_dir / "dumps"


def settings_from_env(environ=None):
    """Settings from ATKG_BASE_IRI, ATKG_DATA_DIR, ATKG_STORE_QUERY_URL, ATKG_STORE_UPDATE_URL,
    ATKG_STORE_USER, ATKG_STORE_PASSWORD and ATKG_CHECK_TIMEOUT."""
    env = os.environ if environ is None else environ
    base = env.get("ATKG_BASE_IRI", DEFAULT_BASE)
    if not base.endswith(("/", "#")):
        base += "/"
    return Settings(
        base_iri=base,
        data_dir=Path(env.get("ATKG_DATA_DIR", "var")),
        store_query_url=env.get("ATKG_STORE_QUERY_URL") or None,
        store_update_url=env.get("ATKG_STORE_UPDATE_URL") or None,
        store_user=env.get("ATKG_STORE_USER") or None,
        store_password=env.get("ATKG_STORE_PASSWORD") or None,
        check_timeout=float(env["ATKG_CHECK_TIMEOUT"]) if env.get("ATKG_CHECK_TIMEOUT") else None,
    )
