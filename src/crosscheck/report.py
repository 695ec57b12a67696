"""Build the report: run every chapter notebook through papermill, render one HTML page.

The build is atomic. Everything is written into a staging folder beside the
report; only when every notebook has run and every page has rendered do the new
files replace the old ones. A failed or interrupted build leaves the previous
report as it was and removes its staging folder; a notebook that failed is kept
in <out>/failed/ for debugging.
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import gc
import hashlib
import html
import os
import re
import shutil
import signal
import sys
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, date, datetime
from importlib import resources
from pathlib import Path

import nbformat
import papermill
import pyarrow as arrow
from jupyter_client.manager import AsyncKernelManager
from nbconvert import HTMLExporter
from papermill.exceptions import PapermillExecutionError
from tqdm import tqdm
from traitlets import CaselessStrEnum, default

from crosscheck import (
    __version__,
    analysis,
    changes,
    chapter_parameters,
    findings,
    handoff,
    jsonld,
    schema,
)
from crosscheck.datapackage import write_export_package
from crosscheck.load import load_dataset
from crosscheck.present import write_csv
from crosscheck.settings import REPORT_LEDE, REPORT_TITLE, read_settings, with_period
from crosscheck.soup import linear_void_elements
from crosscheck.stages import stage
from crosscheck.subset import write_subset

PROJECT_ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
TEMPLATES_DIR = Path(str(resources.files("crosscheck") / "templates"))
KERNEL_NAME = "python3"
# Cells a reader of the report does not need: the defaults and what papermill injected.
PARAMETER_TAGS = {"parameters", "injected-parameters"}


class LocalKernelManager(AsyncKernelManager):
    """Kernels that talk over local sockets (IPC) instead of TCP: nothing of a build
    listens on the network, and the kernel has no reason to warn about it."""

    transport = CaselessStrEnum(["tcp", "ipc"], default_value="ipc", config=True)

    @default("ip")
    def _unique_socket_prefix(self) -> str:
        # Kernels started side by side must not share socket files (jupyter_client's
        # default prefix is the same relative name for all of them).
        return os.path.join(tempfile.gettempdir(), f"crosscheck-{uuid.uuid4().hex[:12]}-ipc")


class BuildError(Exception):
    """A build failed for a reason a user can act on; the last good report is untouched."""


@dataclass
class BuildOptions:
    data_dir: Path = Path("data")
    as_of: str | None = None
    out_dir: Path = Path("reports")
    with_code: bool = False
    notebooks: list[Path] | None = None  # None: the chapters in notebooks/
    progress: bool = True
    # Further notebook parameters (name → value), given to the chapters that declare them.
    parameters: dict | None = None
    # Only the claims of these articles (None: all), read from a cut-down copy of the data.
    articles: list[str] | None = None
    # The data folder named in the page when data_dir is a cut-down copy of it.
    shown_data_dir: Path | None = None
    # Chapters run side by side: one kernel each, as many as there are cores (at most 4).
    jobs: int = min(4, os.cpu_count() or 1)


def chapter_notebooks(folder: Path = NOTEBOOKS_DIR) -> list[Path]:
    """The chapters, in reading order: notebooks named NN_something.ipynb."""
    return sorted(folder.glob("[0-9][0-9]_*.ipynb"))


def build(options: BuildOptions) -> Path:
    """Build the report into options.out_dir and return the path of index.html."""
    dataset = load_dataset(options.data_dir)  # fail on bad data before any kernel starts
    if options.progress and dataset.notes:
        # How cells were read (other scripts' digits, empty columns a spreadsheet added):
        # the data is valid, but the analyst should know, as `crosscheck validate` says.
        print(dataset.notes_report(), file=sys.stderr, end="", flush=True)
    settings = read_settings(options.data_dir)
    # The data folder's own defaults first, then what the user asked for.
    options = dataclasses.replace(
        options,
        parameters=as_papermill_values((settings.parameters or {}) | (options.parameters or {})),
    )
    try:
        chapter_parameters.check(options.parameters, dataset)
    except chapter_parameters.ParameterError as error:
        raise BuildError(str(error)) from None
    parameters = _analysis_parameters(options, settings.key_articles)
    notebooks = chapter_notebooks() if options.notebooks is None else options.notebooks
    if not notebooks:
        raise BuildError("no chapter notebooks (NN_name.ipynb) to run")

    # Absolute paths from here on: nothing below depends on the working folder.
    options = dataclasses.replace(
        options, out_dir=options.out_dir.resolve(), data_dir=options.data_dir.resolve(),
        shown_data_dir=options.shown_data_dir or options.data_dir,
    )  # fmt: skip
    out_dir = options.out_dir
    out_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".building-", dir=out_dir))
    try:
        if options.articles:
            try:
                subset = write_subset(options.data_dir, options.articles, staging / "input")
            except ValueError as error:
                raise BuildError(str(error)) from None
            dataset = load_dataset(subset)
            options = dataclasses.replace(options, data_dir=subset)
        # The one computation of the analysed view: every chapter reads its files.
        with stage("analyse"):
            try:
                view = analysis.analyse(dataset, parameters)
            except ValueError as error:
                raise BuildError(str(error)) from None
            stored = staging / "view"
            with stage("handoff"):  # within analyse: writing the view for the chapters
                handoff.write_view(view, options.data_dir, stored)
        # From here the build reads the view from its files, as the chapters do, and lets
        # go of the frames it made: while the kernels run, it holds none of them (2.5 GB
        # of Python strings at a million claims).
        counts = dataset.counts()
        del dataset
        view = handoff.open_view(stored)
        # Arrow's allocator keeps what it freed for reuse; hand it back to the system.
        gc.collect()
        arrow.default_memory_pool().release_unused()
        with stage("chapters"), _environment(handoff.VIEW_VARIABLE, str(stored)):
            executed = _run_notebooks(notebooks, staging, options)
        with stage("render"):
            _write_page(view, executed, notebooks, staging, options, settings, counts)
        _replace_report(staging, out_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    shutil.rmtree(out_dir / "failed", ignore_errors=True)
    return out_dir / "index.html"


def _write_page(
    view: analysis.Analysis | handoff.StoredView,
    executed: list,
    notebooks: list[Path],
    staging: Path,
    options: BuildOptions,
    settings,
    counts: dict[str, int],
) -> None:
    """The page (and the page with code), the key findings, JSON-LD and the data package.
    counts: rows per table of the data the build read (Dataset.counts)."""
    build_info = _build_info(options, counts, notebooks)
    span = findings.period(view)
    build_info["title"] = with_period(settings.title, span)
    build_info["lede"] = with_period(settings.lede, span)
    (staging / "data").mkdir(exist_ok=True)
    key_findings = findings.key_findings(view)
    write_csv(key_findings, staging / "data" / "key_findings.csv")
    build_info["findings"] = findings_html(view, key_findings, settings.subject)
    articles = view.data.articles
    # Only the columns a claim's node is made of: the page needs no more of the claims.
    claims = handoff.columns_of(view, "claims", list(jsonld.COLUMNS))
    jsonld.write_jsonld(claims, articles, staging / "data" / "claims.jsonld")
    # Every table is written by now: describe them all as a Frictionless Data Package.
    write_export_package(staging / "data")
    # The page embeds the most recent claims; the file beside it holds them all.
    claims = jsonld.claims_jsonld(claims, articles, limit=jsonld.MAX_EMBEDDED)
    (staging / "index.html").write_text(
        render(executed, build_info, with_code=False, structured_data=claims),
        encoding="utf-8",
    )
    if options.with_code:
        (staging / "report-with-code.html").write_text(
            render(executed, build_info, with_code=True, structured_data=claims),
            encoding="utf-8",
        )


def as_papermill_values(value):
    """A parameter value as papermill passes it to a kernel: YAML reads 2024-10-20 (from
    `-p` or report.yml) as a date, which the kernel's JSON cannot carry; dates and times
    become ISO text, inside mappings and lists too. Anything else is returned as is."""
    if isinstance(value, dict):
        return {key: as_papermill_values(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [as_papermill_values(item) for item in value]
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


# The parameters of the analysed view: every chapter declares them and gets the same.
ANALYSIS_PARAMETERS = {"approximate_margin": 0.0, "window_days": 7, "grade_overrides": {}}


def _analysis_parameters(options: BuildOptions, key_articles) -> analysis.Parameters:
    """The view's parameters from the command line and report.yml, checked once, here."""
    given = options.parameters or {}
    chosen = {name: given.get(name, default) for name, default in ANALYSIS_PARAMETERS.items()}
    try:
        return analysis.Parameters.parse(options.as_of, key_articles=key_articles, **chosen)
    except ValueError as error:
        raise BuildError(str(error)) from None


