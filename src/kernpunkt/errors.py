"""Errors kernpunkt raises for bad input, bad configuration and missing models."""


class KernpunktError(Exception):
    """Base of every error kernpunkt raises on purpose; its message says what to do next."""


class EmptyInputError(KernpunktError):
    """The text is empty or only whitespace."""


class InputTooLongError(KernpunktError):
    """The text is longer than the configured limit."""


class BinaryInputError(KernpunktError):
    """The input is not text (binary bytes, or not decodable as UTF-8)."""


class NothingLeftError(KernpunktError):
    """Cleaning judged every block to be boilerplate."""


class ConfigError(KernpunktError):
    """A configuration file or override is invalid; the message names the key."""


class ModelLoadError(KernpunktError):
    """A model could not be loaded; the message says which, where, and how to use a local copy."""


class NotGermanError(KernpunktError):
    """The text does not look like German."""


class NoWordsError(KernpunktError):
    """The text holds no words: only punctuation, quotation marks, digits or symbols."""
