"""What a chapter notebook needs in one object, so that its cells stay one line each."""

from __future__ import annotations

import html
import shutil
from pathlib import Path

import itables
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import HTML, Markdown, display

from crosscheck import claims as claims_module
from crosscheck import findings
from crosscheck.analysis import Analysis, Parameters
from crosscheck.handoff import columns_of, view_for
from crosscheck.load import Dataset, load_dataset
from crosscheck.plots import NothingToDraw, figure_html
from crosscheck.present import (
    empty_html,
    format_day,
    html_table,
    interactive_table_html,
    linked_table,
    table_block,
    write_csv,
)
from crosscheck.settings import read_settings


def find_data_dir(data_dir: str | Path) -> Path:
    """The data folder as given, or, for a relative path, the nearest one above.

    A notebook runs from notebooks/ in JupyterLab and from the project root
    under papermill; the default 'data' must mean the project's data/ in both.
    """
    path = Path(data_dir)
    if path.is_dir() or path.is_absolute():
        return path
    for parent in Path.cwd().resolve().parents:
        if (parent / path).is_dir():
            return parent / path
    return path


# A page stays readable (and under a few megabytes) whatever the size of the data:
# longer tables show their first rows and say where the full table is.
MAX_ROWS_SHOWN = 300
# Columns that join a table to others: in its CSV, not in the page a reader reads.
KEY_COLUMNS = ("measure_id", "window_start", "window_end", "window_phrase")
MAX_INTERACTIVE_ROWS = 500


def _shown(frame: pd.DataFrame, caption: str, name: str, limit: int) -> tuple[pd.DataFrame, str]:
    if len(frame) <= limit:
        return frame, caption
    return frame.head(limit), (
        f"{caption} (the first {limit:,} of {len(frame):,} rows; every row is in data/{name}.csv)"
    )


