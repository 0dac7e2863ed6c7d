"""An image given to ``--image`` is read once: checked and copied from the same bytes.

``--image <(curl …)`` hands personamgr a pipe, which gives its bytes to one reader only. The file was opened to
sniff its type, again to read it through for damage and, for the copy, twice more: a pipe was refused as empty, and
a file changed between the check and the copy was copied unchecked. In-process through ``main()``, on the demo's
sandbox profile."""

from __future__ import annotations

import errno
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from demo_home import open_profile, run
from image_files import png

TEXT = "Hiring by month this year: the chart says spring is the time to send your resume."


@contextmanager
def pipe_of(data: bytes, path: Path) -> Iterator[None]:
    """A named pipe at ``path`` that gives ``data`` to its first reader, as ``<(curl …)`` does.

    Any later reader finds it empty (a writer that writes nothing) rather than waiting for ever."""
    os.mkfifo(path)
    first = threading.Event()
    done = threading.Event()

    def feed() -> None:
        try:
            with path.open("wb") as f:  # waits for the first reader
                first.set()
                f.write(data)
        except BrokenPipeError:  # the reader stopped before the end
            pass
        while not done.is_set():
            try:
                fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
            except OSError as e:
                if e.errno != errno.ENXIO:  # ENXIO: no reader waiting
                    raise
                done.wait(0.01)
                continue
            os.close(fd)

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    try:
        yield
    finally:
        done.set()
        if not first.is_set():  # nobody read it: let the feeder's first open return
            os.close(os.open(path, os.O_RDONLY | os.O_NONBLOCK))
        feeder.join()


def test_an_image_from_a_pipe_is_read_once_and_attached(home: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    data = png(tmp_path / "chart.png").read_bytes()
    with pipe_of(data, tmp_path / "chart"):
        code = run(home, "queue", "add", "--persona", "career", "--at", "2030-06-03T09:00",
                   "--image", str(tmp_path / "chart"), "--alt", "Hiring by month", TEXT)
    out, err = capsys.readouterr()
    assert code == 0, err
    svc = open_profile(home)
    try:
        [media] = svc.outbox.get(int(out.split("#")[1].split()[0])).media
    finally:
        svc.close()
    assert (media["name"], media["mime_type"], media["size"]) == ("chart", "image/png", len(data))
    assert Path(media["path"]).read_bytes() == data  # a second read would have found the pipe empty
