"""atkg: a knowledge graph of Azerbaijan's National Action Plan against trafficking in human beings 2020-2024."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("atkg")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
