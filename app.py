"""Start kernpunkt's web UI (also the Hugging Face Spaces entry point): `python app.py`."""

import sys
from pathlib import Path

# Spaces copy the repository and install requirements.txt only: use the package from src/.
sys.path.insert(0, str(Path(__file__).resolve().parent / "src"))

from kernpunkt.config import load_config
from kernpunkt.ui import build_app, launch

if __name__ == "__main__":
    config = load_config()
    launch(build_app(config=config, preload=True), config)