def _declared_parameters(notebooks: list[Path]) -> dict[Path, set[str]]:
    return {nb: set(papermill.inspect_notebook(str(nb))) for nb in notebooks}


def _check_extra_parameters(options: BuildOptions, declared: dict[Path, set[str]]) -> None:
    known = set().union(*declared.values()) if declared else set()
    unknown = sorted(set(options.parameters or {}) - known)
    if unknown:
        raise BuildError(
            f"no chapter takes the parameter {', '.join(unknown)}; "
            f"the chapters take: {', '.join(sorted(known))}"
        )


@contextlib.contextmanager
def _environment(name: str, value: str):
    """Set an environment variable for the kernels started inside the block."""
    before = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = before


def _keep_previous(out_dir: Path, staging: Path) -> Path:
    """Copy what the last build recorded, for the chapter on what changed since."""
    previous = staging / "previous"
    previous.mkdir()
    for name in (changes.SNAPSHOT, changes.COMPARISON):
        if (out_dir / "data" / name).exists():
            shutil.copyfile(out_dir / "data" / name, previous / name)
    return previous


def _run_notebooks(notebooks: list[Path], staging: Path, options: BuildOptions) -> list:
    given_analysis = {
        name: (options.parameters or {}).get(name, default)
        for name, default in ANALYSIS_PARAMETERS.items()
    }
    common = {
        "data_dir": str(options.data_dir.resolve()),
        "as_of": options.as_of,
        "tables_dir": str((staging / "data").resolve()),
    } | given_analysis
    # Only for the chapters that declare it (what changed since the previous build).
    previous = {"previous_dir": str(_keep_previous(options.out_dir, staging).resolve())}
    declared = _declared_parameters(notebooks)
    _check_extra_parameters(options, declared)
    given = previous | (options.parameters or {})

    # One bar for the whole build, advanced as each chapter ends: bars of chapters
    # running side by side would overwrite each other.
    bar = tqdm(
        total=len(notebooks),
        desc="chapters",
        unit="chapter",
        file=sys.stderr,
        disable=not options.progress,
        bar_format="{desc}: {n}/{total} {bar} {elapsed}{postfix}",
    )
    unchanged = _previous_report_note(options.out_dir)

    def run(numbered: tuple[int, Path]):
        number, notebook = numbered
        # Only what the chapter declares: papermill warns of any other name it is given.
        offered = common | given
        parameters = {k: v for k, v in offered.items() if k in declared[notebook]}
        target = staging / "notebooks" / notebook.name
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            with stage(f"chapter {notebook.stem}"):
                result = papermill.execute_notebook(
                    str(notebook),
                    str(target),
                    parameters=parameters,
                    kernel_name=KERNEL_NAME,
                    progress_bar=False,
                    # No cwd=: papermill would chdir the whole process, and chapters run in
                    # threads side by side would trample each other's working folder.
                    shutdown_kernel="immediate",
                    kernel_manager_class=LocalKernelManager,
                )
        except PapermillExecutionError as error:
            kept = _keep_failed(target, options.out_dir)
            raise BuildError(
                f"notebook {notebook.name} failed in cell {_source_cell(target, error)} "
                f"(execution count {error.exec_count}): {error.ename}: {error.evalue}\n"
                f"The executed notebook is kept for debugging: {kept}{unchanged}"
            ) from None
        except Exception as error:  # a kernel that died or never started
            kept = _keep_failed(target, options.out_dir)
            raise BuildError(
                f"notebook {notebook.name} could not be run: {type(error).__name__}: {error}\n"
                f"Partial output: {kept}{unchanged}"
            ) from None
        bar.set_postfix_str(f"{notebook.name} done", refresh=False)
        bar.update()
        return _as_recorded(result, target, staging, options.data_dir, options.shown_data_dir)

    # Chapters are independent: run them side by side, one kernel per worker. The first
    # failure (in chapter order) is the one reported.
    pool = ThreadPoolExecutor(max_workers=max(1, options.jobs))
    futures = [pool.submit(run, item) for item in enumerate(notebooks, start=1)]
    try:
        return [future.result() for future in futures]
    except BaseException:
        for future in futures:
            future.cancel()
        # A kernel still starting when the build was stopped starts afterwards: kill
        # the kernels until every running chapter has ended (a few seconds at most).
        deadline = time.monotonic() + 60
        while not all(future.done() for future in futures) and time.monotonic() < deadline:
            _stop_kernels()
            time.sleep(0.2)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        bar.close()


