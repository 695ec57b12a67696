"""Draft claims from an article's text, for a person to review before they become data.

`draft_article` reads an article sentence by sentence and proposes rows for the
data tables: one candidate claim per figure ("some 1,500", "up to 12,000", "two
units"), and one per attributed statement without a figure ("Austin said ...").
It guesses the claimant, the measure, the stance and the dates with small word
tables (below, each with the reason it exists), and says how sure it is: the
claims carry review columns (`confidence`, the source `sentence`, and whether
the claimant is a `known` actor or a `proposed` new one) that
`crosscheck.drafting.accept` drops. A draft is a starting point for a coder, never data:
`write_draft` writes it to a folder of its own, and `crosscheck.drafting.accept` merges
it into the data only once it validates.

One job a module: `text` (sentences, clauses, quotations), `figures` (numbers as
written), `measures` (what a figure counts, claim type, stance), `actors` (who is
named), `attribution` (who said it), `evidence` (the passage and the summary),
`reader` (an article into rows), `write` (the draft folder), `accept` (into the
data) and `quality` (against hand-annotated articles).
"""

from crosscheck.drafting.language import UnsupportedLanguage
from crosscheck.drafting.reader import draft_article
from crosscheck.drafting.write import REVIEW_COLUMNS, Draft, write_draft

__all__ = ["REVIEW_COLUMNS", "Draft", "UnsupportedLanguage", "draft_article", "write_draft"]
