"""Charts that cap what they draw keep the key articles' figures and say what they left out;
every chart says in a sentence that an empty input has nothing to draw and draws a one-row
input; a chart reaches the page as inline SVG; the sides are named and coloured as
alignments.csv says (its label and colour, else the Okabe & Ito palette in row order)."""

from __future__ import annotations

import re
import warnings

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.colors import to_hex

from crosscheck import chartcheck, plots
from crosscheck.load import load_dataset

from conftest import DATA, RALLY


def statements(count: int, measure: str = "m") -> pd.DataFrame:
    days = pd.date_range("2024-10-01", periods=count, freq="D")
    return pd.DataFrame(
        {
            "measure": measure,
            "statement": [f"s{n:02d}" for n in range(count)],
            "claim_id": [f"c{n:02d}" for n in range(count)],
            "stated_on": days,
        }
    )


def test_a_cap_keeps_the_key_statements_and_the_latest_others():
    drawn, left_out = plots.capped(statements(20), keep={"s00", "s01"}, limit=5)
    assert list(drawn["statement"]) == ["s00", "s01", "s17", "s18", "s19"]
    assert left_out == 15


def test_a_cap_not_reached_draws_everything():
    drawn, left_out = plots.capped(statements(3), keep=set(), limit=8)
    assert len(drawn) == 3 and left_out == 0


def test_more_key_statements_than_the_cap_are_all_kept():
    drawn, left_out = plots.capped(statements(6), keep={f"s0{n}" for n in range(6)}, limit=2)
    assert len(drawn) == 6 and left_out == 0


def test_the_cap_is_per_measure():
    both = pd.concat([statements(10, "a"), statements(10, "b")], ignore_index=True)
    drawn, left_out = plots.capped(both, keep={"s00"}, limit=3)
    assert drawn.groupby("measure").size().to_dict() == {"a": 3, "b": 3}
    assert left_out == 14


def test_a_cap_of_nothing_draws_nothing():
    drawn, left_out = plots.capped(statements(0), keep={"s00"}, limit=3)
    assert drawn.empty and left_out == 0


# --- the chart in the page: inline SVG ---------------------------------------------------


def small_chart(title: str = "A title") -> plots.Figure:
    return plots.estimate_ranges(one_statement(), title, "a source")


def test_a_chart_is_inline_svg_with_its_text_as_text():
    page = plots.figure_html(small_chart("국가정보원 said 3,000"), "estimate_ranges", "Ranges.")
    assert "<svg " in page and "<img" not in page and "data:image/png" not in page
    assert ">국가정보원 said 3,000</text>" in page


def test_the_svg_has_no_prolog_doctype_metadata_or_page_wide_style():
    page = plots.figure_html(small_chart(), "timeline", "Statements by claimant.")
    assert "<?xml" not in page and "<!DOCTYPE" not in page
    assert "<metadata" not in page and "<style" not in page and "<!--" not in page


def test_the_svg_scales_to_the_column_and_keeps_its_viewbox():
    svg = re.search(r"<svg [^>]*>", plots.figure_html(small_chart(), "timeline", "Alt text."))[0]
    assert 'width="100%"' in svg and re.search(r'viewBox="0 0 648 [0-9.]+"', svg)
    assert "height=" not in svg.replace("height:auto", "")


def test_the_svg_names_fonts_the_browser_can_fall_back_on():
    page = plots.figure_html(small_chart(), "timeline", "Alt text.")
    assert "font-family:'DejaVu Sans', 'Noto Sans CJK KR', 'Noto Sans', sans-serif" in page
    assert page.count("font-family") == 1  # on the <svg>, inherited by every <text>


def test_the_chart_keeps_its_alt_text_caption_and_data_link():
    page = plots.figure_html(small_chart(), "relay_chains", "Paths from <sources> to outlets.")
    assert re.search(r'<svg role="img" aria-label="Paths from &lt;sources&gt; to outlets\."', page)
    assert "<title>Paths from &lt;sources&gt; to outlets.</title>" in page
    caption = re.search(r"<figcaption>(.*?)</figcaption>", page)[1]
    assert caption == (
        'Paths from &lt;sources&gt; to outlets. (<a href="data/relay_chains.csv">'
        "data: relay_chains.csv</a>)"
    )