def _previous_report_note(out_dir: Path) -> str:
    """What a failed build says of the report it would have replaced: that it is
    unchanged when there is one, nothing when there is none."""
    if (out_dir / "index.html").exists():
        return f"\nThe previous report in {out_dir} is unchanged."
    return ""


def _stop_kernels() -> None:
    """Kill the kernels this process started, so that running chapters end at once (a
    worker thread cannot be interrupted; its kernel can)."""
    me = str(os.getpid())
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(
                line.split(":\t", 1) for line in status.read_text().splitlines() if ":\t" in line
            )
            command = (status.parent / "cmdline").read_bytes()
        except OSError:
            continue
        if fields.get("PPid", "").strip() == me and b"ipykernel" in command:
            with contextlib.suppress(ProcessLookupError):
                os.kill(int(status.parent.name), signal.SIGKILL)


def _as_recorded(notebook, target: Path, staging: Path, data_dir: Path, shown: Path):
    """The executed notebook as the record of the run: the injected parameters name the
    data folder as the user gave it and the tables folder relative to the report, and
    the injected cell has a fixed id, so two builds of the same inputs record the same."""
    for cell in notebook.cells:
        if "injected-parameters" in cell.get("metadata", {}).get("tags", []):
            cell.source = (
                cell.source.replace(str((staging / "data").resolve()), "data")
                .replace(str((staging / "previous").resolve()), "(the previous build)")
                .replace(str(data_dir.resolve()), str(shown))
            )
            cell.id = f"injected-parameters-{target.stem}"
    nbformat.write(notebook, target)
    return notebook


