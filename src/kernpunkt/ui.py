"""The Gradio web UI: a German article in (pasted, uploaded or fetched), its English digest out."""

from __future__ import annotations

import contextlib
import hashlib
import html
import importlib.util
import logging
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

import gradio as gr

from kernpunkt.config import Config, load_config
from kernpunkt.document import Digest
from kernpunkt.errors import KernpunktError
from kernpunkt.paste import capture_html_paste
from kernpunkt.pipeline import Pipeline, default_pipeline
from kernpunkt.render import download_name, escape, one_line, quotes_csv, to_markdown
from kernpunkt.render_html import (
    key_points_html,
    provenance_html,
    quotes_html,
    removed_html,
    side_by_side_html,
    summary_html,
    timings_html,
    warnings_html,
)
from kernpunkt.sources.fetch import fetch_article
from kernpunkt.sources.files import READERS, Reading, read_file

try:  # on a ZeroGPU Space, the `spaces` package lends a GPU to decorated functions
    import spaces
except ImportError:
    spaces = None

F = TypeVar("F", bound=Callable[..., Any])

ROOT = Path(__file__).resolve().parents[2]
# Example articles: label and file; files that are absent (a Space, an installed package) are left
# out. The seed article is evaluation data beside the repository, never copied into it.
EXAMPLES = (
    (
        "North Korean troops (seed article)",
        ROOT.parent / "shared/data/article-report24-nordkorea.txt",
    ),
    ("Hamburg port strike", ROOT / "tests/fixtures/artikel-hafen.txt"),
    ("Deutsche Bahn", ROOT / "tests/fixtures/artikel-bahn.txt"),
)
TITLE = "kernpunkt — German news, English key points"
INTRO = (
    "Paste a German news article (straight from the web page is fine: ads, credits and appeals "
    "are cleaned away), upload a file, or fetch it by URL. kernpunkt translates it and picks its "
    "key points, with every quote still attributed to its speaker."
)
LENGTHS = ("short", "medium", "long")
SCOPES = (("Full translation", "full"), ("Key points only (faster)", "key points"))
QUALITIES = (("Quality (beam search)", "quality"), ("Speed (greedy)", "speed"))
GREEDY_BEAMS = 1
CONCURRENCY_ID = "digest"
# Reading files and fetching URLs wait on the network, not the CPU: never in a digest's slot.
SOURCES_ID = "sources"
THEME = gr.themes.Soft(primary_hue="indigo", secondary_hue="amber")
CSS = """
.kp-section h3 { margin: 0.8em 0 0.4em; }
.kp-points { padding-left: 1.4em; }
.kp-point { margin-bottom: 0.8em; }
.kp-en { font-size: 1.05em; line-height: 1.5; }
.kp-speakers { font-size: 0.9em; color: var(--body-text-color-subdued); }
.kp-speaker { font-weight: 600; }
.kp-point details summary { cursor: pointer; font-size: 0.85em; color: var(--link-text-color); }
.kp-de { font-style: italic; margin: 0.3em 0 0 0; }
mark.kp-quote { background: var(--color-accent-soft); color: inherit; border-radius: 3px;
  padding: 0 2px; }
.kp-table { width: 100%; border-collapse: collapse; font-size: 0.95em; }
.kp-table th, .kp-table td { border: none; border-bottom: 1px solid var(--border-color-primary);
  padding: 6px 8px; vertical-align: top; text-align: left; }
.kp-sbs td:not(.kp-num) { width: 48%; }
.kp-sbs tr.kp-para td { border-top: 2px solid var(--border-color-accent); }
.kp-sbs tr.kp-key td.kp-num { box-shadow: inset 3px 0 var(--color-accent); }
.kp-sbs tr.kp-warn td.kp-num { color: var(--error-text-color); }
.kp-num { white-space: nowrap; color: var(--body-text-color-subdued); }
.kp-muted, .kp-legend, .kp-timings { color: var(--body-text-color-subdued); font-size: 0.9em; }
.kp-removed li { white-space: pre-line; }
.kp-reason { font-weight: 600; margin-right: 0.4em; }
.kp-reason::after { content: ":"; }
.kp-warnings li { color: var(--error-text-color); }
.kp-warnings summary, .kp-side summary { cursor: pointer; }
.kp-side summary h3 { display: inline; }
.kp-provenance { display: grid; grid-template-columns: max-content 1fr; gap: 0 1em;
  font-size: 0.9em; color: var(--body-text-color-subdued); margin: 0; }
.kp-provenance dd { margin: 0; }
.kp-filter { all: unset; cursor: pointer; text-decoration: underline dotted; }
.kp-copy { float: right; font-size: 0.85em; }
.kp-failed { color: var(--error-text-color); }
"""
# Gradio fills in a progress tracker where a handler's default is a gr.Progress.
PROGRESS = gr.Progress()
# The mcp extra (`pip install kernpunkt[mcp]`) lets assistant tools call `digest` over MCP.
MCP_AVAILABLE = importlib.util.find_spec("mcp") is not None
LOG = logging.getLogger("kernpunkt.ui")
# In the page: copy the key points, filter by speaker (the HTML of render_html carries the data).
CLIENT_JS = """
() => {
  const show = (speaker) => {
    document.querySelectorAll('#kp-quotes tbody tr').forEach((row) => {
      row.hidden = speaker !== null && row.dataset.speaker !== speaker;
    });
    document.querySelectorAll('#kp-key-points .kp-point').forEach((point) => {
      point.hidden = speaker !== null && !point.dataset.speakers.split('|').includes(speaker);
    });
    const note = document.querySelector('#kp-quotes .kp-filter-note');
    if (note) {
      note.hidden = speaker === null;
      note.querySelector('.kp-filter-name').textContent = speaker || '';
    }
  };
  document.addEventListener('click', (event) => {
    const copy = event.target.closest('.kp-copy');
    if (copy) {
      const points = [...document.querySelectorAll('#kp-key-points .kp-point .kp-en')];
      const text = points.map((point, i) => `${i + 1}. ${point.innerText}`).join('\\n');
      navigator.clipboard.writeText(text).then(() => { copy.textContent = 'Copied'; });
      return;
    }
    const filter = event.target.closest('.kp-filter');
    if (filter) { show(filter.closest('tr').dataset.speaker); return; }
    if (event.target.closest('.kp-filter-clear')) { show(null); }
  });
}
"""
SCROLL_TO_RESULT_JS = (
    "() => document.getElementById('kp-result')?.scrollIntoView({behavior: 'smooth'})"
)


