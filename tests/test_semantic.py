"""Nearest coded examples (casebook/semantic.py) and how they add to a theme's score."""

from __future__ import annotations

import os
import time
from pathlib import Path

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from casebook import semantic, vectorcache
from casebook.loader import load_content
from casebook.model import Codebook, Example, Rules, Theme
from casebook.tagging import code_texts
from tests.conftest import CONTENT

ATTACK = "Armed men attacked the peacekeepers' base at night and killed two soldiers."
VOTE = "Voters queued for hours to elect a new parliament under the new constitution."
EXAMPLES = (
    Example("ex-attack", "text-a", ATTACK, ("security",)),
    Example("ex-vote", "text-b", VOTE, ("political",)),
    Example("ex-none", "text-b", "The report has four chapters and an annex.", ()),
)


def theme(theme_id: str, *terms: str) -> Theme:
    return Theme(theme_id, theme_id.title(), "#0072B2", "A theme for the tests.", terms)


def codebook(neighbours: int, similarity: float = 0.0, weight: float = 1.0) -> Codebook:
    rules = Rules(2.0, 0.25, neighbours, similarity, weight)
    themes = (theme("security", "troop*"), theme("political", "dialogue"))
    return Codebook(themes, rules, EXAMPLES)


def test_embed_gives_unit_rows_and_zeros_for_a_text_without_words():
    vectors = semantic.embed([ATTACK, "", "  ...  ", VOTE])
    norms = np.linalg.norm(vectors, axis=1)
    assert norms == pytest.approx([1.0, 0.0, 1.0, 1.0], abs=1e-5)
    assert not np.isnan(vectors).any()


# Words as articles have them: accents, digits and dates, punctuation stuck to words,
# other scripts, symbols and emoji, and runs of marks nothing else looks like.
WORD = st.text(
    st.sampled_from(list("aeinorstuyAEIMNSéèçñößİıøæœ0123456789.,;:'’“”()[]-–—/%$€§¶&@#") +
                    ["中", "文", "ع", "ر", "б", "ы", "🙂", "\u0301", "\u200b", "\ufffd", "\U0001f1f2"]),
    min_size=1, max_size=12,
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(WORD, min_size=1, max_size=25))
def test_a_texts_tokens_are_its_words_tokens_one_after_another(words):
    """What embedding word by word rests on (semantic._pooled): the tokenizer never merges
    across a word's start, so a clipped text's tokens are its words' tokens in turn."""
    text = semantic._clip(" ".join(words))
    assume(text)
    tokenizer = semantic._model().tokenizer
    whole = tokenizer.encode(text, add_special_tokens=False).ids
    tokens = semantic._word_tokens(tokenizer, [text])
    assert [t for word in text.split(" ") for t in tokens[word]] == whole


def test_embedding_word_by_word_is_the_models_own_embedding_bit_for_bit(real_codebook):
    """The seed's paragraphs, the coded examples and texts with unusual words, in batches
    as embed makes them: the same vectors as WordLlama's own embed, to the last bit."""
    paragraphs = [p.text for p in load_content(CONTENT).cases[0].paragraphs]
    odd = ["İdlib", "2013–2023: 15,209 troops (¶12)", "emoji 🙂 中文", "x" * 3000 + " tail"]
    texts = [semantic._clip(t) for t in paragraphs + [e.text for e in real_codebook.examples] + odd]
    texts.sort(key=len)
    import wordllama  # the package's own loading and embedding, as the reference

    model = wordllama.WordLlama.load(
        cache_dir=Path(wordllama.__file__).parent, disable_download=True
    )
    ours = semantic._pooled(texts)
    assert np.array_equal(ours, model.embed(texts, norm=False, batch_size=semantic.BATCH))
    assert np.array_equal(semantic._model().embedding, model.embedding)


def test_words_remembered_past_the_bound_start_over_and_embed_the_same(monkeypatch):
    texts = [ATTACK, VOTE, "A third text with words of its own."]
    expected = semantic._pooled(texts)
    monkeypatch.setattr(semantic, "MAX_WORDS_KEPT", 5)
    monkeypatch.setattr(semantic, "_WORD_TOKENS", {})
    assert np.array_equal(semantic._pooled(texts), expected)
    assert len(semantic._WORD_TOKENS) <= len(" ".join(texts).split())


