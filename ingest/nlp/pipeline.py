"""Build the configured pipeline and turn its spans into plain entity records."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from config.settings import CONFIG_DIR
from ingest.nlp import components, entity_rules  # noqa: F401  (registers the factories)
from ingest.nlp.components import SPAN_KEY

PIPELINE_CONFIG = CONFIG_DIR / "nlp" / "pipeline.cfg"
_BACKGROUND = re.compile(r"背景技术\s*(.*?)(?=发明内容|实用新型内容|附图说明|具体实施方式|$)", re.S)


@dataclass(frozen=True)
class Entity:
    label: str
    text: str
    normalized: str
    start: int
    end: int
    field: str
    component: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def load_pipeline(config_path: Path = PIPELINE_CONFIG, **overrides: str) -> Language:
    config = spacy.util.load_config(config_path)
    gazetteer = config["components"]["ipgraph_gazetteer"]
    for key in ("organizations", "extra_organizations"):
        value = overrides.get(key, gazetteer.get(key, ""))
        gazetteer[key] = (
            str(CONFIG_DIR / value) if value and not Path(value).is_absolute() else value
        )
    for component, keys in (
        ("ipgraph_persons", ("surnames", "foreign_surnames")),
        ("ipgraph_organizations", ("suffixes", "units")),
    ):
        section = config["components"].get(component) or {}
        for key in keys:
            if section.get(key) and not Path(section[key]).is_absolute():
                section[key] = str(CONFIG_DIR / section[key])
    nlp = spacy.util.load_model_from_config(config, auto_fill=True)
    if all(name.startswith("ipgraph_") for name in nlp.pipe_names):
        # Our components match on characters and read no lexical attribute (like_num, shape,
        # is_punct ...); computing them for every new word was a sixth of extraction time.
        nlp.vocab.lex_attr_getters = {}  # type: ignore[attr-defined]  # not in the stubs
    return nlp


def extract_entities(nlp: Language, texts: dict[str, str]) -> list[Entity]:
    """Entities of each named text (e.g. {"abstract": ..., "claims": ...}), in text order."""
    return extract_many(nlp, [texts])[0]


def extract_many(
    nlp: Language,
    documents: list[dict[str, str]],
    words: list[dict[str, list[str]]] | None = None,
) -> list[list[Entity]]:
    """`extract_entities` for many documents, through one `nlp.pipe` stream. When the caller
    has segmented the texts already (`words`, per document and field), the pipeline reuses that
    segmentation instead of running its own tokenizer."""
    fields = [
        (i, name, text) for i, texts in enumerate(documents) for name, text in texts.items() if text
    ]
    results: list[list[Entity]] = [[] for _ in documents]
    if words is None:
        docs = nlp.pipe(text for _i, _name, text in fields)
    else:
        docs = nlp.pipe(_doc(nlp, words[i][name], text) for i, name, text in fields)
    for (index, name, text), doc in zip(fields, docs, strict=True):
        spans = doc.spans.get(SPAN_KEY, [])
        for span in sorted(spans, key=lambda s: (s._.start, s.label_)):
            results[index].append(
                Entity(
                    label=span.label_,
                    text=text[span._.start : span._.end],
                    normalized=span._.normalized,
                    start=span._.start,
                    end=span._.end,
                    field=name,
                    component=span._.component,
                )
            )
    return results


def _doc(nlp: Language, words: list[str], text: str) -> Doc:
    if "".join(words) == text:
        # jieba's precise mode keeps every character, whitespace included, so the words are
        # the text already: no alignment needed (spaCy's aligner is a tenth of ingest time).
        doc = Doc(nlp.vocab, words=words, spaces=[False] * len(words))
        doc.user_data["ipgraph_text"] = text
        return doc
    tokens, spaces = spacy.util.get_words_and_spaces(words, text)
    doc = Doc(nlp.vocab, words=tokens, spaces=spaces)
    doc.user_data["ipgraph_text"] = text
    return doc


def background_range(description: str) -> tuple[int, int] | None:
    """Character range of the 背景技术 section, where cited prior art is named."""
    match = _BACKGROUND.search(description)
    return match.span(1) if match else None
