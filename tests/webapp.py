"""Start kernpunkt's web app on 127.0.0.1 for a test, on the suite's tiny model."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from kernpunkt.config import Config
from kernpunkt.pipeline import Pipeline
from kernpunkt.ui import build_app, launch


@contextmanager
def running_app(pipeline: Pipeline, config: Config | None = None) -> Iterator[str]:
    """Serve the app on the loopback interface while the block runs; yield its URL."""
    config = config or pipeline.config
    app = build_app(lambda: pipeline, config)
    _, url, _ = launch(app, config, server_name="127.0.0.1", prevent_thread_lock=True, quiet=True)
    try:
        yield url
    finally:
        app.close()