def test_the_same_wording_is_nearest_with_similarity_one():
    (near,) = semantic.index_for(EXAMPLES).nearest([ATTACK], 3, 0.0)
    assert near[0].example == "ex-attack"
    assert near[0].similarity == pytest.approx(1.0, abs=1e-5)
    assert [n.similarity for n in near] == sorted((n.similarity for n in near), reverse=True)
    assert near[0].opening == ATTACK  # twelve words: all of it
    vote = next(n for n in near if n.example == "ex-vote")
    assert vote.opening == "Voters queued for hours to elect a new parliament under the new …"


def test_examples_of_the_texts_own_source_take_no_part():
    (near,) = semantic.index_for(EXAMPLES).nearest([ATTACK], 3, 0.0, leave_out="text-a")
    assert sorted(n.example for n in near) == ["ex-none", "ex-vote"]


def test_examples_below_the_similarity_floor_are_left_out():
    (near,) = semantic.index_for(EXAMPLES).nearest([ATTACK], 3, 0.99)
    assert [n.example for n in near] == ["ex-attack"]


def test_an_empty_text_has_no_neighbours():
    assert semantic.index_for(EXAMPLES).nearest([""], 3, 0.0) == [()]


def test_each_near_example_adds_the_weight_to_the_themes_it_carries():
    (coding,) = code_texts([ATTACK], codebook(neighbours=1, similarity=0.9, weight=2.0))
    assert (coding["security"].score, coding["security"].coded) == (2.0, True)
    assert [n.example for n in coding["security"].neighbours] == ["ex-attack"]
    assert (coding["political"].score, coding["political"].neighbours) == (0.0, ())


def test_words_and_an_example_add_up():
    text = "Troops " + ATTACK  # one term (1) and the attack example (1)
    (coding,) = code_texts([text], codebook(neighbours=1, similarity=0.8))
    assert coding["security"].evidence == ("Troops",)
    assert (coding["security"].score, coding["security"].coded) == (2.0, True)


def test_only_paragraphs_whose_words_leave_a_theme_undecided_are_compared(monkeypatch):
    from casebook import tagging

    asked = []
    real = tagging.nearest_examples

    def spy(texts, codebook, leave_out=""):
        asked.extend(texts)
        return real(texts, codebook, leave_out)

    monkeypatch.setattr(tagging, "nearest_examples", spy)
    settled = "Troops and troops met for dialogue, more dialogue."  # 2 and 2: both coded
    out_of_reach = VOTE  # no term at all: one example (weight 1) cannot lift 0 to 2
    one_short = "Troops " + ATTACK  # security 1: one example can make it 2
    found = code_texts([settled, out_of_reach, one_short], codebook(1, 0.8, 1.0))
    assert asked == [one_short]
    assert [(c.score, c.coded, c.neighbours) for c in found[0].values()] == [
        (2.0, True, ()), (2.0, True, ()),
    ]  # fmt: skip
    assert [(c.score, c.coded, c.neighbours) for c in found[1].values()] == [
        (0.0, False, ()), (0.0, False, ()),
    ]  # fmt: skip
    assert (found[2]["security"].score, found[2]["security"].coded) == (2.0, True)
    assert [n.example for n in found[2]["security"].neighbours] == ["ex-attack"]


def test_no_neighbours_asked_means_terms_alone():
    (coding,) = code_texts([ATTACK], codebook(neighbours=0))
    assert (coding["security"].score, coding["security"].neighbours) == (0.0, ())


# --- bad input, with the real codebook and its examples ------------------------------------

FRENCH = (
    "La mission a organisé des réunions avec les autorités locales pour discuter de "
    "l'avenir de la région et des besoins de la population."
)


@pytest.fixture(scope="module")
def real_codebook():
    from casebook.loader import load_content
    from tests.conftest import CONTENT

    return load_content(CONTENT).codebook


def test_an_empty_paragraph_gets_no_theme(real_codebook):
    (coding,) = code_texts([""], real_codebook)
    assert not any(c.coded for c in coding.values())
    assert all(c.neighbours == () for c in coding.values())


def test_a_paragraph_in_another_language_gets_no_theme(real_codebook):
    (coding,) = code_texts([FRENCH], real_codebook)
    assert [t for t, c in coding.items() if c.coded] == []