def _source_cell(executed: Path, error: PapermillExecutionError) -> int:
    """The failing cell's number (from 1) in the notebook as written, before papermill
    inserted its cell of injected parameters."""
    cells = nbformat.read(executed, as_version=4).cells
    injected = [
        index
        for index, cell in enumerate(cells)
        if "injected-parameters" in cell.get("metadata", {}).get("tags", [])
    ]
    return error.cell_index + 1 - sum(1 for index in injected if index < error.cell_index)


def _keep_failed(executed: Path, out_dir: Path) -> Path | None:
    if not executed.exists():
        return None
    kept = out_dir / "failed" / executed.name
    kept.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(executed, kept)
    return kept


def _replace_report(staging: Path, out_dir: Path) -> None:
    """Move the new report into place, the page itself last, each step a rename."""
    for name in ("data", "notebooks"):
        new, old = staging / name, out_dir / name
        new.mkdir(exist_ok=True)  # a report whose chapters export nothing still has data/
        if old.exists():
            retired = staging / f"old-{name}"
            os.replace(old, retired)
        os.replace(new, old)
    for name in ("report-with-code.html", "index.html"):
        if (staging / name).exists():
            os.replace(staging / name, out_dir / name)
        elif name != "index.html":
            (out_dir / name).unlink(missing_ok=True)


