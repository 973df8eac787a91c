"""Nothing lost in feed, sitemap and URL runs (issue 12): an item that cannot be fetched is an error
line, not a silent gap; a local file never writes over a page's output, nor a page over a local
file's, in one run or across runs. Every server binds to 127.0.0.1.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from html import escape
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from loopback import Running
from test_web import page_html, run, story_title

import convert
from convert.batch.manifest import MANIFEST_NAME, Manifest

#: Links no fetch can follow, as feeds in the wild write them (review of round 11).
BAD_LINKS = {"Bad bracket": "http://[::1", "Bad space": "http://exa mple.com/x"}


class _Server:
    """Pages ``/page/N.html`` (``test_web.page_html``) and whatever ``files`` holds, by path."""

    def __init__(self) -> None:
        self.files: dict[str, tuple[bytes, str]] = {}
        files = self.files

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                if self.path.startswith("/page/"):
                    body, ctype = page_html(int(self.path[6:].removesuffix(".html"))).encode(), "text/html"
                else:
                    body, ctype = files.get(self.path, (b"not here", "text/plain"))
                self.send_response(200 if self.path.startswith("/page/") or self.path in files else 404)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.running = Running(Handler)
        self.base = self.running.base


@pytest.fixture
def server() -> Iterator[_Server]:
    try:
        found = _Server()
    except OSError as exc:
        pytest.skip(f"cannot bind 127.0.0.1: {exc}")
    yield found
    found.running.close()


def _rss(base: str, bad: dict[str, str]) -> bytes:
    """An RSS feed: an item per bad link (a summary, no text of its own), then page 1 by its link."""
    items = "".join(
        f"<item><title>{escape(t)}</title><link>{escape(link)}</link><description>Summary</description></item>"
        for t, link in bad.items()
    )
    good = f"<item><title>{escape(story_title(1))}</title><link>{base}/page/1.html</link></item>"
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{items}{good}</channel></rss>'.encode()


def _atom(base: str, bad: dict[str, str]) -> bytes:
    entries = "".join(
        f'<entry><id>urn:{n}</id><title>{escape(t)}</title><link href="{escape(link)}"/></entry>'
        for n, (t, link) in enumerate(bad.items())
    )
    good = f'<entry><id>urn:good</id><title>S</title><link href="{base}/page/1.html"/></entry>'
    return (
        f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>urn:f</id>'
        f"{entries}{good}</feed>"
    ).encode()


def _json(base: str, bad: dict[str, str]) -> bytes:
    items = [{"id": str(n), "title": t, "url": link} for n, (t, link) in enumerate(bad.items())]
    items.append({"id": "good", "title": "S", "url": f"{base}/page/1.html"})
    return json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": items}).encode()


def _page_file(out: Path) -> Path:
    return out / f"{convert.api.slug(story_title(1))}.txt"


@pytest.mark.parametrize("make", [_rss, _atom, _json], ids=["rss", "atom", "jsonfeed"])
def test_an_item_whose_link_is_malformed_fails_alone_naming_the_feed_and_the_item(
    server: _Server, tmp_path: Path, make: object
) -> None:
    server.files["/feed"] = (make(server.base, BAD_LINKS), "application/xml")  # type: ignore[operator]
    feed, out = f"{server.base}/feed", tmp_path / "out"
    result = run("convert", feed, "--allow-host", "127.0.0.1", "--to", "txt", "-o", f"{out}/")
    assert result.exit_code == 1, result.output  # some failed, as for any failing item
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert errors == [
        f"error: {feed}: item 'Bad bracket' has a link that is malformed: 'http://[::1'",
        f"error: {feed}: item 'Bad space' has a link that names no valid host: 'http://exa mple.com/x'",
    ]
    assert "1 converted, 0 up to date, 2 failed" in result.output
    assert [p.name for p in out.iterdir() if p.name != MANIFEST_NAME] == [_page_file(out).name]
    assert story_title(1) in _page_file(out).read_text()


def test_a_feed_files_link_that_is_no_url_is_an_error_not_a_local_file(
    server: _Server, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("Private notes\n\nNot for any output folder, whatever a feed says about it.\n")
    feed = tmp_path / "feed.xml"
    feed.write_bytes(_rss(server.base, {"Local": str(secret), "Relative": "ht!tp:/x"}))
    out = tmp_path / "out"
    result = run("convert", str(feed), "--allow-host", "127.0.0.1", "--to", "txt", "-o", f"{out}/")
    assert result.exit_code == 1, result.output
    resolved = feed.resolve()
    assert f"error: {feed}: item 'Local' has a link that is not an http(s) URL: '{secret}'" in result.output
    assert (
        f"error: {feed}: item 'Relative' has a link that is not an http(s) URL: 'ht!tp:/x'" in result.output
    )
    assert not (out / "secret.txt").exists() and resolved.is_file()
    assert sorted(p.name for p in out.iterdir() if p.name != MANIFEST_NAME) == [_page_file(out).name]


def test_digest_and_bundle_report_the_item_too(server: _Server, tmp_path: Path) -> None:
    server.files["/feed"] = (_rss(server.base, BAD_LINKS), "application/rss+xml")
    feed = f"{server.base}/feed"
    digest = run("digest", feed, "--allow-host", "127.0.0.1", "-o", str(tmp_path / "d.txt"))
    assert digest.exit_code == 3, digest.output  # written with the page it could read; the item failed
    assert f"error: {feed}: item 'Bad bracket' has a link that is malformed" in digest.output
    assert story_title(1) in (tmp_path / "d.txt").read_text()
    assert "1 of 3 inputs in the digest" in digest.output  # review r51 #5: was "1 of 1"
    bundle = run("bundle", feed, "--allow-host", "127.0.0.1", "-o", str(tmp_path / "b.epub"))
    assert bundle.exit_code == 3, bundle.output  # a book with a missing chapter is not written
    assert f"{feed}: item 'Bad bracket' has a link that is malformed" in bundle.output
    assert not (tmp_path / "b.epub").exists()


def _local(tmp_path: Path, name: str) -> Path:
    src = tmp_path / "mine" / name
    src.parent.mkdir(exist_ok=True)
    src.write_text("My own notes\n\nA text of my own that shares its name with a page of the feed.\n")
    return src


def test_a_local_file_never_writes_over_a_pages_output_of_an_earlier_run(
    server: _Server, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    page = f"{server.base}/page/1.html"
    assert run("convert", page, "--allow-host", "127.0.0.1", "--to", "txt", "-o", f"{out}/").exit_code == 0
    page_file = _page_file(out)
    kept = page_file.read_bytes()
    src = _local(tmp_path, page_file.name)  # story-1-….txt, the page's output's name
    tag = convert.batch.fingerprint.file_sha256(src)[:8]
    beside = out / f"{src.stem}-{tag}.txt"
    for _ in range(2):  # the same name on every run
        result = run("convert", str(src), "--to", "txt", "-o", f"{out}/")
        assert result.exit_code == 0, result.output
        assert result.output.strip() == f"wrote {beside}"
        assert page_file.read_bytes() == kept and "My own notes" in beside.read_text()
    lines = Manifest(out).entries
    assert lines[beside.name].src == str(src.resolve()) and lines[page_file.name].src == page
    # a page's rerun finds its file as it wrote it; a run naming both writes over neither
    again = run("convert", str(src), page, "--allow-host", "127.0.0.1", "--to", "txt", "-o", f"{out}/")
    assert again.exit_code == 0, again.output
    assert "1 converted, 1 up to date, 0 failed" in again.output
    assert page_file.read_bytes() == kept and "My own notes" in beside.read_text()
    assert sorted(p.name for p in out.iterdir() if p.name != MANIFEST_NAME) == sorted(
        [page_file.name, beside.name]
    )


def test_a_page_never_writes_over_a_local_files_output(server: _Server, tmp_path: Path) -> None:
    out = tmp_path / "out"
    src = _local(tmp_path, _page_file(out).name)
    assert run("convert", str(src), "--to", "txt", "-o", f"{out}/").exit_code == 0
    mine = (out / src.name).read_bytes()
    page = f"{server.base}/page/1.html"
    result = run("convert", page, "--allow-host", "127.0.0.1", "--to", "txt", "-o", f"{out}/")
    assert result.exit_code == 0, result.output
    assert (out / src.name).read_bytes() == mine
    (written,) = [p for p in out.iterdir() if p.name not in (src.name, MANIFEST_NAME)]
    assert story_title(1) in written.read_text()
    # the local file again: its own output, written in place
    assert (
        run("convert", str(src), "--to", "txt", "-o", f"{out}/").output.strip() == f"wrote {out / src.name}"
    )
    assert written.is_file() and story_title(1) in written.read_text()


def test_a_folder_batchs_outputs_are_not_taken_for_another_inputs(tmp_path: Path) -> None:
    """A folder batch keys its lines by the input under its folder: converting one of its files
    alone into the same folder writes the same name, as before."""
    notes, out = tmp_path / "notes", tmp_path / "out"
    notes.mkdir()
    (notes / "a.txt").write_text("A note\n\nThe first version of a note about the weather today.\n")
    assert run("convert", str(notes), "--to", "html", "-o", str(out)).exit_code == 0
    (notes / "a.txt").write_text("A note\n\nThe second version of a note about the weather today.\n")
    result = run("convert", str(notes / "a.txt"), "--to", "html", "-o", f"{out}/")
    assert result.exit_code == 0 and result.output.strip() == f"wrote {out / 'a.html'}"
    assert "second version" in (out / "a.html").read_text()


def test_two_inputs_of_one_run_never_share_an_output(server: _Server, tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "x.txt").write_text("One\n\nThe first of two notes that share a name.\n")
    (tmp_path / "b" / "x.txt").write_text("Two\n\nThe second of two notes that share a name.\n")
    out = tmp_path / "out"
    both = run(
        "convert", str(tmp_path / "a/x.txt"), str(tmp_path / "b/x.txt"), "--to", "html", "-o", f"{out}/"
    )
    assert both.exit_code == 2 and "would both be written to" in both.output and not out.exists()
    # a page and a local file of one name, in either order: both written, neither over the other
    for n, order in enumerate(((0, 1), (1, 0))):
        dest = tmp_path / f"out{n}"
        src = _local(tmp_path, _page_file(dest).name)
        inputs = [str(src), f"{server.base}/page/1.html"]
        result = run(
            "convert",
            *[inputs[i] for i in order],
            "--allow-host",
            "127.0.0.1",
            "--to",
            "txt",
            "-o",
            f"{dest}/",
        )
        assert result.exit_code == 0, result.output
        texts = sorted(p.read_text()[:12] for p in dest.iterdir() if p.name != MANIFEST_NAME)
        assert texts == ["My own notes", "Story 1: the"]
        assert (dest / src.name).read_text().startswith("My own notes")


def test_without_an_output_folder_a_page_and_a_file_of_one_name_both_stay(
    server: _Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No -o: the page goes to the current folder under its title's name, the file beside itself;
    when that is one file, the local file's output takes its SHA-256's first 8 hex digits."""
    src = _local(tmp_path, _page_file(tmp_path).name)
    monkeypatch.chdir(src.parent)
    page = f"{server.base}/page/1.html"
    result = run("convert", page, src.name, "--allow-host", "127.0.0.1", "--to", "html")
    assert result.exit_code == 0, result.output
    tag = convert.batch.fingerprint.file_sha256(src)[:8]
    assert f"wrote {src.stem}-{tag}.html" in result.output
    assert story_title(1) in (src.parent / f"{src.stem}.html").read_text()
    assert "My own notes" in (src.parent / f"{src.stem}-{tag}.html").read_text()


