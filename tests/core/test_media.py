"""Images attached to posts: checked by their bytes against X's limits, copied into the profile, and removed with
their post (and never a file outside the profile's media folder)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from image_files import animated_gif, cut_short, damaged, gif, jpeg, pixels_damaged, png, webp

from personamgr.core.media import (
    SANDBOX_LIMITS,
    X_LIMITS,
    MediaError,
    check_file,
    check_items,
    check_post,
    gif_not_alone,
    import_image,
    missing_alt,
    prune,
    sniff,
)
from personamgr.core.networks.base import MediaItem
from personamgr.core.outbox import PostState
from personamgr.core.personas import Persona
from personamgr.core.services import Services

GIF = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00" \
      b"\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"


def test_the_type_is_read_from_the_bytes_not_the_name(tmp_path: Path) -> None:
    assert sniff(png(tmp_path / "a.png").read_bytes()[:12]) == "image/png"
    renamed = tmp_path / "photo.jpg"
    renamed.write_bytes(png(tmp_path / "b.png").read_bytes())
    assert check_file(renamed)[0] == "image/png"  # a PNG named .jpg is still a PNG, and fine
    (tmp_path / "notes.png").write_text("not an image at all", encoding="utf-8")
    with pytest.raises(MediaError, match=r"notes\.png is not an image type that X accepts"):
        check_file(tmp_path / "notes.png")
    (tmp_path / "x.gif").write_bytes(GIF)
    assert check_file(tmp_path / "x.gif")[0] == "image/gif"
    assert check_file(webp(tmp_path / "photo.webp"))[0] == "image/webp"


def test_each_refusal_names_the_file_and_the_fix(tmp_path: Path) -> None:
    (tmp_path / "empty.png").write_bytes(b"")
    (tmp_path / "doc.pdf").write_bytes(b"%PDF-1.7 ...")
    for path, message in ((tmp_path / "gone.png", r"gone\.png does not exist"),
                          (tmp_path, r"is a folder, not an image"),
                          (tmp_path / "empty.png", r"empty\.png is empty"),
                          (tmp_path / "doc.pdf", r"doc\.pdf is not an image type.*PNG, JPEG, GIF or WebP")):
        with pytest.raises(MediaError, match=message):
            check_file(path)


def test_an_image_whose_data_is_cut_short_or_damaged_is_refused_when_attached(tmp_path: Path) -> None:
    """A PNG or JPEG with a good header and damaged data was attached, copied and scheduled, and failed only when
    the post was sent (perhaps at night, by the scheduler). It is read through when attached, and refused then."""
    folder = tmp_path / "media"
    assert check_file(jpeg(tmp_path / "whole.jpg")) == ("image/jpeg", 650)
    (tmp_path / "whole.gif").write_bytes(GIF)
    cut = ("{name} is a {type} image cut short: its data ends before the picture does (a download or copy that did "
           "not finish). Download or save it again, check that it opens in an image viewer, then attach it again.")
    for path, kind in ((cut_short(png(tmp_path / "cut.png", 32)), "PNG"),
                       (cut_short(jpeg(tmp_path / "cut.jpg")), "JPEG"),
                       (cut_short(tmp_path / "whole.gif", 0.9), "GIF")):
        with pytest.raises(MediaError) as e:
            import_image(folder, path)
        assert str(e.value) == cut.format(name=path.name, type=kind)
    with pytest.raises(MediaError) as e:
        import_image(folder, damaged(png(tmp_path / "bad.png", 32)))
    assert str(e.value) == ("bad.png is a PNG image whose data is damaged, so it cannot be shown. Download or save it "
                            "again, check that it opens in an image viewer, then attach it again.")
    assert not folder.exists() or list(folder.iterdir()) == []  # nothing copied


@pytest.mark.parametrize(("make", "kind"), [(jpeg, "JPEG"), (webp, "WebP"), (lambda p: webp(p, "lossless"), "WebP"),
                                           (gif, "GIF")],
                         ids=["jpeg", "webp", "webp-lossless", "gif"])
def test_an_image_whose_pixels_do_not_decode_is_refused_when_attached(
        tmp_path: Path, make: Callable[[Path], Path], kind: str) -> None:
    """A JPEG, WebP or GIF whose every segment, chunk and block reads in place, but whose pixel data is damaged
    (its Huffman tables, its bitstream, its LZW codes), passed the walk through its structure, was copied and
    scheduled, and failed only when the network decoded it at send time. It is decoded when it is attached, and
    refused then."""
    folder = tmp_path / "media"
    whole = make(tmp_path / f"whole.{kind.lower()}")
    assert check_file(whole)[0] == f"image/{kind.lower()}"
    bad = pixels_damaged(make(tmp_path / f"bad.{kind.lower()}"))
    with pytest.raises(MediaError) as e:
        import_image(folder, bad)
    assert str(e.value) == (f"{bad.name} is a {kind} image whose data is damaged, so it cannot be shown. Download or "
                            "save it again, check that it opens in an image viewer, then attach it again.")
    assert not folder.exists() or list(folder.iterdir()) == []  # nothing copied


def test_an_image_over_five_megabytes_is_refused_with_its_size(tmp_path: Path) -> None:
    big = tmp_path / "huge.png"
    with big.open("wb") as f:
        f.write(png(tmp_path / "small.png").read_bytes())
        f.truncate(X_LIMITS.max_bytes + 1)  # sparse: no 5 MB written
    with pytest.raises(MediaError, match=r"huge\.png is 5\.0 MB; X accepts images up to 5 MB"):
        check_file(big)


def test_an_animated_gif_is_held_to_xs_15_mb_and_a_still_gif_to_its_5_mb(tmp_path: Path) -> None:
    """X takes animated GIFs up to 15 MB and images (a still GIF is one) up to 5 MB: a 7 MB animated GIF was refused
    as an image, and the limit named was the images'."""
    seven = animated_gif(tmp_path / "seven.gif", frames=3, size=7 * 1024 * 1024)
    assert check_file(seven) == ("image/gif", seven.stat().st_size)
    attached = import_image(tmp_path / "media", seven, "A chart that moves")
    assert Path(attached["path"]).read_bytes() == seven.read_bytes()  # all of it, not the first 5 MB
    sixteen = animated_gif(tmp_path / "sixteen.gif", size=16 * 1024 * 1024)
    with pytest.raises(MediaError, match=r"sixteen\.gif is 16\.0 MB; X accepts animated GIFs up to 15 MB"):
        check_file(sixteen)
    still = animated_gif(tmp_path / "still.gif", frames=1, size=6 * 1024 * 1024)
    with pytest.raises(MediaError, match=r"still\.gif is 6\.0 MB; X accepts images up to 5 MB"):
        check_file(still)


