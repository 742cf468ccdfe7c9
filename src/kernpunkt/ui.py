"""The Gradio web UI: a German article in (pasted, uploaded or fetched), its English digest out."""

from __future__ import annotations

import hashlib
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import gradio as gr

from kernpunkt.config import Config, load_config
from kernpunkt.document import Digest
from kernpunkt.errors import KernpunktError
from kernpunkt.fetch import fetch_article
from kernpunkt.paste import capture_html_paste
from kernpunkt.pipeline import Pipeline, default_pipeline
from kernpunkt.render import escape, to_markdown
from kernpunkt.render_html import (
    key_points_html,
    quotes_html,
    removed_html,
    side_by_side_html,
    summary_html,
    timings_html,
    warnings_html,
)
from kernpunkt.upload import READERS, read_file

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
"""
# Gradio fills in a progress tracker where a handler's default is a gr.Progress.
PROGRESS = gr.Progress()


def on_gpu(fn: F) -> F:
    """Run `fn` on a lent GPU on a ZeroGPU Space (the `spaces` package); elsewhere leave it be."""
    return spaces.GPU(fn) if spaces is not None else fn


@dataclass(frozen=True)
class Options:
    """What the analyst chose for one digest."""

    length: str = "medium"
    key_points_only: bool = False
    fast: bool = False
    clean_input: bool = True
    summary: bool = True


class Loader:
    """Load the pipeline once per process, on first use, and say whether it is ready."""

    def __init__(self, factory: Callable[[], Pipeline]) -> None:
        """Load with `factory` when first asked."""
        self.factory = factory
        self.lock = threading.Lock()
        self.pipeline: Pipeline | None = None

    def get(self) -> Pipeline:
        """Return the pipeline, loading it if no call has yet."""
        with self.lock:
            if self.pipeline is None:
                self.pipeline = self.factory()
            return self.pipeline

    def status(self) -> Iterator[str]:
        """Yield the status as Markdown: loading (unless loaded), then ready or why not."""
        if self.pipeline is None:
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
        raise gr.Error(f"key point length must be one of {', '.join(LENGTHS)}, not '{length}'")
    return counts[length]


def digest_text(
    pipeline: Pipeline, text: str, options: Options, progress: gr.Progress | None = None
) -> Digest:
    """Digest `text` as `options` say, reporting each stage to `progress`."""

    def report(stage: str, done: int, total: int) -> None:
        """Show how far `stage` has come on the progress bar, if there is one."""
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


def write_downloads(digest: Digest, folder: Path) -> tuple[Path, Path]:
    """Write the digest as Markdown and JSON into a folder of its own; return both paths."""
    data = digest.to_json()
    target = folder / hashlib.sha256(data.encode()).hexdigest()[:16]
    target.mkdir(parents=True, exist_ok=True)
    markdown, as_json = target / "kernpunkt-digest.md", target / "kernpunkt-digest.json"
    markdown.write_text(to_markdown(digest), encoding="utf-8")
    as_json.write_text(data, encoding="utf-8")
    return markdown, as_json


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
    if preload and spaces is not None:
        loader.get()  # ZeroGPU moves a model to the GPU only when it is loaded at start-up
    elif preload:
        threading.Thread(target=loader.get, daemon=True).start()

    @on_gpu
    def run(text: str, options: Options, progress: gr.Progress | None = None) -> Digest:
        """Digest `text`, turning kernpunkt's errors into messages the UI shows."""
        try:
            return digest_text(loader.get(), text, options, progress)
        except KernpunktError as exc:
            raise gr.Error(str(exc)) from exc

    def on_digest(
        text: str,
        length: str,
        scope: str,
        quality: str,
        clean_input: bool,
        summary: bool,
        progress: gr.Progress = PROGRESS,
    ) -> tuple[Any, ...]:
        """Digest the article as the options say and fill in every output."""
        options = Options(
            length=length,
            key_points_only=scope == "key points",
            fast=quality == "speed",
            clean_input=clean_input,
            summary=summary,
        )
        digest = run(text, options, progress)
        markdown, as_json = write_downloads(digest, downloads)
        return (
            summary_html(digest),
            key_points_html(digest),
            quotes_html(digest),
            side_by_side_html(digest),
            warnings_html(digest),
            gr.Accordion(label=f"What cleaning removed ({len(digest.removed)})"),
            removed_html(digest),
            timings_html(digest),
            gr.DownloadButton(value=markdown, visible=True),
            gr.DownloadButton(value=as_json, visible=True),
        )

    def digest_api(
        text: str,
        clean_input: bool = True,
        key_points_only: bool = False,
        key_points: str = "medium",
        fast: bool = False,
        summary: bool = True,
    ) -> dict[str, Any]:
        """Digest a German article; returns the Digest as JSON.

        key_points: "short", "medium" or "long"; fast: greedy decoding instead of beam search;
        summary: only used where the summary stage is configured.
        """
        options = Options(
            length=key_points,
            key_points_only=key_points_only,
            fast=fast,
            clean_input=clean_input,
            summary=summary,
        )
        return run(text, options).to_dict()

    def as_article(read: Callable[[], str]) -> tuple[str, Any]:
        """Put the text `read` returns into the article box and show it."""
        try:
            text = read()
        except KernpunktError as exc:
            raise gr.Error(str(exc)) from exc
        return text, gr.Tabs(selected="paste")

    with gr.Blocks(title=TITLE) as app:
        gr.Markdown(f"# {TITLE}\n{INTRO}")
        status = gr.Markdown("Starting …", elem_id="kp-status")
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
                        example_labels=[label for label, _ in examples],
                        label="Example articles",
                    )
            with gr.Column(scale=1, min_width=280):
                length = gr.Radio(list(LENGTHS), value="medium", label="Key points")
                scope = gr.Radio(list(SCOPES), value="full", label="Translate")
                quality = gr.Radio(list(QUALITIES), value="quality", label="Decoding")
                clean_input = gr.Checkbox(value=True, label="Remove ads, credits and appeals")
                summary = gr.Checkbox(value=True, label="Summary", visible=config.summary.enabled)
                button = gr.Button("Digest", variant="primary", elem_id="kp-run")
                with gr.Row():
                    download_md = gr.DownloadButton("Markdown", visible=False, size="sm")
                    download_json = gr.DownloadButton("JSON", visible=False, size="sm")
        summary_out = gr.HTML(elem_id="kp-summary")
        key_points_out = gr.HTML(elem_id="kp-key-points")
        quotes_out = gr.HTML(elem_id="kp-quotes")
        side_out = gr.HTML(elem_id="kp-side-by-side")
        warnings_out = gr.HTML(elem_id="kp-warnings")
        with gr.Accordion("What cleaning removed", open=False) as removed_box:
            removed_out = gr.HTML(elem_id="kp-removed")
        timings_out = gr.HTML(elem_id="kp-timings")

        app.load(loader.status, outputs=status, api_visibility="private")
        capture_html_paste(app, article, clean_input, paste_note, config)
        button.click(
            on_digest,
            inputs=[article, length, scope, quality, clean_input, summary],
            outputs=[
                summary_out,
                key_points_out,
                quotes_out,
                side_out,
                warnings_out,
                removed_box,
                removed_out,
                timings_out,
                download_md,
                download_json,
            ],
            api_visibility="private",
            concurrency_limit=config.web.concurrency,
            concurrency_id=CONCURRENCY_ID,
        )
        upload.upload(
            lambda path: as_article(lambda: read_file(path)),
            inputs=upload,
            outputs=[article, tabs],
            api_visibility="private",
        )
        if config.web.url_input:
            fetch.click(
                lambda address: as_article(lambda: fetch_article(address, config.web)),
                inputs=url,
                outputs=[article, tabs],
                api_visibility="private",
            )
        gr.api(
            digest_api,
            api_name="digest",
            concurrency_limit=config.web.concurrency,
            concurrency_id=CONCURRENCY_ID,
        )
    return app.queue(
        max_size=config.web.queue_size, default_concurrency_limit=config.web.concurrency
    )


def launch(app: gr.Blocks, config: Config, **options: Any) -> Any:
    """Start `app` with kernpunkt's theme, CSS and upload limit; `options` go to `launch`."""
    return app.launch(theme=THEME, css=CSS, max_file_size=config.web.fetch_max_bytes, **options)
