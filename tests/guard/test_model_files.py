"""The shipped model files are compressed (install budget); a missing or damaged one must say so plainly."""

from __future__ import annotations

from pathlib import Path

import pytest

from personamgr.core.guard import Guard, background, common_words, e5
from personamgr.core.guard.embed import MODEL_DIR, MODEL_FILE, TOKENIZER_FILE, Embedder
from personamgr.core.guard.languages import TABLE_LANGUAGES
from personamgr.core.guard.model_files import ModelFileError
from personamgr.core.guard.multilingual import BACKGROUND_FILE, TABLE_FILE, WordTable

# Every file the guard opens at load, and what its message calls it. (LICENSE.txt and MODEL.txt are documents.)
OPENED = {
    MODEL_FILE: "the guard's model file",
    TOKENIZER_FILE: "the guard's tokenizer",
    background.VECTORS_FILE: "the guard's background vectors file",
    background.TEXT_FILE: "the guard's background posts file",
    TABLE_FILE: "the guard's multilingual table",
    BACKGROUND_FILE: "the guard's multilingual background file",
    common_words.FILE: "the guard's common-words list",
    e5.TOKENIZER_FILE: "the guard's multilingual tokenizer",
    e5.WEIGHTS_FILE: "the guard's multilingual weights",
    e5.GRAPH_FILE: "the guard's multilingual model graph",
    e5.BACKGROUND_FILE: "the guard's multilingual background vectors",
    **{background.text_file(lang): "the guard's background posts file" for lang in TABLE_LANGUAGES},
    **{background.vectors_file(lang): "the guard's background vectors file" for lang in TABLE_LANGUAGES},
}


def _copy_with(tmp_path: Path, name: str, data: bytes | None) -> Path:
    """The shipped model folder with ``name`` replaced by ``data`` (None: left out)."""
    for f in MODEL_DIR.iterdir():
        if f.is_file() and f.name != name:
            (tmp_path / f.name).symlink_to(f)
    if data is not None:
        (tmp_path / name).write_bytes(data)
    return tmp_path


def _load(model_dir: Path) -> None:
    """Guard.load, and multilingual-e5, which the guard loads on the first post in Japanese."""
    Guard.load(model_dir).e5_reading()


def test_the_list_of_opened_files_is_the_shipped_folder() -> None:
    assert set(OPENED) | {"LICENSE.txt", "MODEL.txt"} == {f.name for f in MODEL_DIR.iterdir()}


@pytest.mark.parametrize("name", sorted(OPENED))
def test_a_missing_model_file_names_itself_and_the_fix(tmp_path: Path, name: str) -> None:
    """What a wheel without a data file gave: a FileNotFoundError traceback. Now the damaged-file message."""
    model_dir = _copy_with(tmp_path, name, None)
    with pytest.raises(ModelFileError) as caught:
        _load(model_dir)
    assert str(caught.value) == f"{model_dir / name}: {OPENED[name]} is missing; reinstall personamgr"


@pytest.mark.parametrize("name", sorted(OPENED))
def test_a_damaged_model_file_of_any_kind_names_itself(tmp_path: Path, name: str) -> None:
    model_dir = _copy_with(tmp_path, name, b"\xff\xfe not what it should be")
    with pytest.raises(ModelFileError, match=rf"^{model_dir / name}: {OPENED[name]} is damaged \(.+\); "
                                             "reinstall personamgr$"):
        _load(model_dir)


def test_a_damaged_model_file_names_itself_and_the_fix(tmp_path: Path) -> None:
    good = (MODEL_DIR / MODEL_FILE).read_bytes()
    model_dir = _copy_with(tmp_path, MODEL_FILE, good[: len(good) // 2])
    with pytest.raises(ValueError, match=r"minilm-int8\.onnx\.z: the guard's model file is damaged.*reinstall"):
        Embedder.load(model_dir)


def test_a_damaged_multilingual_table_names_itself(tmp_path: Path) -> None:
    model_dir = _copy_with(tmp_path, TABLE_FILE, b"PK\x03\x04 not really a zip")
    with pytest.raises(ValueError, match=r"ml-table\.npz: the guard's multilingual table is damaged"):
        WordTable.load(model_dir)


def test_damaged_background_vectors_name_themselves(tmp_path: Path) -> None:
    model_dir = _copy_with(tmp_path, background.VECTORS_FILE, b"garbage")
    with pytest.raises(ValueError, match=r"background\.npz: the guard's background vectors file is damaged"):
        background.load(model_dir)


def test_the_shipped_files_load_and_stay_small() -> None:
    """The budget is measured by bench/install-size; this only guards against an uncompressed file slipping in."""
    table = WordTable.load(MODEL_DIR)
    assert table.dim == 384 and len(table.index) > 90_000
    sizes = {f.name: f.stat().st_size for f in MODEL_DIR.iterdir()}
    assert sizes[TABLE_FILE] < 0.9 * table.vectors.nbytes, sizes
    assert sum(sizes.values()) < 48_000_000, sizes


def test_without_a_temporary_folder_the_model_loads_from_memory(monkeypatch: pytest.MonkeyPatch,
                                                               tmp_path: Path) -> None:
    """The graph is inflated into a temporary file (onnxruntime stays smaller reading a file than bytes); where
    none can be written, the same model is handed over as bytes."""
    import tempfile

    import numpy as np

    texts = ["Five questions to ask at the end of every interview", "My sourdough finally rose"]
    want = Embedder.load().embed_many(texts)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "gone"))
    got = Embedder.load().embed_many(texts)
    assert np.allclose(got, want, atol=1e-6)
