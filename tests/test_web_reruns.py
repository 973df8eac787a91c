"""Feeds, sitemaps and URL lists converted into an output folder, run again (tester h34 #12, review r39).

A rerun over unchanged pages converts nothing and says so; a changed page is written again to its
own files; an interrupted run resumes; and no run writes over a file it did not make (a file of
the same name already there, another ``--to``'s output), whatever ``--force`` says.
Every server binds to 127.0.0.1 (the test site of ``test_web``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_web import Site, _creators_feed, _serve, run, sitemap, story_title

import convert
from convert.batch.manifest import MANIFEST_NAME, Entry, Manifest


@pytest.fixture
def site() -> Iterator[Site]:
    yield from _serve("127.0.0.1")


def _feed(site: Site, tmp_path: Path) -> Path:
    """Three items: one carried in the feed, one linked page, one link that is a 404."""
    feed = tmp_path / "news.xml"
    feed.write_text(_creators_feed(site.base, ("/page/2.html", "Amina Juma"), ("/missing", "Jane Doe")))
    return feed


def _files(out: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.iterdir() if not p.name.startswith(".")
    }


def _stem(n: int) -> str:
    return convert.api.slug(story_title(n))


def test_a_feed_rerun_converts_nothing_and_a_changed_item_is_converted_again(
    site: Site, tmp_path: Path
) -> None:
    feed, out = _feed(site, tmp_path), tmp_path / "out"
    args = ("convert", str(feed), "--allow-host", "127.0.0.1", "--to", "txt", "-o", f"{out}/")
    first = run(*args)
    assert first.exit_code == 1, first.output  # the 404 item: some failed, the others are written
    assert "2 converted, 0 up to date, 1 failed" in first.output
    assert sorted(_files(out)) == [f"{_stem(1)}.txt", f"{_stem(2)}.txt"]
    before = _files(out)

    site.requests.clear()
    report = tmp_path / "report.json"
    again = run(*args, "--report", str(report))
    assert again.exit_code == 1, again.output
    assert "0 converted, 2 up to date, 1 failed" in again.output and "wrote" not in again.output
    assert _files(out) == before  # not even written again with the same bytes
    [(_path, headers)] = [(p, h) for p, h in site.requests if p == "/page/2.html"]
    assert headers.get("if-none-match") == '"p2-v0"'  # asked for only if changed: a 304
    outcomes = json.loads(report.read_text())["outcomes"]
    assert [(o["status"], o["code"]) for o in outcomes] == [
        ("up to date", 0),
        ("up to date", 0),
        ("failed", 3),
    ]
    assert outcomes[1]["outputs"] == [f"{out}/{_stem(2)}.txt"]  # as a local file's: the folder as given

    site.versions[2] = 1  # the linked page changed; so did the item the feed carries
    feed.write_text(feed.read_text().replace("has been argued over", "has been fought over"))
    changed = run(*args)
    assert "2 converted, 0 up to date, 1 failed" in changed.output, changed.output
    assert sorted(_files(out)) == sorted(before)  # the same files, new text
    assert "Updated 1 times" in (out / f"{_stem(2)}.txt").read_text()
    assert "fought over" in (out / f"{_stem(1)}.txt").read_text()


def test_a_file_already_there_is_never_written_over(site: Site, tmp_path: Path) -> None:
    """Review r39: an unrelated file with the title's name was overwritten."""
    feed, out = _feed(site, tmp_path), tmp_path / "out"
    out.mkdir()
    mine = out / f"{_stem(2)}.txt"
    mine.write_text("MY OWN NOTES")
    args = ("convert", str(feed), "--allow-host", "127.0.0.1", "--to", "txt", "-o", f"{out}/")
    for _ in range(2):
        result = run(*args)
        assert result.exit_code == 1, result.output
        assert mine.read_text() == "MY OWN NOTES"
    assert (out / f"{_stem(2)}-{_url_tag(site, 2)}.txt").is_file()  # beside it, the same name each run
    assert "0 converted, 2 up to date" in result.output
    # An output of ours the user has since replaced is theirs: a changed page goes beside it too.
    ours = out / f"{_stem(1)}.txt"
    ours.write_text("EDITED BY HAND")
    feed.write_text(feed.read_text().replace("has been argued over", "has been fought over"))
    run(*args)
    assert ours.read_text() == "EDITED BY HAND"
    assert len(list(out.glob(f"{_stem(1)}*.txt"))) == 2


def _url_tag(site: Site, n: int) -> str:
    import hashlib

    return hashlib.sha256(f"{site.base}/page/{n}.html".encode()).hexdigest()[:8]