def test_the_single_file_path_names_the_manifest_as_the_batch_does() -> None:
    from convert.commands import local

    assert local.MANIFEST_NAME == MANIFEST_NAME


def test_a_url_lists_bad_lines_fail_alone_and_the_good_ones_are_converted(
    server: _Server, tmp_path: Path
) -> None:
    """Review r51 #1: a malformed URL between good ones stopped the run (exit 70, nothing written);
    a path line failed the whole list (exit 3). Each bad line is now one error line."""
    listed = tmp_path / "list.urls"
    lines = [
        f"{server.base}/page/1.html",
        *BAD_LINKS.values(),
        "notes/today.txt",
        f"{server.base}/page/2.html",
    ]
    listed.write_text("\n".join(lines) + "\n")
    out = tmp_path / "out"
    result = run("convert", str(listed), "--allow-host", "127.0.0.1", "--to", "txt", "-o", f"{out}/")
    assert result.exit_code == 1, result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert errors == [
        f"error: {listed}: line 2: 'http://[::1' is malformed",
        f"error: {listed}: line 3: 'http://exa mple.com/x' names no valid host",
        f"error: {listed}: line 4: 'notes/today.txt' is not an http(s) URL",
    ]
    assert "2 converted, 0 up to date, 3 failed" in result.output
    texts = sorted(p.read_text()[:7] for p in out.iterdir() if p.name != MANIFEST_NAME)
    assert texts == ["Story 1", "Story 2"]
    # the list API with a URL that has no host to take turns on: a failed outcome, no crash
    (bad,) = [o for o in convert.batch.urls.convert_urls(["http://[::1"], tmp_path / "api", to=["txt"])]
    assert bad.status == "failed" and bad.error == "http://[::1: the URL is malformed"


