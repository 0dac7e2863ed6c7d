"""`personas list` lines its columns up by what a terminal shows, not by code points.

A name with an emoji or East Asian wide characters takes two columns a character: padded by len(), "ギター" (three
code points, six columns) and "metal🎸" pushed their handle, network and focus out of line with "career"'s.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_helpers import Cli

from personamgr.cli.columns import display_width

WIDE = """
[[persona]]
name = "career"
handle = "@career_me"
topics = ["careers"]

[[persona]]
name = "ギター"
handle = "@guitar_jp"
topics = ["guitars"]

[[persona]]
name = "metal🎸"
handle = "@metal_me"
topics = ["heavy metal"]
"""


def test_wide_names_keep_the_columns_in_line(cli: Cli, tmp_path: Path) -> None:
    f = tmp_path / "wide.toml"
    f.write_text(WIDE, encoding="utf-8")
    d = tmp_path / "profile"
    assert cli("personas", "import", str(f), data_dir=d).code == 0
    r = cli("personas", "list", data_dir=d)
    assert r.code == 0, r.err
    lines = {line.split()[0]: line for line in r.out.splitlines()}
    # The widest name, metal🎸, is seven columns: each name is padded to seven, then two spaces.
    assert lines["career"].startswith("career   @career_me        sandbox   ")
    assert lines["ギター"].startswith("ギター   @guitar_jp        sandbox   ")
    assert lines["metal🎸"].startswith("metal🎸  @metal_me         sandbox   ")


@pytest.mark.parametrize(("text", "columns"), [
    ("career", 6), ("ギター", 6), ("metal🎸", 7), ("café", 4), ("cafe\u0301", 4), ("love❤️", 6), ("dev👩\u200d💻", 5),
])
def test_display_width_counts_what_the_terminal_shows(text: str, columns: int) -> None:
    assert display_width(text) == columns
