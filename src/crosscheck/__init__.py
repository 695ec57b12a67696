"""crosscheck: contested claims as validated data, compared across sources."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("crosscheck")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
