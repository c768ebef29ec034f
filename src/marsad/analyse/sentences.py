"""The first stage: paragraphs and sentences with offsets."""
from __future__ import annotations

from marsad.arabic.tokens import paragraphs, sentences
from marsad.doc import Doc


class SentenceSplitter:
    """Sets `doc.paragraphs` and `doc.sentences` (a line break always ends a sentence)."""

    name = "sentences"
    requires = ("text",)
    assigns = ("sentences",)

    @classmethod
    def default(cls, settings=None) -> "SentenceSplitter":
        return cls()

    def __call__(self, doc: Doc) -> Doc:
        doc.paragraphs = paragraphs(doc.text)
        doc.sentences = sentences(doc.text)
        return doc
