"""What the guard adds to an install is counted from the packages' declared dependencies
(``scripts/network_packages.py --guard``, which bench/install-size prints), not from a fixed list:
numpy stopped being the guard's alone when the insights' charts (pyqtgraph) came to need it."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "network_packages.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("network_packages", SCRIPT)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_the_guard_counts_onnxruntime_and_what_only_it_brings_not_the_shared_numpy() -> None:
    np_ = _script()
    guard = np_.only(np_.GUARD)
    assert {"onnxruntime", "protobuf", "flatbuffers"} <= set(guard)
    assert "numpy" not in guard  # pyqtgraph requires it: removing the guard would not remove it
    assert not set(guard) & set(np_.network_only())


def test_a_package_only_the_guard_imports_would_count() -> None:
    np_ = _script()
    assert "numpy" in np_.only(np_.GUARD | {"pyqtgraph"})  # with the charts counted as the guard's too
