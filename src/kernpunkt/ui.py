"""The Gradio web UI: paste a German article, get English key points and the full translation."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import gradio as gr

from kernpunkt.document import Digest
from kernpunkt.errors import KernpunktError
from kernpunkt.pipeline import Pipeline, default_pipeline
from kernpunkt.render import to_markdown

TITLE = "kernpunkt: German news → English key points"
INTRO = (
    "Paste a German news article (straight from the web page is fine: ads and credits are "
    "cleaned away). kernpunkt translates it and picks its key points, with every quote still "
    "attributed to its speaker."
)
CONCURRENCY = 1  # one translation at a time: the model uses both CPU cores of a free Space
# Gradio fills in a progress tracker where a handler's default is a gr.Progress.
PROGRESS = gr.Progress()


def run(
    pipeline_factory: Callable[[], Pipeline],
    text: str,
    clean_input: bool,
    key_points_only: bool,
    progress: gr.Progress | None = None,
) -> Digest:
    """Digest `text`, turning kernpunkt's errors into messages the UI shows."""

    def report(stage: str, fraction: float) -> None:
        if progress is not None:
            progress(fraction, desc=stage)

    try:
        return pipeline_factory().digest(
            text, clean_input=clean_input, key_points_only=key_points_only, progress=report
        )
    except KernpunktError as exc:
        raise gr.Error(str(exc)) from exc


def build_app(pipeline_factory: Callable[[], Pipeline] = default_pipeline) -> gr.Blocks:
    """Return the Gradio app; the pipeline is loaded on first use and kept."""

    def on_click(
        text: str, clean_input: bool, key_points_only: bool, progress: Any = PROGRESS
    ) -> tuple[str, dict[str, Any]]:
        digest = run(pipeline_factory, text, clean_input, key_points_only, progress)
        return to_markdown(digest), digest.to_dict()

    def digest_api(text: str, clean_input: bool = True, key_points_only: bool = False) -> dict:
        """Digest a German article; returns the Digest as JSON."""
        return run(pipeline_factory, text, clean_input, key_points_only).to_dict()

    with gr.Blocks(title=TITLE) as app:
        gr.Markdown(f"# {TITLE}\n\n{INTRO}")
        text = gr.Textbox(label="German article", lines=14, placeholder="Artikel hier einfügen …")
        with gr.Row():
            clean_input = gr.Checkbox(value=True, label="Remove ads, credits and appeals")
            key_points_only = gr.Checkbox(value=False, label="Translate key points only (faster)")
        button = gr.Button("Digest", variant="primary")
        result = gr.Markdown(label="Digest")
        with gr.Accordion("Digest as JSON", open=False):
            as_json = gr.JSON()
        button.click(
            on_click,
            inputs=[text, clean_input, key_points_only],
            outputs=[result, as_json],
            api_visibility="private",
            concurrency_limit=CONCURRENCY,
        )
        gr.api(digest_api, api_name="digest", concurrency_limit=CONCURRENCY)
    return app
