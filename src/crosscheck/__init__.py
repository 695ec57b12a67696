"""crosscheck: contested claims as validated data, compared across sources."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("crosscheck")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

import pandas as _pandas

# Text columns are stored in Arrow (pandas 3's default with pyarrow installed, said here
# so that no other setting changes it): a million claims held 2.5 GB as Python strings,
# and every step that handed them to pyarrow (the chapters' view, the exports) converted
# each cell. pandas runs in Python the regular expressions RE2 does not accept
# (look-behind, back-references), so matches are Python's either way. Case mapping is
# not: where words are compared in lower case, crosscheck.columns.lower applies
# Python's. Trimming whitespace follows Arrow's Unicode whitespace, as the load's has
# since it read the CSVs in Arrow.
_pandas.set_option("mode.string_storage", "pyarrow")