def test_a_one_megabyte_paragraph_is_coded_without_error(real_codebook):
    huge = (ATTACK + " ") * (1_000_000 // (len(ATTACK) + 1))
    assert len(huge) > 990_000
    (coding,) = code_texts([huge], real_codebook)
    assert coding["security"].coded  # soldiers killed, a base attacked: security, sensibly
    assert not coding["political"].coded


def test_examples_read_fast_are_those_the_line_keeping_reader_gives(tmp_path):
    from casebook import examples
    from tests.conftest import CONTENT

    ids = ("security", "political", "humanitarian", "partnerships")
    fast = examples.read_examples(CONTENT / "examples.yaml", CONTENT, [], ids, needed=True)
    # an unknown top-level key sends the same file down the slow path, which reports it
    slow_file = tmp_path / "examples.yaml"
    text = (CONTENT / "examples.yaml").read_text(encoding="utf-8")
    slow_file.write_text(text + "extra: 1\n", encoding="utf-8")
    problems = []
    slow = examples.read_examples(slow_file, tmp_path, problems, ids, needed=True)
    assert [str(p).split(": ", 1)[1] for p in problems] == [
        "unknown key 'extra' (expected one of: examples)"
    ]
    assert len(fast) > 100 and fast == slow


OFFLINE = """
import socket

def refuse(*args, **kwargs):
    raise RuntimeError("the network was used")

socket.socket.connect = refuse
socket.create_connection = refuse
from casebook import semantic, vectorcache
from casebook.loader import load_content
print(semantic.embed(["Troops patrolled the border."]).shape)
"""


def test_the_model_loads_from_the_wheel_without_the_network():
    import subprocess
    import sys

    from tests.conftest import ROOT

    done = subprocess.run(
        [sys.executable, "-c", OFFLINE], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "(1, 256)"


def test_the_paragraph_table_and_its_export_carry_the_examples_behind_a_score():
    import json

    from casebook.coverage import paragraph_table
    from casebook.export import to_jsonl
    from casebook.model import Case, Paragraph, Section

    case = Case("mission", "A case", (Section("s", "S", 1, (Paragraph("s", 1, ATTACK),)),))
    table = paragraph_table([case], codebook(neighbours=1, similarity=0.9, weight=2.0))
    (record,) = [json.loads(line) for line in to_jsonl(table).splitlines()]
    assert record["scores"]["security"] == 2.0 and record["themes"] == ["security"]
    (near,) = record["examples"]["security"]
    assert (near["example"], near["opening"]) == ("ex-attack", ATTACK)
    assert near["similarity"] == pytest.approx(1.0, abs=1e-3)
    assert record["examples"]["political"] == []


def test_an_examples_file_with_aliases_is_read_within_the_content_bounds(tmp_path):
    """libyaml would expand aliases without limit; such a file takes the bounded reader."""
    from casebook import examples

    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    path = tmp_path / "examples.yaml"
    path.write_text("\n".join(lines) + "\nexamples: [*a8]\n", encoding="utf-8")
    problems = []
    assert examples.read_examples(path, tmp_path, problems, ("security",), needed=True) == ()
    assert len(problems) == 1 and "examples.yaml" in str(problems[0])


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """An empty cache folder, and a count of the texts embedded."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    embedded = []
    real = semantic.embed
    monkeypatch.setattr(semantic, "embed", lambda texts: embedded.extend(texts) or real(texts))
    return tmp_path / "casebook", embedded


def test_example_vectors_are_kept_and_read_back_the_same(cache):
    folder, embedded = cache
    texts = [e.text for e in EXAMPLES]
    first = semantic.example_vectors(texts)
    assert (embedded, len(list(folder.glob("*.npy")))) == (texts, 1)
    again = semantic.example_vectors(texts)
    assert len(embedded) == len(texts)  # not embedded a second time
    assert again.dtype == np.float32 and np.array_equal(again, first)


def test_an_edited_example_is_embedded_anew(cache):
    folder, embedded = cache
    semantic.example_vectors([ATTACK, VOTE])
    semantic.example_vectors([ATTACK, VOTE + " Again."])
    assert embedded == [ATTACK, VOTE, ATTACK, VOTE + " Again."]
    assert len(list(folder.glob("*.npy"))) == 2


@pytest.mark.parametrize("damage", [b"", b"not a numpy file", None])
def test_a_damaged_cache_file_is_computed_again(cache, damage):
    folder, embedded = cache
    texts = [ATTACK, VOTE]
    right = semantic.example_vectors(texts)
    (kept,) = folder.glob("*.npy")
    if damage is None:  # a file of the wrong shape
        np.save(kept, np.ones((3, 5), dtype=np.float32), allow_pickle=False)
    else:
        kept.write_bytes(damage)
    assert np.array_equal(semantic.example_vectors(texts), right)
    assert embedded == texts * 2


def test_an_unwritable_cache_costs_time_not_vectors(cache):
    folder, embedded = cache
    folder.write_text("a file where the cache folder would go")  # so nothing can be kept
    for _ in range(2):
        vectors = semantic.example_vectors([ATTACK])
        assert np.linalg.norm(vectors[0]) == pytest.approx(1.0, abs=1e-5)
    assert (embedded, folder.is_file()) == ([ATTACK, ATTACK], True)


def earlier_caches(folder, count: int, first_used: float = 1_000.0) -> list:
    """``count`` cache files as earlier edits of the examples left them, the last the most
    recently used."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"examples-earlier{n}.npy"
        np.save(path, np.zeros((1, semantic.DIMENSIONS), dtype=np.float32), allow_pickle=False)
        os.utime(path, (first_used + n, first_used + n))
        paths.append(path)
    return paths


def cache_names(folder) -> set[str]:
    return {p.name for p in folder.glob("examples-*.npy")}


def test_writing_a_cache_keeps_it_and_the_three_last_used(cache):
    folder, _ = cache
    earlier = earlier_caches(folder, 5)
    semantic.example_vectors([ATTACK])
    current = semantic._cache_file([ATTACK]).name
    assert vectorcache.KEEP_CACHED == 3
    assert cache_names(folder) == {current} | {p.name for p in earlier[2:]}
    assert not list(folder.glob("*.tmp"))


def test_the_file_just_written_stays_whatever_the_others_times(cache):
    """Files touched by a clock ahead of this one look newer: it stays all the same."""
    folder, _ = cache
    ahead = earlier_caches(folder, 4, first_used=time.time() + 86_400)
    semantic.example_vectors([VOTE])
    assert cache_names(folder) == {semantic._cache_file([VOTE]).name} | {p.name for p in ahead[1:]}


def test_reading_a_cache_counts_as_using_it(cache):
    folder, embedded = cache
    semantic.example_vectors([ATTACK])
    used = semantic._cache_file([ATTACK])
    os.utime(used, (1.0, 1.0))  # written long ago ...
    earlier_caches(folder, 2)
    semantic.example_vectors([ATTACK])  # ... and read now
    semantic.example_vectors([VOTE])
    semantic.example_vectors([VOTE, ATTACK])
    assert embedded == [ATTACK, VOTE, VOTE, ATTACK]  # ATTACK read from its file
    assert used.name in cache_names(folder)
    assert "examples-earlier0.npy" not in cache_names(folder)


def test_a_cache_file_that_cannot_be_removed_stays_and_costs_nothing(cache, monkeypatch):
    """A folder under a cache file's name (unlink refuses it) and a file whose removal is
    denied stay; the other old file goes, and the vectors come back all the same."""
    folder, _ = cache
    undeletable, denied, removable, *recent = earlier_caches(folder, 6)
    undeletable.unlink()
    undeletable.mkdir()
    os.utime(undeletable, (900.0, 900.0))
    real_unlink = Path.unlink

    def unlink(path, *args, **kwargs):
        if path.name == denied.name:
            raise PermissionError(13, "Permission denied", str(path))
        return real_unlink(path, *args, **kwargs)

    monkeypatch.setattr(Path, "unlink", unlink)
    vectors = semantic.example_vectors([ATTACK])
    assert np.linalg.norm(vectors[0]) == pytest.approx(1.0, abs=1e-5)
    kept = {semantic._cache_file([ATTACK]), undeletable, denied, *recent}
    assert cache_names(folder) == {p.name for p in kept}
    assert not removable.exists()


def test_a_write_that_fails_halfway_leaves_no_file(cache, monkeypatch):
    folder, _ = cache

    def disk_full(file, *args, **kwargs):
        file.write(b"\x93NUMPY half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(semantic.np, "save", disk_full)
    vectors = semantic.example_vectors([ATTACK])
    assert np.linalg.norm(vectors[0]) == pytest.approx(1.0, abs=1e-5)
    assert list(folder.iterdir()) == []


def test_a_temporary_file_left_by_a_killed_write_goes_once_old(cache):
    """One an hour old was left by a write killed halfway; a fresh one may be another
    process's write under way."""
    folder, _ = cache
    folder.mkdir(parents=True)
    left, writing = folder / "tmpleft.tmp", folder / "tmpwriting.tmp"
    for path in (left, writing):
        path.write_bytes(b"\x93NUMPY half")
    old = time.time() - vectorcache.ABANDONED - 60
    os.utime(left, (old, old))
    semantic.example_vectors([ATTACK])
    assert (left.exists(), writing.exists()) == (False, True)
