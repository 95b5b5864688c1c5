"""Nearest coded examples: a second opinion where the codebook's words are not enough.

Paragraphs and the examples of ``content/examples.yaml`` are turned into vectors by
WordLlama (the ``wordllama`` wheel carries its 16 MB model), once per process, on CPU.
Its tokenizer and embedding matrix are read from the wheel's own files, without
importing the package: its loader brings in pydantic and requests for downloading models,
two thirds of the load's time (0.23-0.33 s against 0.08-0.12 s, after numpy). The
vectors are the package's own, bit for bit (tests/test_semantic.py compares them).

Two texts are similar when their vectors point the same way (cosine similarity, 1 for
the same wording). Only a paragraph's first ``MAX_WORDS`` words are compared, so a huge
paragraph costs no more than a long one.
"""

from __future__ import annotations

import importlib.util
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import numpy as np

from casebook import vectorcache
from casebook.model import Example, Neighbour

MODEL = "WordLlama l2_supercat_256, the model inside the wordllama package"
# Its files in the wheel (wordllama 0.4.0.post1, pinned in requirements.txt)
WEIGHTS = ("weights", "l2_supercat_256.safetensors", "embedding.weight")
TOKENIZER = ("tokenizers", "l2_supercat_tokenizer_config.json")
MAX_WORDS = 400
DIMENSIONS = 256  # the model's vector length
OPENING_WORDS = 12
BATCH = 32  # paragraphs embedded at a time: a batch pads to its longest (texts go in by
# length, so little); 32 embeds a fifth faster than 16, to the same bits on 2,914 texts
_LOCK = threading.Lock()  # one embedding at a time: the tokenizer's padding is shared state


@dataclass(frozen=True)
class _Model:
    tokenizer: object  # a tokenizers.Tokenizer, padding to the longest text of a batch
    embedding: np.ndarray  # one float32 row per token id


@lru_cache(maxsize=1)
def _model() -> _Model:
    """The model's tokenizer and embedding matrix, set up as WordLlama sets them up for
    inference: padding on, no truncation, the float16 weights widened to float32."""
    from safetensors import safe_open
    from tokenizers import Tokenizer

    spec = importlib.util.find_spec("wordllama")  # where it is, without running it
    if spec is None or spec.origin is None:
        raise FileNotFoundError("the wordllama package is not installed")
    folder = Path(spec.origin).parent
    tokenizer = Tokenizer.from_file(str(folder.joinpath(*TOKENIZER)))
    tokenizer.enable_padding()
    tokenizer.no_truncation()
    *where, key = WEIGHTS
    with safe_open(str(folder.joinpath(*where)), framework="np", device="cpu") as weights:
        embedding = np.ascontiguousarray(weights.get_tensor(key).astype(np.float32))
    return _Model(tokenizer, embedding)


def load() -> None:
    """Load the model now (it otherwise loads on first use): to have it ready early."""
    _model()


def _clip(text: str) -> str:
    return " ".join(text.split()[:MAX_WORDS])


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit vectors, one row per text; a text without words gets a row of zeros (similar
    to nothing)."""
    clipped = [_clip(text) for text in texts]
    vectors = np.zeros((len(clipped), DIMENSIONS), dtype=np.float32)
    keep = [i for i, text in enumerate(clipped) if text]
    if keep:
        keep.sort(key=lambda i: len(clipped[i]))  # batches of like length pad little
        with _LOCK:
            found = _pooled([clipped[i] for i in keep])
        norms = np.linalg.norm(found, axis=1, keepdims=True)
        found = np.divide(found, norms, out=np.zeros_like(found), where=norms > 0)
        vectors[keep] = found
    return vectors


def _pooled(texts: list[str]) -> np.ndarray:
    """What the model's own ``embed`` gives (each text's mean token vector, ``BATCH``
    texts padded together), bit for bit, with each distinct word tokenized only once.

    The model's tokenizer runs over a whole text at once, and that was most of the time
    spent embedding. A clipped text is words joined by single spaces (:func:`_clip`), and
    the tokenizer marks each word's start and never merges across one, so a text's tokens
    are its words' tokens one after another (tests/test_semantic.py checks this against
    the tokenizer itself). The ids are then padded and pooled as the model does it
    (:func:`_mean_rows`)."""
    model = _model()
    tokens = _word_tokens(model.tokenizer, texts)
    pad = (model.tokenizer.padding or {}).get("pad_id", 0)
    last = model.embedding.shape[0] - 1
    pooled = np.empty((len(texts), model.embedding.shape[1]), dtype=np.float32)
    for start in range(0, len(texts), BATCH):
        rows = [
            [token for word in text.split(" ") for token in tokens[word]]
            for text in texts[start : start + BATCH]
        ]
        width = max(len(row) for row in rows)
        ids = np.full((len(rows), width), pad, dtype=np.int32)
        mask = np.zeros((len(rows), width), dtype=np.float32)
        for place, row in enumerate(rows):
            ids[place, : len(row)] = row
            mask[place, : len(row)] = 1.0
        np.clip(ids, 0, last, out=ids)
        pooled[start : start + len(rows)] = _mean_rows(model.embedding[ids], mask)
    return pooled


def _mean_rows(vectors: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Each text's mean token vector, its padding masked out: WordLlama's average pooling,
    step for step, so that the float32 sums round the same way."""
    counts = np.maximum(mask.sum(axis=1, keepdims=True), 1.0).astype(np.float32)
    return np.sum(vectors * mask[..., np.newaxis], axis=1, dtype=np.float32) / counts


