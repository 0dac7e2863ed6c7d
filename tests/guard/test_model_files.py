"""The shipped model files are compressed (install budget); a damaged one must say so plainly."""

from __future__ import annotations

from pathlib import Path

import pytest

from personamgr.core.guard import background
from personamgr.core.guard.embed import MODEL_DIR, MODEL_FILE, Embedder
from personamgr.core.guard.multilingual import TABLE_FILE, WordTable


def _copy_with(tmp_path: Path, name: str, data: bytes) -> Path:
    for f in MODEL_DIR.iterdir():
        if f.is_file() and f.name != name:
            (tmp_path / f.name).symlink_to(f)
    (tmp_path / name).write_bytes(data)
    return tmp_path


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
    with pytest.raises(ValueError, match=r"background\.npz: the guard's background vectors are damaged"):
        background.load(model_dir)


def test_the_shipped_files_load_and_stay_small() -> None:
    """The budget is measured by bench/install-size; this only guards against an uncompressed file slipping in."""
    table = WordTable.load(MODEL_DIR)
    assert table.dim == 96 and len(table.index) > 90_000
    sizes = {f.name: f.stat().st_size for f in MODEL_DIR.iterdir()}
    assert sum(sizes.values()) < 19_000_000, sizes