def on_gpu(fn: F) -> F:
    """Run `fn` on a lent GPU on a ZeroGPU Space (the `spaces` package); elsewhere leave it be."""
    return spaces.GPU(fn) if spaces is not None else fn


class DigestCancelled(KernpunktError):
    """The analyst pressed Cancel while the digest ran."""


def refuse(exc: KernpunktError) -> gr.Error:
    """Return the UI error for `exc`, logged as one line (no traceback: the input was bad)."""
    message = str(exc)
    LOG.warning("refused: %s", one_line(message))
    return gr.Error(html.escape(message), print_exception=False)


@dataclass(frozen=True)
class Options:
    """What the analyst chose for one digest."""

    length: str = "medium"
    key_points_only: bool = False
    fast: bool = False
    clean_input: bool = True
    summary: bool = True


class Loader:
    """Load the pipeline once per process, on first use; remember a failure until a retry."""

    def __init__(self, factory: Callable[[], Pipeline]) -> None:
        """Load with `factory` when first asked."""
        self.factory = factory
        self.lock = threading.Lock()
        self.pipeline: Pipeline | None = None
        self.failure: KernpunktError | None = None

    def get(self) -> Pipeline:
        """Return the pipeline, loading it on first use; a failed load raises again at once."""
        with self.lock:
            if self.failure is not None:
                raise type(self.failure)(str(self.failure))
            if self.pipeline is None:
                try:
                    self.pipeline = self.factory()
                except KernpunktError as exc:
                    self.failure = exc
                    raise
            return self.pipeline

    def retry(self) -> Iterator[str]:
        """Forget a failed load and try again; yield the status as `status` does."""
        with self.lock:
            self.failure = None
        yield from self.status()

    def status(self) -> Iterator[str]:
        """Yield the status as Markdown: loading (unless loaded), then ready or why not."""
        if self.pipeline is None and self.failure is None:
            yield "Loading the translation model (once per process) …"
        try:
            pipeline = self.get()
        except KernpunktError as exc:
            yield f"**The model did not load:** {escape(str(exc))}"
            return
        name = pipeline.translator.name
        yield f"Ready — translation model {escape(name)}"