_WORD_TOKENS: dict[str, tuple[int, ...]] = {}  # each word's token ids, the word alone
MAX_WORDS_KEPT = 200_000  # distinct words remembered by a process before starting over
WORDS_AT_ONCE = 1024  # words tokenized together (of like length: padding stays small)


def _word_tokens(tokenizer, texts: list[str]) -> dict[str, tuple[int, ...]]:
    """The token ids of every word of ``texts``, each word tokenized once per process."""
    new = {word for text in texts for word in text.split(" ")} - _WORD_TOKENS.keys()
    if len(_WORD_TOKENS) + len(new) > MAX_WORDS_KEPT:
        _WORD_TOKENS.clear()
        new = {word for text in texts for word in text.split(" ")}
    ordered = sorted(new, key=len)
    for start in range(0, len(ordered), WORDS_AT_ONCE):
        words = ordered[start : start + WORDS_AT_ONCE]
        for word, encoding in zip(
            words, tokenizer.encode_batch(words, add_special_tokens=False), strict=True
        ):
            kept = zip(encoding.ids, encoding.attention_mask, strict=True)
            _WORD_TOKENS[word] = tuple(token for token, real in kept if real)
    return _WORD_TOKENS


def opening(text: str) -> str:
    head = text.split()[:OPENING_WORDS]
    return " ".join(head) + (" …" if len(text.split()) > OPENING_WORDS else "")


def _cache_file(texts: Sequence[str]) -> Path:
    """One file per model and set of example texts: any edit of an example is a new file."""
    model = f"{MODEL} {metadata.version('wordllama')}, first {MAX_WORDS} words"
    return vectorcache.file_for([model, *texts])


def example_vectors(texts: Sequence[str]) -> np.ndarray:
    """The examples' vectors (:func:`embed`), kept between runs (:mod:`casebook.vectorcache`)."""
    return vectorcache.cached(_cache_file(texts), (len(texts), DIMENSIONS), lambda: embed(texts))


class ExampleIndex:
    """The examples' vectors, computed once, and the nearest of them to any paragraphs."""

    def __init__(self, examples: Sequence[Example]):
        self.examples = tuple(examples)
        self.vectors = example_vectors([e.text for e in self.examples])
        self.sources = np.array([e.source for e in self.examples], dtype=object)
        self.openings = [opening(e.text) for e in self.examples]

    def nearest(
        self, texts: Sequence[str], count: int, min_similarity: float, leave_out: str = ""
    ) -> list[tuple[Neighbour, ...]]:
        """For each text, up to ``count`` most similar examples at ``min_similarity`` or
        more, most similar first, leaving out the examples whose source is ``leave_out``."""
        if not texts or not self.examples or count < 1:
            return [() for _ in texts]
        vectors = embed(texts)
        similarity = vectors @ self.vectors.T
        similarity[~vectors.any(axis=1)] = -np.inf  # a text without words is near nothing
        if leave_out:
            similarity[:, self.sources == leave_out] = -np.inf
        order = _top(similarity, count)
        return [self._neighbours(row, picks, min_similarity) for row, picks in zip(
            similarity, order, strict=True
        )]  # fmt: skip

    def _neighbours(self, row: np.ndarray, picks, min_similarity: float) -> tuple:
        found = []
        for pick in picks:
            if row[pick] < min_similarity:
                break
            example = self.examples[pick]
            found.append(
                Neighbour(example.id, self.openings[pick], float(row[pick]), example.themes)
            )
        return tuple(found)


def _top(similarity: np.ndarray, count: int) -> np.ndarray:
    """Per row, the columns of the ``count`` largest values, largest first."""
    count = min(count, similarity.shape[1])
    picks = np.argpartition(-similarity, count - 1, axis=1)[:, :count]
    rows = np.arange(similarity.shape[0])[:, None]
    return picks[rows, np.argsort(-similarity[rows, picks], axis=1, kind="stable")]


@lru_cache(maxsize=8)
def index_for(examples: tuple[Example, ...]) -> ExampleIndex:
    """One index per set of examples, built on first use and kept for the process."""
    return ExampleIndex(examples)