def test_counts_and_alt_text_are_checked_per_part() -> None:
    four = [{"path": f"/m/{i}.png", "alt_text": "a", "part": 0} for i in range(4)]
    assert check_post(1, four) == []
    assert check_post(1, [*four, {"path": "/m/5.png", "part": 0}]) == [
        "X allows at most 4 images per post; the post has 5."]
    assert check_post(2, [*four, {"path": "/m/5.png", "part": 1}]) == []  # four more on part 2 is fine
    long_alt = [{"path": "/m/a.png", "name": "chart.png", "alt_text": "x" * 1001}]
    assert check_post(1, long_alt) == ["The alt text of chart.png is 1,001 characters; X allows 1,000."]
    assert missing_alt([{"path": "/m/a.png", "name": "chart.png", "alt_text": " "}, *four]) == ["chart.png"]


def test_what_the_check_before_sending_finds_names_the_file_as_the_user_attached_it(tmp_path: Path) -> None:
    """The check runs on the profile's copy (a name personamgr made up), which may have changed since it was
    attached; what it says names the file the user knows."""
    copy = tmp_path / "6f1148c5afcd4992a7744aa8b60c08f8.png"
    copy.write_text("not an image any more")
    assert check_items(1, ((MediaItem(str(copy), "A chart", name="chart.png"),),)) == (
        "chart.png is not an image type that X accepts; use PNG, JPEG, GIF or WebP.")
    png(copy)
    assert check_items(1, ((MediaItem(str(copy), "x" * 1001, name="chart.png"),),)) == (
        "The alt text of chart.png is 1,001 characters; X allows 1,000.")


