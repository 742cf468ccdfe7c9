"""Start kernpunkt's web UI (also the Hugging Face Spaces entry point): `python app.py`."""

import sys
from pathlib import Path

# Spaces copy the repository and install requirements.txt only: use the package from src/.
sys.path.insert(0, str(Path(__file__).resolve().parent / "src"))

from kernpunkt.ui import build_app

if __name__ == "__main__":
    build_app().queue().launch()