@pytest.mark.parametrize("make", [_rss, _atom], ids=["rss", "atom"])
def test_a_link_feedparser_would_rewrite_is_checked_and_quoted_as_the_feed_wrote_it(
    server: _Server, tmp_path: Path, make: object
) -> None:
    """Review r51 #6: feedparser turns file:///etc/hostname into file://etc/hostname and http:///x
    into http://x (then looked up as the host x, in an error naming neither feed nor item)."""
    bad = {"Slashes": "http:///x", "File": "file:///etc/hostname"}
    server.files["/feed"] = (make(server.base, bad), "application/xml")  # type: ignore[operator]
    feed = f"{server.base}/feed"
    result = run("convert", feed, "--allow-host", "127.0.0.1", "--to", "txt", "-o", f"{tmp_path / 'out'}/")
    assert result.exit_code == 1, result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert errors == [
        f"error: {feed}: item 'Slashes' has a link that names no valid host: 'http:///x'",
        f"error: {feed}: item 'File' has a link that is not an http(s) URL: 'file:///etc/hostname'",
    ]
    assert "1 converted, 0 up to date, 2 failed" in result.output


def _two_notes(tmp_path: Path) -> tuple[Path, Path]:
    """``dir/note.txt`` (a folder batch's input) and another ``note.txt``, with other text."""
    (tmp_path / "dir").mkdir()
    (tmp_path / "here").mkdir()
    folder_note, local_note = tmp_path / "dir" / "note.txt", tmp_path / "here" / "note.txt"
    folder_note.write_text("Folder note\n\nThe note that lives in the folder, about the harbour.\n")
    local_note.write_text("Local note\n\nThe note that lives elsewhere, about the market.\n")
    return folder_note, local_note


