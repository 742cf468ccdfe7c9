"""The web UI's paste handler: a browser paste is digested through its HTML where it has some.

When an analyst pastes a selection from a browser, the clipboard holds it as text/html too. A
small script in the page hands that HTML to a hidden box; the server cleans it through the HTML
path (trafilatura's main text, then the line rules) and puts the article into the article box,
or, where the HTML holds no article, leaves the pasted text there to be cleaned as text. A note
under the box says which path was taken.
"""

from __future__ import annotations

from typing import Any

import gradio as gr

from kernpunkt import clean
from kernpunkt.config import Config
from kernpunkt.errors import KernpunktError, NothingLeftError

# Runs once in the page. A paste into the article box hands the clipboard's HTML (or nothing,
# for plain text) to the hidden #kp-pasted-html box; the counter makes a second paste of the
# same page a change, too.
PASTE_JS = """
() => {
  let pastes = 0;
  document.addEventListener("paste", (event) => {
    const target = event.target;
    if (!target || !target.closest || !target.closest("#kp-article")) return;
    const box = document.querySelector("#kp-pasted-html textarea");
    if (!box) return;
    const html = event.clipboardData ? event.clipboardData.getData("text/html") : "";
    pastes += 1;
    box.value = html ? `<!-- kernpunkt paste ${pastes} -->\\n${html}` : "";
    box.dispatchEvent(new Event("input", { bubbles: true }));
  }, true);
}
"""
HTML_NOTE = (
    "**Pasted HTML** — the article was taken from the main text of the page's HTML{removed}. "
    "*Remove ads, credits and appeals* is off because the text is clean already."
)
TEXT_NOTE = "**Pasted text** — the clipboard held no HTML; the text is cleaned when you digest."
FALLBACK_NOTE = (
    "**Pasted text** — the pasted HTML held no article ({error}); the pasted text is used and "
    "cleaned when you digest."
)


def digest_paste(html: str, from_html: bool, config: Config) -> tuple[Any, Any, str, bool]:
    """Return the article box, the cleaning checkbox, the note and whether HTML was used."""
    if not html.strip():
        # A paste of plain text: clean it again, if the last paste had switched cleaning off.
        return gr.skip(), gr.Checkbox(value=True) if from_html else gr.skip(), TEXT_NOTE, False
    try:
        cleaned = clean.clean(html, kind="html", max_html_chars=config.limits.max_raw_chars)
        words = len(cleaned.text.split())
        if words < config.limits.min_german_words:
            raise NothingLeftError(f"{words} words of text")
    except KernpunktError as exc:
        note = FALLBACK_NOTE.format(error=str(exc).split(";")[0])
        return gr.skip(), gr.Checkbox(value=True) if from_html else gr.skip(), note, False
    reasons = ", ".join(sorted({block.reason for block in cleaned.removed}))
    removed = f"; {len(cleaned.removed)} more blocks removed ({reasons})" if reasons else ""
    note = HTML_NOTE.format(removed=removed)
    return cleaned.text, gr.Checkbox(value=False), note, True


def capture_html_paste(
    app: gr.Blocks, article: gr.Textbox, clean_input: gr.Checkbox, note: gr.Markdown, config: Config
) -> None:
    """Wire the paste handler to the article box, inside the Blocks of `app`."""
    pasted_html = gr.Textbox(visible="hidden", elem_id="kp-pasted-html")
    from_html = gr.State(False)
    app.load(None, js=PASTE_JS)
    pasted_html.change(
        lambda html, used: digest_paste(html, used, config),
        inputs=[pasted_html, from_html],
        outputs=[article, clean_input, note, from_html],
        api_visibility="private",
    )
