"""How the word table reads Japanese, Greek and hashtags: the shipped table, on sentences written for these tests."""

from __future__ import annotations

import unicodedata

import numpy as np
import pytest

from personamgr.core.guard.embed import MODEL_DIR
from personamgr.core.guard.multilingual import WordTable
from personamgr.core.guard.reading import GreekForms, JapaneseWords, greek_stems


@pytest.fixture(scope="module")
def table() -> WordTable:
    return WordTable.load(MODEL_DIR)


def _read(table: WordTable, text: str) -> list[str]:
    """The words the table reads in ``text``, in its own spelling."""
    spelling = {i: w for w, i in reversed(list(table.index.items()))}  # the first key of a row is the word itself
    return [spelling[i] for i in table.tokens(text)[0]]


@pytest.mark.parametrize(("text", "words"), [
    # "I've been listening to old records all afternoon": greedy longest match read 午後 | はず | っと
    ("午後はずっと古いレコードを聴いている", ["午後", "は", "ずっと", "古い", "レコード", "を", "聴い", "て", "いる"]),
    ("今日は庭でトマトを植えた", ["今日", "は", "庭", "で", "トマト", "を", "植え", "た"]),
    ("自転車で海まで走った", ["自転車", "で", "海", "まで", "走っ", "た"]),
])
def test_japanese_is_split_into_its_most_probable_words(table: WordTable, text: str, words: list[str]) -> None:
    assert _read(table, text) == words


def test_a_voicing_mark_is_not_an_accent(table: WordTable) -> None:
    """ギター must not be found as キター, nor リフ (a riff, not in the list) as リプ (a reply)."""
    read = _read(table, "バンドの新しいアルバム、ギターのリフがすごい")
    assert {"バンド", "アルバム", "ギター", "すごい"} <= set(read)
    assert "リプ" not in read
    assert table.lookup("リフ") is None and table.lookup("てす") is None  # not です


def test_a_katakana_letter_alone_is_no_word(table: WordTable) -> None:
    """リフ (a riff) is not in the list; its letters リ and フ are, as fragments, and were read as words."""
    assert table.tokens("リフ") == ([], 1)
    assert table.tokens("日") == ([table.index["日"]], 1)  # a kanji alone is a word


def test_full_and_half_width_read_as_usual(table: WordTable) -> None:
    assert _read(table, "ｷﾞﾀｰの練習") == _read(table, "ギターの練習")
    assert _read(table, "ＧＵＩＴＡＲ ＳＯＬＯ") == ["guitar", "solo"]


def test_latin_words_inside_japanese_are_words(table: WordTable) -> None:
    assert _read(table, "Netflixのドラマ")[:2] == ["netflix", "の"]


def test_the_split_prefers_fewer_likelier_words() -> None:
    words = JapaneseWords([("ab", 0), ("a", 1), ("bc", 2), ("c", 3)], np.array([1e-5, 0.1, 0.1, 1e-5]))
    # "a" + "bc" beats "ab" + "c" (two rare words); "x" is no word and costs more than any
    assert words.segment("abc") == [(0, 1, 1), (1, 3, 2)]
    assert words.segment("axc") == [(0, 1, 1), (1, 2, None), (2, 3, 3)]
    assert words.segment("") == []


def test_a_loanword_the_list_lacks_is_one_unknown_word(table: WordTable) -> None:
    """ポッドキャスト (a podcast) is not in the list: it was read as キャスト (a cast) and two unknown letters."""
    assert table.lookup("ポッドキャスト") is None and table.lookup("キャスト") is not None
    assert table.japanese.read("ポッドキャストを聴く") == [None, table.index["を"], table.index["聴く"]]
    assert _read(table, "スタートアップ") == ["スタート", "アップ"]  # a loanword split whole into words is kept
    assert _read(table, "タンパク質") == ["タンパク質"]  # and so is a word of katakana and kanji


def test_the_iteration_mark_belongs_to_its_word(table: WordTable) -> None:
    """々 repeats the kanji before it: 色々 (all sorts), 人々 (people), 時々 (sometimes) are words of the list, but
    the mark cut the run, so 色 was read as a colour and 々 alone as a word of its own."""
    assert _read(table, "色々な人々と時々話す") == ["色々", "な", "人々", "と", "時々", "話す"]
    assert _read(table, "佐々木さんの庭") == ["佐々木", "さん", "の", "庭"]


