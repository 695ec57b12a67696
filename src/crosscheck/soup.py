"""Keep nbconvert's BeautifulSoup pass over the page linear in the page's size.

nbconvert's HTMLExporter parses the whole rendered page with BeautifulSoup's
html.parser builder (to add alt text and tabindex) and writes it out again. That
builder keeps a list of the void elements (<br>, <col>, <img>) it has closed, and asks
`tag in list` at every end tag: a scan of every <br> met so far, so the pass grows with
the square of the page (beautifulsoup4 4.15, bs4/builder/_htmlparser.py,
BeautifulSoupHTMLParser.handle_endtag). A page of tables with 15,000 line breaks spent
10 of its 18 seconds there.

`linear_void_elements` swaps that list, while a page renders, for one that also counts
each tag name: the same answers and the same removals, so the same page byte for
byte, in constant time per end tag. When bs4 names the list otherwise, nothing is
swapped and the pass is only slower.
"""

from __future__ import annotations

import contextlib
from collections import Counter

from bs4.builder import _htmlparser


class CountedTags(list):
    """A list of tag names that answers `name in it` from a count per name (O(1))."""

    def __init__(self, names=()):
        super().__init__(names)
        self._counts = Counter(self)

    def append(self, name: str) -> None:
        super().append(name)
        self._counts[name] += 1

    def remove(self, name: str) -> None:
        super().remove(name)  # raises ValueError as a list does for a name not in it
        self._counts[name] -= 1

    def __contains__(self, name: object) -> bool:
        return self._counts.get(name, 0) > 0


@contextlib.contextmanager
def linear_void_elements():
    """While the block runs, every html.parser builder BeautifulSoup makes keeps its
    closed void elements in a CountedTags. Not thread-safe: used around one render."""
    parser = _htmlparser.BeautifulSoupHTMLParser
    original = parser.__init__

    def counted(self, *args, **kwargs):
        original(self, *args, **kwargs)
        if type(getattr(self, "already_closed_empty_element", None)) is list:
            self.already_closed_empty_element = CountedTags(self.already_closed_empty_element)

    parser.__init__ = counted
    try:
        yield
    finally:
        parser.__init__ = original