def test_two_charts_in_one_page_share_no_id():
    first = plots.figure_html(small_chart(), "timeline", "Alt text.")
    second = plots.figure_html(small_chart(), "known_on", "Alt text.")
    ids = re.findall(r'\bid="([^"]+)"', first + second)
    assert len(ids) > 4 and len(ids) == len(set(ids))
    references = re.findall(r'(?:url\(#|href="#)([^)"]+)', first + second)
    assert set(references) <= set(ids)


def test_the_same_chart_gives_the_same_bytes():
    assert plots.figure_html(small_chart(), "timeline", "Alt.") == plots.figure_html(
        small_chart(), "timeline", "Alt."
    )


def test_drawing_a_glyph_no_font_has_warns_nothing():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        plots.figure_html(small_chart("\U00013000 Egyptian"), "timeline", "Alt text.")


# --- every chart: an empty input says so, a one-row input draws -------------------------


def one_statement(**fields) -> pd.DataFrame:
    row = {
        "measure": "troops_dispatched", "measure_label": "Troops sent", "unit": "soldiers",
        "statement": "s1", "claim_id": "c1", "claimant": "국가정보원", "origin": "국가정보원",
        "claimant_alignment": "supports_ukraine", "stated_on": pd.Timestamp("2024-10-18"),
        "point": 1500.0, "interval_low": 1500.0, "interval_high": 1500.0, "bound": "exact",
        "period_start": pd.NaT, "period_end": pd.NaT, "period_wording": None,
        "stance_label": "asserts",
    }  # fmt: skip
    return pd.DataFrame([row | fields])


def texts_of(figure) -> list[str]:
    texts = [box.text for box in chartcheck.text_boxes(figure)]
    assert chartcheck.text_problems(figure) == []
    plt.close(figure)
    return texts


@pytest.mark.parametrize(
    ("draw", "says"),
    [
        (lambda: plots.estimate_ranges(one_statement().iloc[0:0], "t", "src"),
         "No figure had been stated"),
        (lambda: plots.statement_timeline(one_statement().iloc[0:0], "t", "src"),
         "No statement had been made"),
        (lambda: plots.figure_over_time(one_statement().iloc[0:0], "troops_dispatched", None,
                                        "No figures yet", "src"), "No figures yet."),
        (lambda: plots.known_on_chart(pd.DataFrame(), "t", "src"), "No figure of these"),
        (lambda: plots.relay_chart(pd.DataFrame(), "t", "src"), "No claim had been recorded"),
    ],
)  # fmt: skip
def test_an_empty_input_draws_no_figure_but_a_sentence_saying_so(draw, says):
    open_before = plt.get_fignums()
    nothing = draw()
    assert isinstance(nothing, plots.NothingToDraw) and nothing.sentence.startswith(says)
    assert plt.get_fignums() == open_before  # no figure was made


def test_one_figure_draws_as_one_range_with_its_label():
    texts = texts_of(plots.estimate_ranges(one_statement(), "One figure", "src"))
    assert "1,500 (exact)" in texts and "국가정보원 (18 Oct 2024)" in texts


def test_one_statement_draws_on_the_calendar():
    texts = texts_of(plots.statement_timeline(one_statement(), "One statement", "src"))
    assert "국가정보원" in texts and "17 Oct 2024" in texts and "18 Oct" in texts


def test_one_figure_draws_over_time_on_a_day_axis_with_its_year():
    texts = texts_of(plots.figure_over_time(one_statement(), "troops_dispatched", None,
                                            "One figure", "src"))  # fmt: skip
    assert "1,500" in texts and "17 Oct 2024" in texts and "18 Oct" in texts


def test_one_known_figure_draws_as_one_bar():
    known = pd.DataFrame([{"known on": pd.Timestamp("2024-10-20"), "measure": "Troops sent",
                           "source": "국가정보원", "figure": 1500.0, "stated": pd.Timestamp(
                               "2024-10-18"), "alignment": "supports_ukraine"}])  # fmt: skip
    texts = texts_of(plots.known_on_chart(known, "One figure", "src"))
    assert "1,500" in texts and "known on 20 Oct 2024" in texts


def test_one_path_draws_source_and_outlet():
    chains = pd.DataFrame([{"source": "국가정보원", "relayed via": "(direct)", "outlet": "KBS",
                            "claims": 1, "alignment": "supports_ukraine"}])  # fmt: skip
    texts = texts_of(plots.relay_chart(chains, "One path", "src"))
    assert {"국가정보원", "KBS", "sources", "outlets"} <= set(texts)


