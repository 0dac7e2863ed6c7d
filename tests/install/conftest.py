"""The wheel built and installed once per test session; pip's own cache keeps the downloads out of it.

Everything else in the suite runs on the editable install, which would hide a file the wheel leaves out.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from install_helpers import Installed, build_wheel, install


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_wheel(tmp_path_factory.mktemp("wheel"))


@pytest.fixture(scope="session")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Installed:
    return install(wheel, tmp_path_factory.mktemp("installed"))