def test_another_file_of_a_folder_batchs_name_never_writes_over_its_output(tmp_path: Path) -> None:
    """Review r51 #2: a folder batch's line was taken as 'maybe this very file', whatever its bytes:
    another note.txt converted alone wrote over the folder's note.txt."""
    folder_note, local_note = _two_notes(tmp_path)
    out = tmp_path / "out"
    assert run("convert", str(folder_note.parent), "--to", "txt", "-o", f"{out}/").exit_code == 0
    tag = convert.batch.fingerprint.file_sha256(local_note)[:8]
    result = run("convert", str(local_note), "--to", "txt", "-o", f"{out}/")
    assert result.exit_code == 0 and result.output.strip() == f"wrote {out / f'note-{tag}.txt'}"
    assert (out / "note.txt").read_text().startswith("Folder note")
    assert (out / f"note-{tag}.txt").read_text().startswith("Local note")
    # a copy of the folder's file (same bytes) is the same input: its own name
    copy = tmp_path / "copy" / "note.txt"
    copy.parent.mkdir()
    copy.write_bytes(folder_note.read_bytes())
    assert (
        run("convert", str(copy), "--to", "txt", "-o", f"{out}/").output.strip()
        == f"wrote {out / 'note.txt'}"
    )


def test_a_folder_batch_never_writes_over_another_files_output(server: _Server, tmp_path: Path) -> None:
    """The reverse: a file converted alone into a folder with a manifest, then a folder batch whose
    note.txt is another file: the batch's takes note.txt.txt, as beside a page's output."""
    folder_note, local_note = _two_notes(tmp_path)
    out = tmp_path / "out"
    page = f"{server.base}/page/1.html"
    assert run("convert", page, "--allow-host", "127.0.0.1", "--to", "txt", "-o", f"{out}/").exit_code == 0
    assert run("convert", str(local_note), "--to", "txt", "-o", f"{out}/").exit_code == 0
    for _ in range(2):  # a rerun finds its output up to date
        assert run("convert", str(folder_note.parent), "--to", "txt", "-o", f"{out}/").exit_code == 0
    assert (out / "note.txt").read_text().startswith("Local note")
    assert (out / "note.txt.txt").read_text().startswith("Folder note")
    # the folder's own file, converted alone, writes over what the batch made of it
    folder_note.write_text("Folder note\n\nEdited: the harbour is closed today.\n")
    result = run("convert", str(folder_note), "--to", "txt", "-o", f"{out}/")
    tag = convert.batch.fingerprint.file_sha256(folder_note)[:8]
    assert result.output.strip() == f"wrote {out / f'note-{tag}.txt'}"  # note.txt is the other file's
    assert (out / "note.txt").read_text().startswith("Local note")