class Chapter:
    """One chapter's analysed view (analysis.Analysis) and its way of showing tables and
    charts.

    Every table and chart shown is also written as CSV to tables_dir (when given),
    under the name the report links to. Under a report build the view is the build's
    own, computed once for all chapters; run by hand, the chapter computes it once for
    its parameters.
    """

    def __init__(
        self,
        data_dir: str | Path,
        as_of: str | None,
        tables_dir: str | Path | None,
        approximate_margin: float = 0.0,
        window_days: int = 7,
        grade_overrides: dict | None = None,
    ):
        folder = find_data_dir(data_dir)
        settings = read_settings(folder)
        self.parameters = Parameters.parse(
            as_of, approximate_margin, window_days, grade_overrides, settings.key_articles,
        )  # fmt: skip
        # The topic's words (report.yml `subject`) for the sentences of what is missing.
        self.subject = settings.subject
        self.view: Analysis = view_for(load_dataset, folder, self.parameters)
        self.all_data: Dataset = self.view.all_data
        self.data: Dataset = self.view.data
        self.as_of = self.parameters.as_of
        self.tables_dir = Path(tables_dir) if tables_dir else None
        self._interactive_ready = False
        # The tables this chapter has written, by name: a later export may say its frame
        # is one of them (`exported_as`), and its CSV is then a copy of that file.
        self._written: set[str] = set()

    @staticmethod
    def parse_day(day: str | None) -> pd.Timestamp | None:
        """A day parameter ("YYYY-MM-DD" or None) as a date."""
        return claims_module.parse_as_of(day)

    @property
    def source(self) -> str:
        """The source line for a chart: how many claims from how many articles and sources."""
        claims = columns_of(self.data, "claims", ["claimant_id", "article_id"])
        cutoff = ""
        if self.as_of is not None:
            cutoff = f", published by {format_day(pd.Series([self.as_of]))[0]}"
        return (
            f"{findings.counted(len(claims), 'claim')} by "
            f"{findings.counted(claims['claimant_id'].nunique(), 'source')} in "
            f"{findings.counted(claims['article_id'].nunique(), 'article')}{cutoff} "
            "(crosscheck data/claims.csv)"
        )

    def _export(self, frame: pd.DataFrame, name: str, exported_as: str | None = None) -> None:
        # A table a reader downloads: numbers rounded to what they mean, yes / no.
        if self.tables_dir is None:
            return
        path = self.tables_dir / f"{name}.csv"
        if exported_as in self._written and exported_as != name:
            # The caller says frame is the table it exported as `exported_as`, unchanged:
            # the same bytes, without writing a million rows twice.
            shutil.copyfile(self.tables_dir / f"{exported_as}.csv", path)
        else:
            write_csv(frame, path, readable=True)
        self._written.add(name)

    def export(self, frame: pd.DataFrame, filename: str) -> None:
        """Write a table to tables_dir without showing it, and say where it went. Values
        are written as pandas writes them: such a table is a build's record, which the
        next build compares as text (changes.claim_changes)."""
        if self.tables_dir is not None:
            write_csv(frame, self.tables_dir / filename)
            self._written.discard(Path(filename).stem)  # not the readable table of that name
            rows = len(frame)
            self.finding(
                f"No row: data/{filename} holds its header only."
                if rows == 0
                else f"The {rows:,} row{'s are' if rows != 1 else ' is'} kept in data/{filename}."
            )

    def table(
        self,
        frame: pd.DataFrame,
        name: str,
        caption: str,
        empty: str | None = None,
        shown: pd.DataFrame | None = None,
        summary: str | None = None,
        exported_as: str | None = None,
    ) -> None:
        """Show a table, escaped, and export it as name.csv. A table without rows is shown
        as a sentence saying there is nothing of it (`empty`, or one made from the
        caption and the cut-off), never as a bare header.

        shown: the table as the page shows it, when that differs from the export (rows
        grouped for reading; the CSV keeps one row per item). The page hides blank
        columns, collapses identical rows with a count and folds a table of more than
        present.FOLD_ROWS rows under `summary` (or a line naming its rows).

        exported_as: the name under which this chapter already exported this very table,
        unchanged since (a chart's data): name.csv is then a copy of that file."""
        self._export(frame, name, exported_as)
        if frame.empty:
            display(HTML(empty_html(name, caption, empty or self._nothing(caption))))
            return
        page = frame if shown is None else shown
        page = page.drop(columns=[c for c in KEY_COLUMNS if c in page.columns])
        page, caption = _shown(page, caption, name, MAX_ROWS_SHOWN)
        display(HTML(html_table(page, caption, name=name, summary=summary)))

    def _nothing(self, caption: str) -> str:
        """The sentence in place of an empty table: what is missing, under which cut-off
        and in which articles (a few are named: findings.articles_in_words)."""
        among = []
        if self.as_of is not None:
            among.append(f"published by {format_day(pd.Series([self.as_of]))[0]}")
        articles = self.all_data.articles
        if 0 < len(articles) <= findings.MAX_NAMED_ARTICLES:
            among.append(f"in {findings.articles_in_words(articles)}")
        where = f" among the claims {' '.join(among)}" if among else ""
        return f"Nothing to show for “{caption}”: the data holds no such rows{where}."

    def linked_table(
        self,
        frame: pd.DataFrame,
        name: str,
        caption: str,
        link_column: str,
        url_column: str,
        summary: str | None = None,
    ) -> None:
        """Show a table whose link_column links to url_column (http(s) only); export it.
        Blank columns are hidden; over present.FOLD_ROWS rows the table folds under
        `summary` (or a line naming its rows)."""
        self._export(frame, name)
        if frame.empty:
            display(HTML(empty_html(name, caption, self._nothing(caption))))
            return
        shown, caption = _shown(frame, caption, name, MAX_ROWS_SHOWN)
        inner = linked_table(shown, link_column, url_column, summary)
        display(HTML(table_block(name, caption, inner)))

    def interactive_table(self, frame: pd.DataFrame, name: str, caption: str) -> None:
        """Show a table readers can sort, search and page (offline), export it as name.csv."""
        if not self._interactive_ready:
            # Embeds the table library (about 1 MB) once, in this chapter's output.
            itables.init_notebook_mode(all_interactive=False, connected=False)
            self._interactive_ready = True
        self._export(frame, name)
        if frame.empty:
            display(HTML(empty_html(name, caption, self._nothing(caption))))
            return
        shown, caption = _shown(frame, caption, name, MAX_INTERACTIVE_ROWS)
        display(HTML(interactive_table_html(shown, name, caption)))

    def chart(
        self, figure, data: pd.DataFrame, name: str, alt: str, exported_as: str | None = None
    ) -> None:
        """Show a chart with alt text, export the data drawn in it as name.csv. A chart
        function's NothingToDraw is shown as its sentence under the caption, no figure.
        exported_as: as for table (the data is a table this chapter exported already)."""
        self._export(data, name, exported_as)
        display(HTML(figure_html(figure, name, alt)))
        if not isinstance(figure, NothingToDraw):
            plt.close(figure)

    def say(self, text: str) -> None:
        """Prose written by us (Markdown); never pass it text from the data."""
        display(Markdown(text))

    def finding(self, text: str) -> None:
        """A sentence computed from the data, shown as plain text (escaped); nothing when
        the sentence is empty."""
        if not text:
            return
        display(HTML(f'<p class="crosscheck-finding">{html.escape(text)}</p>'))

    def summary(self, needs: str = "claim") -> None:
        """Under a cut-off day, a line saying which claims the chapter looks at (nothing
        when it looks at all of them: the page's header says so once); then, when the
        selection holds nothing the chapter needs (needs="claim": no claim; "figure": no
        claim with a figure), the sentence saying so with its day and articles
        (findings.nothing_sentence), so an empty chapter opens on why it is empty."""
        if self.as_of is not None:
            self.say(
                f"This chapter uses the claims published by "
                f"{format_day(pd.Series([self.as_of]))[0]}: **{len(self.data.claims):,}** of "
                f"{len(self.all_data.claims):,} claims recorded."
            )
        missing = findings.nothing_sentence(self.view, self.subject, needs)
        if missing:
            display(HTML(f'<p class="crosscheck-nothing">{html.escape(missing)}</p>'))