def key_point_count(config: Config, length: str) -> int:
    """Return the number of key points for "short", "medium" or "long"."""
    counts = dict(
        zip(
            LENGTHS,
            (config.key_points.short, config.key_points.count, config.key_points.long),
            strict=True,
        )
    )
    if length not in counts:
        raise KernpunktError(
            f"key point length must be one of {', '.join(LENGTHS)}, not '{length}'"
        )
    return counts[length]


def digest_text(
    pipeline: Pipeline,
    text: str,
    options: Options,
    progress: gr.Progress | None = None,
    cancelled: threading.Event | None = None,
) -> Digest:
    """Digest `text` as `options` say, reporting each stage to `progress`; stop if `cancelled`."""

    def report(stage: str, done: int, total: int) -> None:
        """Show how far `stage` has come on the progress bar, if there is one."""
        if cancelled is not None and cancelled.is_set():
            raise DigestCancelled("the digest was cancelled")
        if progress is not None:
            progress((done, total), desc=f"{stage} {done}/{total}" if total > 1 else stage)

    return pipeline.digest(
        text,
        clean_input=options.clean_input,
        key_points=key_point_count(pipeline.config, options.length),
        key_points_only=options.key_points_only,
        num_beams=GREEDY_BEAMS if options.fast else None,
        summary=options.summary,
        progress=report,
    )


def write_downloads(digest: Digest, folder: Path) -> tuple[Path, Path, Path]:
    """Write the digest as Markdown, JSON and a quotes CSV, named by headline and date."""
    data = digest.to_json()
    target = folder / hashlib.sha256(data.encode()).hexdigest()[:16]
    target.mkdir(parents=True, exist_ok=True)
    markdown = target / download_name(digest, ".md")
    as_json = target / download_name(digest, ".json")
    as_csv = target / download_name(digest, "-quotes.csv")
    markdown.write_text(to_markdown(digest), encoding="utf-8")
    as_json.write_text(data, encoding="utf-8")
    as_csv.write_text(quotes_csv([digest]), encoding="utf-8")
    return markdown, as_json, as_csv


def result_status(digest: Digest) -> str:
    """Return the one line that says the digest is done and what it holds."""
    warned = f", {len(digest.warnings)} warnings" if digest.warnings else ""
    title = digest.provenance.title or "the article"
    return (
        f'<p class="kp-done">Digest of “{html.escape(title)}”: {len(digest.key_points)} key '
        f"points, {len(digest.quotes)} quotes{warned} — below.</p>"
    )


REMOVED_LABEL = "What cleaning removed"


def cleared(status: str = "") -> tuple[Any, ...]:
    """Return every output empty, downloads hidden: nothing of an earlier article stays."""
    hidden = gr.DownloadButton(value=None, visible=False)
    empty = ("",) * 6
    return (status, *empty, gr.Accordion(label=REMOVED_LABEL), "", "", hidden, hidden, hidden)