def _build_info(options: BuildOptions, counts: dict[str, int], notebooks: list[Path]) -> dict:
    digest = hashlib.sha256()
    for table in schema.TABLES:
        path = options.data_dir / table.filename
        digest.update(path.read_bytes() if path.exists() else b"")
    # SOURCE_DATE_EPOCH (reproducible-builds.org) fixes the one field that differs
    # between two builds of the same inputs.
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    built = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)
    return {
        "data folder": str(options.shown_data_dir or options.data_dir)
        + (f" (only articles {', '.join(options.articles)})" if options.articles else ""),
        "data": ", ".join(f"{count:,} {name.replace('_', ' ')}" for name, count in counts.items()),
        "data fingerprint": f"sha256 {digest.hexdigest()[:16]}",
        "cut-off date (as_of)": options.as_of or "none: every claim recorded",
        "other parameters": ", ".join(
            f"{name} = {value!r}" for name, value in sorted((options.parameters or {}).items())
        )
        or "chapter defaults",
        "chapters": ", ".join(notebook.stem for notebook in notebooks),
        "built with": f"crosscheck {__version__}",
        "built at": built.strftime("%Y-%m-%d %H:%M UTC"),
    }


def findings_html(view: analysis.Analysis, key_findings, subject: str = "") -> str:
    """The key findings block: a sentence per measure (findings.key_findings), the key
    article's first and those stated later apart, what they rest on, how to read the
    judgement words, and a link to their CSV; every text from the data escaped. Without
    a figure, the sentence of what the selection holds none of, with its day and its
    articles (findings.nothing_sentence; subject: report.yml's words for the topic)."""
    found = view.statements["statement"].isin(view.key_statements).any()

    def items(rows) -> str:
        return "".join(
            f"<li><strong>{html.escape(label)}</strong>{html.escape(text[len(label) :])}</li>"
            for label, text in zip(rows["measure"], rows["finding"], strict=True)
        )

    if key_findings.empty:
        missing = findings.nothing_sentence(view, subject, needs="figure")
        missing = missing or "No figure had been stated in the claims selected."
        lists = f'<p class="crosscheck-nothing">{html.escape(missing)}</p>'
    else:
        first = key_findings["starts_from"] == "key article"
        lists = f"<ul>{items(key_findings[first])}</ul>" if first.any() else ""
        if first.any() and (~first).any():
            lists += '<p class="crosscheck-later">Stated later, not in the key article:</p>'
        lists += f"<ul>{items(key_findings[~first])}</ul>" if (~first).any() else ""
    # With no claim at all, the sentence above says so; a count of nothing adds nothing.
    notes = [findings.scope_sentence(view)] if not view.claims.empty else []
    if not key_findings.empty:
        notes = [findings.key_articles_sentence(view, found), *notes, findings.READING_NOTE]
    return (
        '<section class="crosscheck-findings" aria-labelledby="key-findings">'
        '<h2 id="key-findings">Key findings</h2>'
        f"{lists}"
        f'<p class="crosscheck-period">{html.escape(" ".join(notes))} '
        '<a href="data/key_findings.csv">(data: key_findings.csv)</a></p></section>'
    )


_HEADER_ONLY = ("title", "lede", "findings")


def _header_html(build_info: dict) -> str:
    details = {k: v for k, v in build_info.items() if k not in _HEADER_ONLY}
    rows = "".join(
        f"<tr><th>{html.escape(key)}</th><td>{html.escape(value)}</td></tr>"
        for key, value in details.items()
    )
    title = build_info.get("title", REPORT_TITLE)
    return (
        '<header class="crosscheck-header">'
        f'<h1 id="report-title">{html.escape(title)}</h1>'
        f"{build_info.get('findings', '')}"
        f'<p class="lede">{html.escape(build_info.get("lede", REPORT_LEDE))}</p>'
        "<details><summary>How this report was built</summary>"
        f'<table class="crosscheck-build">{rows}</table></details>'
        "<!-- crosscheck:toc -->"
        "</header>"
    )