def test_a_scheduled_post_keeps_its_image_when_the_original_goes_and_the_copy_goes_with_the_post(
        services: Services, tmp_path: Path) -> None:
    persona = services.store.add_persona(Persona(name="career", description="jobs"))
    original = png(tmp_path / "chart.png")
    media = services.media_dir
    assert media is not None
    item = import_image(media, original, "  Hiring by month  ")
    assert item["alt_text"] == "Hiring by month" and item["name"] == "chart.png" and item["mime_type"] == "image/png"
    copy = Path(item["path"])
    assert copy.parent == media and copy.read_bytes() == original.read_bytes()
    original.unlink()  # the user tidies their Downloads folder
    post = services.outbox.create(persona.uid, "Two charts", media=[item])
    other = services.outbox.create(persona.uid, "Same chart again", media=[dict(item)])  # one copy, two posts
    sent = services.poster.send(post.id)
    assert sent.state is PostState.SENT, sent.error  # the sandbox checks the copy, as X would
    entry = services.networks["sandbox"].timeline(persona.uid)[0]  # type: ignore[attr-defined]
    assert entry.media == (("chart.png", "Hiring by month"),)  # named as attached, not as the copy
    services.workflows.delete(other.id)
    assert copy.exists()  # the sent post still refers to it


def test_deleting_a_post_removes_its_copies_but_never_the_users_own_files(services: Services, tmp_path: Path) -> None:
    persona = services.store.add_persona(Persona(name="career", description="jobs"))
    media = services.media_dir
    assert media is not None
    copied = import_image(media, png(tmp_path / "a.png"), "a")
    own = png(tmp_path / "own.png")  # a path outside the profile, as an old database might hold
    post = services.outbox.create(persona.uid, "with images", media=[copied, {"path": str(own), "alt_text": ""}])
    services.workflows.delete(post.id)
    assert not Path(copied["path"]).exists()
    assert own.exists()


def test_images_taken_off_while_editing_are_removed(services: Services, tmp_path: Path) -> None:
    persona = services.store.add_persona(Persona(name="career", description="jobs"))
    media = services.media_dir
    assert media is not None
    a, b = (import_image(media, png(tmp_path / f"{n}.png"), n) for n in "ab")
    post = services.outbox.create(persona.uid, "two", media=[a, b])
    services.workflows.edit(post.id, ["one"], media=[a])
    assert Path(a["path"]).exists() and not Path(b["path"]).exists()


def test_prune_removes_only_old_unreferenced_copies(services: Services, tmp_path: Path) -> None:
    persona = services.store.add_persona(Persona(name="career", description="jobs"))
    media = services.media_dir
    assert media is not None
    kept = import_image(media, png(tmp_path / "k.png"))
    services.outbox.create(persona.uid, "kept", media=[kept])
    orphan = Path(import_image(media, png(tmp_path / "o.png"))["path"])  # a crash between copy and save
    assert prune(services.store, media) == []  # too fresh: it may be about to be saved
    assert prune(services.store, media, older_than=-1) == [orphan]
    assert Path(kept["path"]).exists()


def test_a_gif_among_other_images_is_found_on_the_part_it_is_on_without_reading_a_file() -> None:
    gif = {"path": "/m/1.gif", "name": "dance.gif", "part": 1}
    chart = {"path": "/m/2.png", "name": "chart.png", "part": 0}
    assert gif_not_alone([gif, chart], {"/m/1.gif"}, X_LIMITS, thread=True) is None  # each on a part of its own
    assert gif_not_alone([gif, dict(chart, part=1)], {"/m/1.gif"}, X_LIMITS, thread=True) == (
        "X takes an animated GIF only on a post of its own (up to 4 images, or 1 animated GIF): dance.gif is on part 2 "
        "of the thread with other images. Give it a part of its own, or remove the other images.")
    assert gif_not_alone([gif, dict(chart, part=1)], set(), X_LIMITS, thread=True) is None  # a still GIF
    assert str(gif_not_alone([dict(gif, part=0), chart], {"/m/1.gif"}, SANDBOX_LIMITS, thread=False)).startswith(
        "Sandbox takes an animated GIF only on a post of its own")
