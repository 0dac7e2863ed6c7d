"""`personamgr post` whose post went out as the profile moved away: it said "something unexpected went wrong
(ProfileGone …). This is a bug" and exited 1, so a script would post it again. It exits 0 (the post is out) and
warns that it is not recorded, with its link."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from demo_home import run, seeded_home
from unrecorded_helpers import fault_as_it_goes_out

from personamgr.core.networks.base import Published
from personamgr.core.networks.sandbox import SandboxNetwork


def test_post_out_as_the_profile_moves_exits_0_and_warns_it_is_not_recorded(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    home = seeded_home(tmp_path)
    published: list[Published] = []

    class Moving(SandboxNetwork):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]
            fault_as_it_goes_out(self, lambda: shutil.move(home, tmp_path / "elsewhere"))
            publish = self.publish

            def keep(*args: object) -> Published:
                published.append(publish(*args))
                return published[-1]

            self.publish = keep  # type: ignore[method-assign]

    monkeypatch.setattr("personamgr.core.services.SandboxNetwork", Moving)
    capsys.readouterr()
    code = run(home, "post", "--persona", "career", "--anyway", "What a recruiter reads first")
    out = capsys.readouterr()
    assert code == 0, out.err
    assert out.err.startswith(f"personamgr: warning: career's post went out as @career_me ({published[0].url}), but "
                              "personamgr could not record that it did: the database "), out.err
    assert "This is a bug" not in out.err