def _merge(executed: list, with_code: bool) -> nbformat.NotebookNode:
    merged = nbformat.v4.new_notebook()
    merged.metadata = executed[0].metadata
    for notebook in executed:
        for cell in notebook.cells:
            tags = set(cell.get("metadata", {}).get("tags", []))
            if not with_code and tags & PARAMETER_TAGS:
                continue
            if cell.cell_type == "code":
                # What a chapter writes to stderr (warnings, tracebacks of a library) is for
                # whoever ran it; the executed notebook in notebooks/ keeps it.
                cell = nbformat.from_dict(cell)
                cell.outputs = [output for output in cell.outputs if not _is_stderr(output)]
            merged.cells.append(cell)
    return merged


def _is_stderr(output) -> bool:
    return output.get("output_type") == "stream" and output.get("name") == "stderr"


def render(
    executed: list, build_info: dict, *, with_code: bool, structured_data: dict | None = None
) -> str:
    """One self-contained HTML page of every chapter, in order."""
    exporter = HTMLExporter(
        template_name="crosscheck",
        extra_template_basedirs=[str(TEMPLATES_DIR)],
        exclude_input=not with_code,
        exclude_input_prompt=not with_code,
        exclude_output_prompt=True,
        embed_images=True,
    )
    resources_in = {
        "crosscheck_header": _header_html(build_info),
        "crosscheck_css": (TEMPLATES_DIR / "crosscheck" / "report.css").read_text(),
        "crosscheck_version": __version__,
        "crosscheck_jsonld": jsonld.script_element(structured_data) if structured_data else "",
        "metadata": {"name": build_info.get("title", REPORT_TITLE)},
    }
    with linear_void_elements():
        body, _ = exporter.from_notebook_node(_merge(executed, with_code), resources=resources_in)
    return with_script_hashes(body.replace("<!-- crosscheck:toc -->", _table_of_contents(body), 1))


# Inline scripts the browser runs: no type, a JavaScript type, or a module (WHATWG HTML,
# "prepare the script element"); JSON-LD and other data blocks are never run.
_SCRIPT = re.compile(r"<script(?P<attributes>[^>]*)>(?P<text>.*?)</script>", re.S | re.I)
_RUN_TYPES = {"", "text/javascript", "application/javascript", "module"}
SCRIPT_HASHES_FIELD = "crosscheck-script-hashes"


def with_script_hashes(page: str) -> str:
    """The page with its Content-Security-Policy's script-src listing the SHA-256 hash of
    each inline script it carries, in place of the template's placeholder: a script that
    slipped into the page past escaping has no hash listed, and the browser refuses it.

    Source of the rule: W3C Content Security Policy Level 3, section 8.3 (hash-source: the
    base64 SHA-256 of the script element's text, UTF-8 encoded). Raises BuildError when
    the template's placeholder is missing (the page would run any inline script).
    """
    if SCRIPT_HASHES_FIELD not in page:
        raise BuildError("the page template has no script-src placeholder to fill")
    hashes = []
    for script in _SCRIPT.finditer(page):
        kind = re.search(r'\btype\s*=\s*["\']?([^"\'\s>]*)', script["attributes"], re.I)
        if (kind.group(1).lower() if kind else "") not in _RUN_TYPES:
            continue
        digest = hashlib.sha256(script["text"].encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    listed = " ".join(dict.fromkeys(hashes)) or "'none'"
    return page.replace(SCRIPT_HASHES_FIELD, listed, 1)


_HEADING = re.compile(r'<h([12]) id="([^"]+)">(.*?)(?:<a class="anchor-link".*?)?</h\1>', re.S)


def _table_of_contents(page: str) -> str:
    """A nested list of the chapter (h1) and section (h2) headings of the rendered page."""
    items, open_sections = [], False
    for level, anchor, text in _HEADING.findall(page):
        if anchor in ("report-title", "key-findings"):
            continue
        label = re.sub(r"<[^>]+>", "", text).strip()
        link = f'<a href="#{anchor}">{label}</a>'
        if level == "1":
            if open_sections:
                items.append("</ol></li>")
            items.append(f"<li>{link}<ol>")
            open_sections = True
        else:
            items.append(f"<li>{link}</li>")
    if open_sections:
        items.append("</ol></li>")
    return f'<nav class="crosscheck-toc"><strong>Contents</strong><ol>{"".join(items)}</ol></nav>'