@pytest.mark.parametrize(("post", "words"), [
    ("Qué partidazo anoche #realmadrid", ["real", "madrid"]),
    ("Hoy toca #comidacasera con la abuela", ["comida", "casera"]),
    ("Otra noche viendo #lacasadelosfamosos", ["la", "casa", "de", "los", "famosos"]),
    ("first frost on the tomatoes #gardeningtips", ["gardening", "tips"]),
])
def test_a_hashtag_written_as_one_word_is_read_as_its_words(table: WordTable, post: str, words: list[str]) -> None:
    """People write a hashtag as one lowercase run, often the post's topic; no list holds the run, so the table
    read nothing of it (the gloss, MiniLM's reading, carried it as one unknown word)."""
    read = _read(table, post)
    at = read.index(words[0])
    assert read[at:at + len(words)] == words
    glossed = " ".join(g for g in (table._gloss(table.index[w]) for w in words) if g)
    assert glossed in table.read(post).gloss


@pytest.mark.parametrize(("tag", "words"), [
    ("#HeavyMetal", ["heavy", "metal"]),  # its capitals mark its words
    ("#NFTCommunity", []),  # an acronym and a word: kept whole, not cut as nf tc om mu ni ty
    ("#Kenobi", []),  # a name: not ken + obi (short rare words are no pieces)
    ("#lvbp", []),  # an abbreviation: not lv + bp
])
def test_a_hashtag_is_cut_only_into_words_it_plainly_holds(table: WordTable, tag: str, words: list[str]) -> None:
    known = _read(table, tag)
    assert known == words or (not words and len(known) <= 1)


@pytest.mark.parametrize(("form", "family"), [
    ("νίκησα", "νικ"),  # "I won": not in the list
    ("ψηφίσαμε", "ψηφ"),  # "we voted"
    ("προπονήθηκα", "προπον"),  # "I trained"
    ("ζυμαρικών", "ζυμαρικ"),  # "of pasta"
    ("συνταγών", "συνταγ"),  # "of recipes": not σύνταγμα, a constitution
    ("ΚΙΘΑΡΙΣΤΕΣ", "κιθαριστ"),  # capitals carry no accents
    ("σκυλίτσα", "σκυλ"),  # "a little dog": a diminutive
])
def test_a_greek_form_the_list_lacks_finds_its_word(table: WordTable, form: str, family: str) -> None:
    assert table.lookup(form.casefold()) is None  # the list lacks this form...
    (word,) = _read(table, form)
    plain = "".join(c for c in unicodedata.normalize("NFD", word) if c.isalpha())
    assert plain.startswith(family), word  # ...and another form of the same word is read


def test_a_greek_form_without_relatives_is_not_guessed(table: WordTable) -> None:
    """The longest known prefix of μουσακάς (moussaka) was μούσα (a muse)."""
    assert _read(table, "μουσακάς") == []


def test_a_greek_word_is_not_cut_at_its_diaeresis(table: WordTable) -> None:
    """casefold() decomposes ΐ into ι and two combining marks, which are not letters: the word was cut in two."""
    protein = table.lookup("πρωτεινη")
    assert protein is not None
    assert table.tokens("πρωτεΐνη") == table.tokens("ΠΡΩΤΕΪΝΗ") == ([protein], 1)


def test_greek_stems_longest_first() -> None:
    assert greek_stems("κιθαρεσ") == ["κιθαρ"]
    assert greek_stems("νικησα")[:2] == ["νικησ", "νικη"]
    assert greek_stems("και") == []  # a stem keeps three letters


def test_greek_forms_take_the_most_frequent_relative() -> None:
    words = ["κιθαρα", "κιθαρεσ", "κιθαριστα"]
    forms = GreekForms(words, [0, 1, 2], np.array([3e-5, 1e-5, 9e-5]))
    assert forms.lemma("κιθαρων") == 0  # κιθαρ- + a Greek ending; κιθαριστα is another stem
    assert forms.lemma("λυρων") is None


def test_japanese_laughter_is_not_the_web(table: WordTable) -> None:
    assert _read(table, "ライブ最高ｗｗｗ") == _read(table, "ライブ最高") == ["ライブ", "最高"]
    assert "www" in table.index  # the English word it was read as