def test_runs_with_another_to_keep_each_others_files(site: Site, tmp_path: Path) -> None:
    """Review r39: a rerun with --to html wrote HTML into the .txt files."""
    feed, out = _feed(site, tmp_path), tmp_path / "out"
    args = ("convert", str(feed), "--allow-host", "127.0.0.1", "-o", f"{out}/")
    run(*args, "--to", "txt")
    texts = {p.name: p.read_bytes() for p in out.glob("*.txt")}
    html = run(*args, "--to", "html")
    assert "2 converted, 0 up to date, 1 failed" in html.output, html.output
    assert {p.name: p.read_bytes() for p in out.glob("*.txt")} == texts
    assert sorted(p.name for p in out.glob("*.html")) == [f"{_stem(1)}.html", f"{_stem(2)}.html"]
    assert all(p.read_text().lstrip().lower().startswith("<!doctype html") for p in out.glob("*.html"))
    both = run(*args, "--to", "txt,html")
    assert "0 converted, 2 up to date, 1 failed" in both.output, both.output


def test_force_twice_writes_the_same_names(site: Site, tmp_path: Path) -> None:
    """Review r39: --force alternated between the title's name and a hashed one."""
    feed, out = _feed(site, tmp_path), tmp_path / "out"
    args = ("convert", str(feed), "--allow-host", "127.0.0.1", "--to", "txt", "-o", f"{out}/")
    run(*args)
    names = sorted(_files(out))
    for _ in range(2):
        forced = run(*args, "--force")
        assert "2 converted, 0 up to date, 1 failed" in forced.output, forced.output
        assert sorted(_files(out)) == names


def test_an_option_that_changes_the_output_converts_again(site: Site, tmp_path: Path) -> None:
    """Review r39: --author and --title were ignored by a rerun that found the page up to date."""
    out = tmp_path / "out"
    args = (
        "convert",
        f"{site.base}/sitemap.xml",
        "--allow-host",
        "127.0.0.1",
        "--to",
        "txt",
        "-o",
        f"{out}/",
    )
    run(*args)
    result = run(*args, "--author", "Jane Doe")
    assert "5 converted, 0 up to date" in result.output, result.output
    assert all("By Jane Doe" in p.read_text() for p in out.glob("*.txt")) and len(_files(out)) == 5
    assert "5 up to date" in run(*args, "--author", "Jane Doe").output


def test_an_interrupted_sitemap_run_resumes(
    site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    args = (
        "convert",
        f"{site.base}/sitemap.xml",
        "--allow-host",
        "127.0.0.1",
        "--to",
        "txt",
        "-o",
        f"{out}/",
    )
    render, calls = convert.api.render, []

    def stopped_at_the_third(*a: object, **k: object) -> object:
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return render(*a, **k)  # type: ignore[arg-type]

    monkeypatch.setattr(convert.api, "render", stopped_at_the_third)
    stopped = run(*args)
    assert stopped.exit_code != 0 and len(_files(out)) == 2
    monkeypatch.setattr(convert.api, "render", render)
    resumed = run(*args)
    assert "3 converted, 2 up to date, 0 failed" in resumed.output, resumed.output
    assert sorted(_files(out)) == sorted(f"{_stem(n)}.txt" for n in range(1, 6))
    assert sitemap(site.base)  # the sitemap the site serves


def test_a_url_list_keeps_another_formats_files_and_a_file_already_there(site: Site, tmp_path: Path) -> None:
    """The same writing for URL lists, which wrote HTML into .txt files and over a file already there."""
    listing, out = tmp_path / "a.urls", tmp_path / "out"
    listing.write_text(f"{site.base}/page/3.html\n{site.base}/page/4.html\n")
    out.mkdir()
    (out / f"{_stem(4)}.txt").write_text("MY OWN NOTES")
    args = ("convert", str(listing), "--allow-host", "127.0.0.1", "-o", f"{out}/")
    assert run(*args, "--to", "txt").exit_code == 0
    texts = {p.name: p.read_bytes() for p in out.glob("*.txt")}
    assert texts[f"{_stem(4)}.txt"] == b"MY OWN NOTES" and len(texts) == 3
    assert run(*args, "--to", "html").exit_code == 0
    assert {p.name: p.read_bytes() for p in out.glob("*.txt")} == texts
    assert len(list(out.glob("*.html"))) == 2
    assert "0 converted, 2 up to date, 0 failed" in run(*args, "--to", "txt").output


def test_a_folder_batchs_manifest_lines_are_unchanged_and_web_lines_round_trip(tmp_path: Path) -> None:
    manifest = Manifest(tmp_path)
    manifest.record(Entry("a.txt", "fp", "a.md", "abc"))
    web_line = Entry("b.txt", "fp2", "http://x/b", "def", "txt", "123", "5:6", '"e"', "Mon, 07 Dec 2026")
    manifest.record(web_line)
    manifest.close()
    lines = (tmp_path / MANIFEST_NAME).read_text().splitlines()
    assert json.loads(lines[0]) == {"out": "a.txt", "fp": "fp", "src": "a.md", "sha256": "abc"}
    assert Manifest(tmp_path).entries == {"a.txt": Entry("a.txt", "fp", "a.md", "abc"), "b.txt": web_line}
