"""kernpunkt: German news in, English key points out, every quote still attributed."""

from typing import Any

from kernpunkt.document import Digest, KeyPoint, Notice, Quote, Removed, Sentence

__all__ = ["Digest", "KeyPoint", "Notice", "Pipeline", "Quote", "Removed", "Sentence", "digest"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    """Import the pipeline only when it is asked for: the stages alone load faster."""
    if name in ("Pipeline", "digest"):
        from kernpunkt import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'kernpunkt' has no attribute {name!r}")
