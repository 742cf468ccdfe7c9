"""The web app: the `/digest` API over HTTP with gradio_client, options, layout, loading, files."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import gradio as gr
import pytest
from conftest import FIXTURES
from gradio_client import Client
from gradio_client.exceptions import AppError
from webapp import running_app

from kernpunkt.document import Digest
from kernpunkt.errors import InputTooLongError, ModelLoadError
from kernpunkt.pipeline import Pipeline
from kernpunkt.ui import (
    DigestCancelled,
    Loader,
    Options,
    build_app,
    digest_text,
    key_point_count,
    write_downloads,
)

ENGLISH = (
    "The government said on Monday that the talks with the unions would continue next week in "
    "Berlin, and that it expected an agreement before the summer."
)
HAFEN = (FIXTURES / "artikel-hafen.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def client(pipeline: Pipeline) -> Iterator[Client]:
    """Return a gradio_client Client of the app served on 127.0.0.1."""
    with running_app(pipeline) as url:
        yield Client(url, verbose=False)


def labels(app: gr.Blocks) -> dict[str, gr.components.Component]:
    """Return the app's labelled components by label."""
    return {
        block.label: block
        for block in app.blocks.values()
        if isinstance(block, gr.components.Component) and getattr(block, "label", None)
    }


def test_digest_endpoint_returns_the_digest_json(client: Client) -> None:
    """`/digest` with gradio_client returns the Digest as JSON: key points, quotes, translation."""
    data = client.predict(HAFEN, key_points="short", fast=True, api_name="/digest")
    digest = Digest.from_dict(data)
    assert json.loads(digest.to_json()) == data
    assert 0 < len(digest.key_points) <= 3
    assert digest.translation == "full" and all(s.en for s in digest.sentences)
    assert {"Jonas Reuter"} <= {q.speaker for q in digest.quotes}
    assert any(r.text.startswith("Foto:") for r in digest.removed)
    assert "translate" in digest.timings


def test_digest_endpoint_options(client: Client) -> None:
    """key_points_only translates only the key points; clean_input=False keeps the credits."""
    data = client.predict(HAFEN, False, True, "long", True, api_name="/digest")
    assert data["translation"] == "partial" and data["removed"] == []
    assert any(not s["en"] for s in data["sentences"])
    assert "Foto: Max Mustermann" in data["text"]


def test_digest_endpoint_is_documented(client: Client) -> None:
    """The API page names `/digest` and its parameters."""
    info = client.view_api(return_format="dict", print_info=False)["named_endpoints"]
    names = [p["parameter_name"] for p in info["/digest"]["parameters"]]
    assert names == ["text", "clean_input", "key_points_only", "key_points", "fast", "summary"]


@pytest.mark.parametrize(
    ("text", "options", "message"),
    [
        ("   ", {}, "the text is empty"),
        (HAFEN, {"key_points": "huge"}, "must be one of short, medium, long"),
        (ENGLISH, {}, "does not look like German"),
    ],
)
def test_digest_endpoint_errors_are_clear(
    client: Client, text: str, options: dict[str, Any], message: str
) -> None:
    """Bad input gets kernpunkt's message, not a stack trace."""
    with pytest.raises(AppError, match=message):
        client.predict(text, **options, api_name="/digest")


def test_input_size_limit_message(pipeline: Pipeline) -> None:
    """Text above limits.max_input_chars is refused with a message naming the limit."""
    small = replace(pipeline.config, limits=replace(pipeline.config.limits, max_input_chars=100))
    with pytest.raises(InputTooLongError, match=r"limits\.max_input_chars"):
        digest_text(Pipeline(small, pipeline.translator), HAFEN, Options())


def test_progress_reports_every_stage(pipeline: Pipeline) -> None:
    """The progress tracker hears of cleaning, quotes, translating and key points."""
    stages: list[str] = []
    digest_text(pipeline, HAFEN, Options(fast=True), lambda done, desc: stages.append(desc))
    named = [desc.split(" ")[0] if desc.startswith("translating") else desc for desc in stages]
    assert list(dict.fromkeys(named)) == ["cleaning", "quotes", "translating", "key points"]
    assert any(desc.startswith("translating ") and "/" in desc for desc in stages)


def test_key_point_lengths_come_from_the_configuration(pipeline: Pipeline) -> None:
    """short, medium and long are key_points.short, count and long."""
    points = pipeline.config.key_points
    counts = [key_point_count(pipeline.config, length) for length in ("short", "medium", "long")]
    assert counts == [points.short, points.count, points.long]


def test_layout_follows_the_configuration(pipeline: Pipeline) -> None:
    """The URL tab and the summary option appear only where the configuration enables them."""
    config = pipeline.config
    shown = labels(build_app(lambda: pipeline, config))
    assert ("Article URL" in shown) is config.web.url_input
    assert shown["Summary"].visible is config.summary.enabled
    off = replace(config, web=replace(config.web, url_input=False))
    on = replace(config, summary=replace(config.summary, enabled=True))
    assert "Article URL" not in labels(build_app(lambda: pipeline, off))
    assert labels(build_app(lambda: pipeline, on))["Summary"].visible is True