def test_an_edited_file_replaces_its_own_earlier_hashed_output(server: _Server, tmp_path: Path) -> None:
    """Review r51 #4: each edit of a file whose name a page has added one more note-<sha8>.txt."""
    out = tmp_path / "out"
    page = f"{server.base}/page/1.html"
    assert run("convert", page, "--allow-host", "127.0.0.1", "--to", "txt", "-o", f"{out}/").exit_code == 0
    src = _local(tmp_path, _page_file(out).name)
    assert run("convert", str(src), "--to", "txt,md", "-o", f"{out}/").exit_code == 0
    first = convert.batch.fingerprint.file_sha256(src)[:8]
    src.write_text("My own notes\n\nThe second version of my notes.\n")
    second = convert.batch.fingerprint.file_sha256(src)[:8]
    result = run("convert", str(src), "--to", "txt", "-o", f"{out}/")
    assert result.exit_code == 0 and result.output.strip() == f"wrote {out / f'{src.stem}-{second}.txt'}"
    names = sorted(p.name for p in out.iterdir() if p.name != MANIFEST_NAME)
    # the md of the first version stays: only the formats converted are replaced
    assert names == sorted([_page_file(out).name, f"{src.stem}-{second}.txt", f"{src.stem}-{first}.md"])
    assert "second version" in (out / f"{src.stem}-{second}.txt").read_text()
    lines = Manifest(out).entries
    assert f"{src.stem}-{first}.txt" not in lines and lines[f"{src.stem}-{second}.txt"].src == str(
        src.resolve()
    )