def test_sources_of_one_side_differ_by_marker_and_dashes():
    rows = pd.concat([one_statement(origin=f"source {n}", claim_id=f"c{n}", point=1000.0 * n)
                      for n in range(1, 5)], ignore_index=True)  # fmt: skip
    figure = plots.figure_over_time(rows, "troops_dispatched", None, "Four sources", "src")
    styles = {(line.get_marker(), line.get_linestyle()) for line in figure.axes[0].lines}
    plt.close(figure)
    assert len(styles) == 4


def test_a_long_title_and_source_wrap_inside_the_figure():
    figure = plots.estimate_ranges(one_statement(), "A very long title " * 12, "a source " * 20)
    assert chartcheck.text_problems(figure) == []
    plt.close(figure)


def test_hashed_svg_ids_are_renumbered_in_order_of_first_use():
    # matplotlib hashes what it knows of a clip (its rectangle, or a path's transform as
    # text) into the id; two builds of one chart once differed there alone.
    from crosscheck.plots import _renumbered_ids

    def svg(clip: str, marker: str) -> str:
        return (
            f'<path clip-path="url(#{clip})" d="M 1 2"/><use xlink:href="#{marker}" x="3"/>'
            f'<defs><clipPath id="{clip}"><rect x="0"/></clipPath>'
            f'<path id="{marker}" d="M 0 0"/></defs><g id="line2d_1"/>'
        )

    one = _renumbered_ids(svg("pa09806b626", "m0123456789"))
    other = _renumbered_ids(svg("pc18206f88f", "mfedcba9876"))
    assert one == other
    assert 'clip-path="url(#p0)"' in one and 'id="p0"' in one
    assert 'xlink:href="#m1"' in one and 'id="m1"' in one and 'id="line2d_1"' in one


# --- the sides: named and coloured by alignments.csv -------------------------------------


def sides_table(rows: list[tuple], colours: bool = True) -> pd.DataFrame:
    """An alignments table as load_dataset types it: (alignment, label, colour or None)."""
    table = pd.DataFrame(rows, columns=["alignment", "label", "colour"]).astype("string")
    return table if colours else table.drop(columns="colour")


def test_sides_without_a_colour_take_the_palette_in_row_order_skipping_named_colours():
    table = sides_table([("a", "A", None), ("b", "B", "#0072b2"), ("c", "C", None),
                         ("d", "D", "#123456")])  # fmt: skip
    assert plots.side_colours(table) == {
        "a": "#D55E00",  # the palette's first, blue, is b's own (in any case)
        "b": "#0072b2",
        "c": "#009E73",
        "d": "#123456",
    }


def test_the_palette_repeats_after_its_eighth_colour():
    table = sides_table([(f"s{n}", f"S{n}", None) for n in range(9)], colours=False)
    colours = list(plots.side_colours(table).values())
    assert colours[:8] == list(plots.OKABE_ITO) and colours[8] == "#0072B2"


def test_an_empty_alignments_table_colours_nothing():
    assert plots.side_colours(sides_table([])) == {}
    assert plots.Sides.of(sides_table([])).handles(pd.Series([], dtype="string")) == []


def test_the_shipped_sides_keep_the_colours_the_report_has_always_drawn():
    assert plots.side_colours(load_dataset(DATA).alignments) == {
        "ukraine": "#0072B2",
        "supports_ukraine": "#009E73",
        "russia": "#D55E00",
        "north_korea": "#CC79A7",
        "neutral": "#6E6E6E",
    }


def test_the_rally_topic_names_its_own_grey_and_takes_the_palette_for_its_two_parties():
    sides = plots.Sides.of(load_dataset(RALLY).alignments)
    assert sides.colours == {"organisers": "#0072B2", "city": "#D55E00", "neutral": "#6E6E6E"}
    assert sides.label("city") == "The city"


def legend_entries(legend) -> list[tuple[str, str]]:
    """(label, colour as #rrggbb) of each entry of a matplotlib legend."""
    return [
        (text.get_text(), to_hex(handle.get_color()))
        for text, handle in zip(legend.get_texts(), legend.legend_handles, strict=True)
    ]


TWO_SIDES = sides_table([("ours", "Our side", "#112233"), ("theirs", "Their side", None)])