def test_examples_include_the_fixture_articles(pipeline: Pipeline) -> None:
    """The example articles written for the project are offered by name."""
    app = build_app(lambda: pipeline, pipeline.config)
    examples = [b for b in app.blocks.values() if isinstance(b, gr.Dataset)]
    assert {"Hamburg port strike", "Deutsche Bahn"} <= set(examples[0].sample_labels)


def test_loader_loads_once_and_reports_status(pipeline: Pipeline) -> None:
    """The model loads once; the status says loading, then ready, or why it failed."""
    calls: list[int] = []

    def factory() -> Pipeline:
        calls.append(1)
        return pipeline

    loader = Loader(factory)
    first, ready = list(loader.status())
    assert first.startswith("Loading") and ready.startswith("Ready")
    assert list(loader.status()) == [ready] and loader.get() is pipeline and calls == [1]

    def broken() -> Pipeline:
        raise ModelLoadError("could not load translation model 'x_y'")

    assert list(Loader(broken).status())[-1] == (
        "**The model did not load:** could not load translation model 'x\\_y'"
    )


def test_a_failed_model_load_is_remembered_until_retry(pipeline: Pipeline) -> None:
    """A second visitor does not wait for a load that failed; Retry tries once more."""
    attempts: list[int] = []

    def flaky() -> Pipeline:
        attempts.append(1)
        if len(attempts) == 1:
            raise ModelLoadError("could not load translation model 'x'")
        return pipeline

    loader = Loader(flaky)
    assert list(loader.status())[-1].startswith("**The model did not load:**")
    assert list(loader.status()) == [
        "**The model did not load:** could not load translation model 'x'"
    ]
    with pytest.raises(ModelLoadError, match="could not load"):
        loader.get()
    assert attempts == [1]
    assert list(loader.retry())[-1].startswith("Ready") and attempts == [1, 1]


def test_user_errors_log_one_line_and_no_traceback(
    client: Client, capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    """An empty text is the user's mistake: one warning line in the server log, no traceback."""
    capfd.readouterr()
    with caplog.at_level("WARNING", logger="kernpunkt.ui"), pytest.raises(AppError):
        client.predict("   ", api_name="/digest")
    out, err = capfd.readouterr()
    assert "Traceback" not in out + err
    assert [r.getMessage() for r in caplog.records if r.name == "kernpunkt.ui"] == [
        "refused: the text is empty: paste a German article"
    ]


def test_the_mcp_endpoint_lists_the_digest_tool(pipeline: Pipeline) -> None:
    """Assistant tools see `digest`, described by its docstring, over MCP on loopback."""
    import asyncio

    pytest.importorskip("mcp", reason="the mcp extra is not installed")
    from mcp import ClientSession
    from mcp.client.streamable_http import streamablehttp_client

    async def tools(url: str) -> list[Any]:
        async with (
            streamablehttp_client(f"{url}gradio_api/mcp/") as (read, write, _),
            ClientSession(read, write) as session,
        ):
            await session.initialize()
            return (await session.list_tools()).tools

    with running_app(pipeline) as url:
        assert url.startswith("http://127.0.0.1:")
        listed = {tool.name: tool for tool in asyncio.run(tools(url))}
    assert "German news article" in (listed["digest"].description or "")
    assert {"text", "key_points", "fast"} <= set(listed["digest"].inputSchema["properties"])


def test_downloads_hold_markdown_json_and_quotes_named_by_headline(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    """The download files are the Markdown, the Digest JSON and the quotes CSV, named by date."""
    digest = pipeline.digest(HAFEN, key_points_only=True)
    markdown, as_json, as_csv = write_downloads(digest, tmp_path)
    date = digest.provenance.created[:10]
    assert markdown.name.startswith(f"{date}-") and "hafen" in markdown.name
    assert as_json.name == markdown.name.removesuffix(".md") + ".json"
    header = "speaker,role,english,german,sentence,attribution,confidence"
    assert as_csv.read_text(encoding="utf-8").startswith(header)
    assert "## Key points" in markdown.read_text(encoding="utf-8")
    assert Digest.from_json(as_json.read_text(encoding="utf-8")) == digest


def test_a_cancelled_digest_stops_at_its_next_step(pipeline: Pipeline) -> None:
    """Cancel sets the session's event; the pipeline stops at the next progress report."""
    import threading

    cancelled = threading.Event()
    cancelled.set()
    with pytest.raises(DigestCancelled, match="cancelled"):
        digest_text(pipeline, HAFEN, Options(fast=True), cancelled=cancelled)
