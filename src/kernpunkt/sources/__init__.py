"""Where articles come from: files of every kind, URLs, and the checks on what they hold."""