def two_sides_statements() -> pd.DataFrame:
    return pd.concat([
        one_statement(claimant_alignment="theirs", origin="them", claimant="Them"),
        one_statement(claimant_alignment="ours", origin="us", claimant="Us", claim_id="c2",
                      statement="s2", point=2500.0, interval_low=2500.0, interval_high=2500.0),
    ], ignore_index=True)  # fmt: skip


def test_a_chart_legend_names_the_sides_by_their_labels_in_the_tables_order():
    figure = plots.estimate_ranges(two_sides_statements(), "t", "src", alignments=TWO_SIDES)
    entries = legend_entries(figure.axes[0].get_legend())
    dots = {tuple(offset): colour for offset, colour in zip(
        figure.axes[1].collections[-1].get_offsets().tolist(),
        figure.axes[1].collections[-1].get_facecolors(), strict=True)}  # fmt: skip
    plt.close(figure)
    assert entries == [("Our side", "#112233"), ("Their side", "#0072b2")]
    # Rows run from the latest statement down; Them's 1,500 and Us's 2,500 both on 18 Oct.
    assert {point: to_hex(colour) for (point, _), colour in dots.items()} == {
        1500.0: "#0072b2",
        2500.0: "#112233",
    }


def test_the_calendar_legend_gives_the_stances_then_the_sides():
    figure = plots.statement_timeline(two_sides_statements(), "t", "src", alignments=TWO_SIDES)
    entries = legend_entries(figure.axes[0].get_legend())
    plt.close(figure)
    assert [label for label, _ in entries] == ["asserts", "Our side", "Their side"]
    assert entries[1:] == [("Our side", "#112233"), ("Their side", "#0072b2")]


def test_the_relay_chart_colours_a_source_box_and_its_path_by_its_side():
    chains = pd.DataFrame([{"source": "Us", "relayed via": "(direct)", "outlet": "Paper",
                            "claims": 1, "alignment": "ours"}])  # fmt: skip
    figure = plots.relay_chart(chains, "One path", "src", alignments=TWO_SIDES)
    entries = legend_entries(figure.legends[0])
    boxes = {text.get_text(): to_hex(text.get_bbox_patch().get_edgecolor())
             for text in figure.axes[0].texts if text.get_bbox_patch()}  # fmt: skip
    paths = {to_hex(line.get_color()) for line in figure.axes[0].lines}
    plt.close(figure)
    assert entries == [("Our side", "#112233")]
    assert boxes == {"Us": "#112233", "Paper": "#333333"} and paths == {"#112233"}


def test_a_side_the_table_does_not_list_is_named_by_its_code_drawn_grey_and_put_last():
    rows = two_sides_statements()
    rows.loc[0, "claimant_alignment"] = "stray"
    figure = plots.estimate_ranges(rows, "t", "src", alignments=TWO_SIDES)
    entries = legend_entries(figure.axes[0].get_legend())
    plt.close(figure)
    assert entries == [("Our side", "#112233"), ("stray", plots.UNLISTED_SIDE_COLOUR.lower())]


def test_without_a_table_the_sides_are_named_by_their_codes_and_coloured_in_code_order():
    figure = plots.estimate_ranges(two_sides_statements(), "t", "src")
    entries = legend_entries(figure.axes[0].get_legend())
    plt.close(figure)
    assert entries == [("ours", "#0072b2"), ("theirs", "#d55e00")]


def test_the_ranges_charts_source_line_adds_up_to_the_figures_table(shipped_view):
    # A reader checks the chart's note against the table beside it (66 rows in the
    # shipped data): drawn plus the others is every figure, measures not charted included.
    from crosscheck import estimates

    view = shipped_view
    table = estimates.figures_table(view.statements)
    texts = texts_of(plots.estimate_ranges(view.statements, "t", "src", view.key_statements,
                                           view.data.alignments))  # fmt: skip
    (line,) = [" ".join(text.split()) for text in texts if "Drawn:" in text]  # wrapped
    found = re.search(r"Drawn: ([\d,]+) of the ([\d,]+) figures .*the other ([\d,]+) are", line)
    drawn, given, other = (int(n.replace(",", "")) for n in found.groups())
    assert given == len(table) == drawn + other
    assert f"of the {plots.MAX_MEASURES_CHARTED} measures with most figures" in line
