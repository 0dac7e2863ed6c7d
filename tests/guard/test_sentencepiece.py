"""The pure-Python unigram tokenizer of multilingual-e5 matches the ``tokenizers`` reference piece for piece.

The guard ships without ``tokenizers`` and ``sentencepiece`` (install budget); this is what makes that safe.
The reference is built from the same shipped (pruned) vocabulary and scores, and reads text already
normalised by ours, so the test covers the segmentation (Viterbi over the pieces) and the word splitting.
"""

from __future__ import annotations

import gzip
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from personamgr.core.guard.e5 import TOKENIZER_FILE
from personamgr.core.guard.embed import MODEL_DIR
from personamgr.core.guard.sentencepiece import WORD, Unigram

tokenizers = pytest.importorskip("tokenizers")

DATA = json.loads(gzip.decompress((MODEL_DIR / TOKENIZER_FILE).read_bytes()))

POSTS = [
    "Me encanta mi guitarra nueva, ¡qué sonido!",
    "Ο νέος δίσκος της μπάντας είναι φοβερός, απίστευτα ριφ κιθάρας",
    "日本代表が逆転勝ち、最後まで目が離せない試合だった",
    "VAMOS CARAJO, HOY GANAMOS, GOL DE LAPADULA",
    "Five questions to ask at the end of every interview",
    "ｆｕｌｌｗｉｄｔｈ　ＡＢＣ and  double   spaces\tand tabs\nand lines",
]


@pytest.fixture(scope="module")
def ours() -> Unigram:
    return Unigram.from_json(gzip.decompress((MODEL_DIR / TOKENIZER_FILE).read_bytes()))


@pytest.fixture(scope="module")
def reference():
    from tokenizers import Regex, Tokenizer, models, pre_tokenizers

    vocab = list(zip(DATA["pieces"], DATA["scores"], strict=True))
    tok = Tokenizer(models.Unigram(vocab, unk_id=DATA["unk"], byte_fallback=False))
    tok.pre_tokenizer = pre_tokenizers.Split(Regex(WORD), behavior="merged_with_next")
    return tok


def _check(ours: Unigram, reference, text: str) -> None:
    norm = ours.normalize(text)
    want = reference.encode(norm, add_special_tokens=False).ids
    got = ours.encode(text, 10_000)
    assert got[0] == ours.bos and got[-1] == ours.eos
    assert got[1:-1] == want, (text, [DATA["pieces"][i] for i in got[1:-1]], [DATA["pieces"][i] for i in want])


@pytest.mark.parametrize("text", POSTS)
def test_posts_in_every_script_split_like_the_reference(ours: Unigram, reference, text: str) -> None:
    _check(ours, reference, text)


_LETTERS = "abcdeñáéíóú ΑΒΓαβγδεζάέ ぁあいうえおカタナ日本語漢字 ABC .,!?¿¡'\"-"
_TEXT = st.text(alphabet=st.sampled_from(list(_LETTERS)), max_size=60)


@settings(max_examples=200, deadline=None)
@given(text=_TEXT)
def test_random_text_splits_like_the_reference(ours: Unigram, reference, text: str) -> None:
    _check(ours, reference, text)


def test_normalisation_folds_width_spaces_and_controls(ours: Unigram) -> None:
    assert ours.normalize("ＡＢＣ　x\u0007y\t z") == f"{WORD}ABC{WORD}xy{WORD}z"


def test_capitals_and_rare_words_split_into_known_pieces_not_unknown(ours: Unigram) -> None:
    for text in ("VAMOS CARAJO HOY GANAMOS", "ΚΑΛΗΜΕΡΑ ΑΘΗΝΑ", "Zwölfkampfmeisterschaft Łódź"):
        assert ours.unk not in ours.encode(text, 200), text


def test_a_character_no_piece_has_is_unknown_and_long_text_is_cut(ours: Unigram) -> None:
    ids = ours.encode("\U0001F916", 10)
    assert ours.unk in ids
    long = ours.encode("palabra " * 500, 96)
    assert len(long) == 98 and long[0] == ours.bos and long[-1] == ours.eos