def filled(digest: Digest, downloads: Path) -> tuple[Any, ...]:
    """Return every output of `digest`, its downloads written into `downloads`."""
    markdown, as_json, as_csv = write_downloads(digest, downloads)
    return (
        result_status(digest),
        provenance_html(digest),
        warnings_html(digest),
        summary_html(digest),
        key_points_html(digest),
        quotes_html(digest),
        side_by_side_html(digest),
        gr.Accordion(label=f"{REMOVED_LABEL} ({len(digest.removed)})"),
        removed_html(digest),
        timings_html(digest),
        gr.DownloadButton(value=markdown, visible=True),
        gr.DownloadButton(value=as_json, visible=True),
        gr.DownloadButton(value=as_csv, visible=True),
    )


def _examples() -> list[tuple[str, str]]:
    """Return the example articles present on this machine, as (label, text)."""
    return [(label, path.read_text(encoding="utf-8")) for label, path in EXAMPLES if path.exists()]


def build_app(
    pipeline_factory: Callable[[], Pipeline] = default_pipeline,
    config: Config | None = None,
    *,
    preload: bool = False,
) -> gr.Blocks:
    """Return the Gradio app, queued; the pipeline loads once, at start-up if `preload`."""
    config = config or load_config()
    loader = Loader(pipeline_factory)
    downloads = Path(tempfile.mkdtemp(prefix="kernpunkt-downloads-"))
    cancels: dict[str, threading.Event] = {}
    if preload and spaces is not None:
        with contextlib.suppress(KernpunktError):  # the status line shows the failure
            loader.get()  # ZeroGPU moves a model to the GPU only when it is loaded at start-up
    elif preload:
        threading.Thread(target=lambda: list(loader.status()), daemon=True).start()

    @on_gpu
    def run(
        text: str,
        options: Options,
        progress: gr.Progress | None = None,
        cancelled: threading.Event | None = None,
    ) -> Digest:
        """Digest `text` (kernpunkt's errors pass on as they are)."""
        return digest_text(loader.get(), text, options, progress, cancelled)

    def on_digest(
        text: str,
        length: str,
        scope: str,
        quality: str,
        clean_input: bool,
        summary: bool,
        source: str,
        request: gr.Request,
        progress: gr.Progress = PROGRESS,
    ) -> Iterator[tuple[Any, ...]]:
        """Clear every output, digest the article as the options say, then fill them in."""
        yield cleared('<p class="kp-running">Digesting …</p>')
        options = Options(
            length=length,
            key_points_only=scope == "key points",
            fast=quality == "speed",
            clean_input=clean_input,
            summary=summary,
        )
        cancelled = cancels.setdefault(request.session_hash or "", threading.Event())
        cancelled.clear()
        try:
            digest = run(text, options, progress, cancelled)
        except DigestCancelled:
            # the Cancel button has said so; a message here could overwrite its "Cancelled."
            return
        except KernpunktError as exc:
            yield cleared(f'<p class="kp-failed">Not digested: {html.escape(str(exc))}</p>')
            raise refuse(exc) from exc
        except Exception as exc:  # our fault: the traceback goes to the log, a line to the user
            LOG.exception("digest failed")
            message = f"kernpunkt failed ({type(exc).__name__}); the server log has the details"
            yield cleared(f'<p class="kp-failed">Not digested: {html.escape(message)}</p>')
            raise gr.Error(html.escape(message), print_exception=False) from exc
        if cancelled.is_set():
            # Cancel came after the digest's last step: its "Cancelled." stands, no results
            return
        digest.provenance = replace(digest.provenance, source=source or "pasted")
        yield filled(digest, downloads)

    def on_cancel(request: gr.Request) -> tuple[Any, ...]:
        """Stop the running digest at its next step and say so."""
        cancels.setdefault(request.session_hash or "", threading.Event()).set()
        return cleared('<p class="kp-failed">Cancelled.</p>')

    def digest(
        text: str,
        clean_input: bool = True,
        key_points_only: bool = False,
        key_points: str = "medium",
        fast: bool = False,
        summary: bool = True,
    ) -> dict[str, Any]:
        """Digest a German news article: English key points with every quote attributed.

        Cleans the text (ads, credits, appeals), finds the quotes and their speakers,
        translates with MarianMT (opus-mt-de-en) and picks the key points. Returns the Digest
        as JSON: key_points (English, German source, quotes with speakers), quotes, sentences
        (German and English), warnings, removed blocks, timings and provenance.

        Args:
            text: the German article, as plain text or pasted from a web page.
            clean_input: remove ads, photo credits and appeals before digesting.
            key_points_only: translate only the key points and their quotes (faster).
            key_points: how many key points: "short", "medium" or "long".
            fast: greedy decoding instead of beam search (faster, a little less fluent).
            summary: add an abstractive summary where the server enables one.
        """
        options = Options(
            length=key_points,
            key_points_only=key_points_only,
            fast=fast,
            clean_input=clean_input,
            summary=summary,
        )
        try:
            digest = run(text, options)
        except KernpunktError as exc:
            raise refuse(exc) from exc
        digest.provenance = replace(digest.provenance, source="API")
        return digest.to_dict()

    def as_article(read: Callable[[], str], source: str) -> tuple[Any, ...]:
        """Put the text `read` returns into the article box and show it; clear every output."""
        try:
            text = read()
        except KernpunktError as exc:
            raise refuse(exc) from exc
        return text, gr.Tabs(selected="paste"), source, *cleared()

    def show_status(retry: bool = False) -> Iterator[tuple[str, Any]]:
        """Yield the model status, with a Retry button while the model failed to load."""
        for line in loader.retry() if retry else loader.status():
            yield line, gr.Button(visible=loader.failure is not None)

    def on_retry() -> Iterator[tuple[str, Any]]:
        """Forget the failed load and try once more."""
        yield from show_status(retry=True)

    with gr.Blocks(title=TITLE) as app:
        gr.Markdown(f"# {TITLE}\n{INTRO}")
        with gr.Row():
            status = gr.Markdown("Starting …", elem_id="kp-status")
            retry = gr.Button("Retry loading the model", visible=False, size="sm", scale=0)
        source = gr.State("pasted")
        with gr.Row(equal_height=False):
            with gr.Column(scale=3):
                with gr.Tabs(selected="paste") as tabs:
                    with gr.Tab("Paste text", id="paste"):
                        article = gr.Textbox(
                            label="German article",
                            lines=14,
                            max_lines=30,
                            placeholder="Artikel hier einfügen …",
                            info=f"Up to {config.limits.max_input_chars:,} characters.",
                            elem_id="kp-article",
                        )
                        paste_note = gr.Markdown(elem_id="kp-paste-path")
                    with gr.Tab("Upload file", id="upload"):
                        upload = gr.File(
                            label=f"Article file ({', '.join(READERS)})",
                            file_types=list(READERS),
                        )
                    if config.web.url_input:
                        with gr.Tab("From URL", id="url"), gr.Row():
                            url = gr.Textbox(
                                label="Article URL",
                                placeholder="https://…",
                                scale=4,
                                info="Public http(s) pages only.",
                            )
                            fetch = gr.Button("Fetch", scale=1)
                examples = _examples()
                if examples:
                    gr.Examples(
                        examples=[[text] for _, text in examples],
                        inputs=[article],
                        outputs=[source],
                        fn=lambda _: "example article",
                        run_on_click=True,
                        cache_examples=False,
                        example_labels=[label for label, _ in examples],
                        label="Example articles",
                    )
            with gr.Column(scale=1, min_width=280):
                length = gr.Radio(list(LENGTHS), value="medium", label="Key points")
                scope = gr.Radio(list(SCOPES), value="full", label="Translate")
                quality = gr.Radio(list(QUALITIES), value="quality", label="Decoding")
                clean_input = gr.Checkbox(value=True, label="Remove ads, credits and appeals")
                summary = gr.Checkbox(value=True, label="Summary", visible=config.summary.enabled)
                with gr.Row():
                    button = gr.Button("Digest", variant="primary", elem_id="kp-run")
                    cancel = gr.Button("Cancel", elem_id="kp-cancel")
                    clear = gr.Button("Clear", elem_id="kp-clear")
                run_status = gr.HTML(elem_id="kp-run-status", min_height=40)
                with gr.Row():
                    download_md = gr.DownloadButton("Markdown", visible=False, size="sm")
                    download_json = gr.DownloadButton("JSON", visible=False, size="sm")
                    download_csv = gr.DownloadButton("Quotes CSV", visible=False, size="sm")
        with gr.Column(elem_id="kp-result"):
            provenance_out = gr.HTML(elem_id="kp-provenance")
            warnings_out = gr.HTML(elem_id="kp-warnings")
            summary_out = gr.HTML(elem_id="kp-summary")
            key_points_out = gr.HTML(elem_id="kp-key-points")
            quotes_out = gr.HTML(elem_id="kp-quotes")
            side_out = gr.HTML(elem_id="kp-side-by-side")
            with gr.Accordion(REMOVED_LABEL, open=False) as removed_box:
                removed_out = gr.HTML(elem_id="kp-removed")
            timings_out = gr.HTML(elem_id="kp-timings")
        results = [
            run_status,
            provenance_out,
            warnings_out,
            summary_out,
            key_points_out,
            quotes_out,
            side_out,
            removed_box,
            removed_out,
            timings_out,
            download_md,
            download_json,
            download_csv,
        ]

        app.load(show_status, outputs=[status, retry], api_visibility="private")
        retry.click(on_retry, outputs=[status, retry], api_visibility="private")
        capture_html_paste(app, article, clean_input, paste_note, config)
        digesting = button.click(
            on_digest,
            inputs=[article, length, scope, quality, clean_input, summary, source],
            outputs=results,
            show_progress_on=[run_status],
            api_visibility="private",
            concurrency_limit=config.web.concurrency,
            concurrency_id=CONCURRENCY_ID,
        )
        digesting.success(None, js=SCROLL_TO_RESULT_JS)
        # unqueued like the other cancellers: a Cancel must never wait behind the digest it stops
        cancel.click(
            on_cancel, outputs=results, cancels=[digesting], api_visibility="private", queue=False
        )
        # a new article makes every output stale: clear them, and stop a digest of the old one
        article.input(lambda: "pasted", outputs=source, api_visibility="private")
        article.change(
            cleared, outputs=results, cancels=[digesting], api_visibility="private", queue=False
        )
        clear.click(
            lambda: ("", None, "pasted", *cleared()),
            outputs=[article, upload, source, *results],
            cancels=[digesting],
            api_visibility="private",
            queue=False,
        )
        upload.upload(
            lambda path: as_article(
                lambda: read_file(path, Reading(config.limits, notify=gr.Warning)),
                Path(path).name,
            ),
            inputs=upload,
            outputs=[article, tabs, source, *results],
            api_visibility="private",
            concurrency_limit=config.web.fetch_concurrency,
            concurrency_id=SOURCES_ID,
        )
        if config.web.url_input:
            fetch.click(
                lambda address: as_article(
                    lambda: fetch_article(address, config.web, config.limits), address.strip()
                ),
                inputs=url,
                outputs=[article, tabs, source, *results],
                api_visibility="private",
                concurrency_limit=config.web.fetch_concurrency,
                concurrency_id=SOURCES_ID,
            )
        gr.api(
            digest,
            api_name="digest",
            concurrency_limit=config.web.concurrency,
            concurrency_id=CONCURRENCY_ID,
        )
    return app.queue(
        max_size=config.web.queue_size, default_concurrency_limit=config.web.concurrency
    )


def launch(app: gr.Blocks, config: Config, **options: Any) -> Any:
    """Start `app` with kernpunkt's theme, CSS, page script and upload limit.

    The MCP server (the `digest` tool) is on where the mcp extra is installed; `options` go to
    `launch` and may switch it off with mcp_server=False.
    """
    options.setdefault("mcp_server", MCP_AVAILABLE)
    return app.launch(
        theme=THEME, css=CSS, js=CLIENT_JS, max_file_size=config.web.fetch_max_bytes, **options
    )
