"""crosscheck: contested claims as validated data, compared across sources."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("crosscheck")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

import pandas as _pandas

# Text columns keep Python's strings, as before pyarrow was installed (pandas 3 stores
# them in Arrow when pyarrow is present): the drafter and the analysis match with
# Python's regular expressions, which Arrow's RE2 engine does not all accept, and small
# tables read cell by cell are slower in Arrow. crosscheck.load parses and checks the
# CSVs in Arrow itself, where a million claims need it.
_pandas.set_option("mode.string_storage", "python")
