"""Feed items and pages into an output folder, after review r44: what names an item from one run to
the next (its guid or id, else its link, else its own content; never its place in the feed), local
files among the inputs, the previous release's URL-list manifest, and what ``wrote`` and
``--report`` name. Servers bind to 127.0.0.1 (the test site of ``test_web``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_web import Site, _serve, run, story_title

import convert
from convert.batch.manifest import MANIFEST_NAME

TEXT = {
    "mon": "Monday: the ferry is cancelled because of the storm over the bay, the port authority said.",
    "tue": "Tuesday: the ferry runs again on the normal timetable, the port authority said this afternoon.",
    "wed": "Wednesday: the bridge is closed for repairs until Friday, the council said at its meeting.",
}


@pytest.fixture
def site() -> Iterator[Site]:
    yield from _serve("127.0.0.1")


def _item(day: str, *, guid: str | None = None, link: str | None = None, title: str | None = None) -> str:
    """An RSS item carrying its own text (nothing to fetch)."""
    return (
        f"<item><title>{title or day.title() + ' bulletin'}</title>"
        + (f"<link>{link}</link>" if link else "")
        + (f'<guid isPermaLink="false">{guid}</guid>' if guid else "")
        + f"<content:encoded><![CDATA[<p>{TEXT[day]}</p><p>More text for {day}.</p>]]></content:encoded></item>"
    )


def _rss(*items: str) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Harbour news</title>'
        f"<link>http://harbour.example/</link><description>d</description>{''.join(items)}</channel></rss>"
    )


def _convert(feed: Path, out: Path, *more: str) -> object:
    return run("convert", str(feed), "--to", "txt", "-o", f"{out}/", *more)


def _contents(out: Path) -> dict[str, str]:
    """Each output's name and its first line (the title)."""
    return {p.name: p.read_text().splitlines()[0] for p in sorted(out.glob("*.txt"))}


def _a_new_item_alone_is_converted(feed: Path, out: Path, mon: str, tue: str, wed: str) -> None:
    """Convert a feed of ``mon`` and ``tue``, then again with ``wed`` first: only ``wed`` is new."""
    feed.write_text(_rss(mon, tue))
    _convert(feed, out)
    feed.write_text(_rss(wed, mon, tue))
    again = _convert(feed, out)
    assert "1 converted, 2 up to date, 0 failed" in again.output, again.output
    assert _contents(out) == {
        "mon-bulletin.txt": "Mon bulletin",
        "tue-bulletin.txt": "Tue bulletin",
        "wed-bulletin.txt": "Wed bulletin",
    }


def test_items_sharing_a_link_keep_their_own_files(tmp_path: Path) -> None:
    """Review r44: two items with one <link> (and their own guids) went into one file, the first lost,
    and every rerun converted both again."""
    feed, out = tmp_path / "same.xml", tmp_path / "out"
    link = "http://harbour.example/bulletin"
    feed.write_text(_rss(_item("mon", guid="b-1", link=link), _item("tue", guid="b-2", link=link)))
    first = _convert(feed, out)
    assert first.exit_code == 0 and "2 converted" in first.output, first.output
    assert _contents(out) == {
        "mon-bulletin.txt": "Mon bulletin",
        "tue-bulletin.txt": "Tue bulletin",
    }
    again = _convert(feed, out)
    assert "0 converted, 2 up to date, 0 failed" in again.output, again.output


def test_items_sharing_a_link_and_no_guid_are_told_apart_by_their_content(tmp_path: Path) -> None:
    feed, out = tmp_path / "same.xml", tmp_path / "out"
    link = "http://harbour.example/bulletin"
    feed.write_text(_rss(_item("mon", link=link), _item("tue", link=link)))
    _convert(feed, out)
    assert sorted(_contents(out).values()) == ["Mon bulletin", "Tue bulletin"]
    assert "0 converted, 2 up to date" in _convert(feed, out).output


@pytest.mark.parametrize("guids", [True, False], ids=["guid", "no-guid"])
def test_a_new_item_on_top_shifts_no_linkless_item_into_anothers_file(tmp_path: Path, guids: bool) -> None:
    """Review r44: linkless items were keyed by their place (#item-N): a new item at the top moved
    every item into the next one's file (mon-bulletin.txt held Wednesday)."""
    feed, out = tmp_path / "nolink.xml", tmp_path / "out"
    mon, tue = (_item(d, guid=f"b-{n}" if guids else None) for n, d in ((1, "mon"), (2, "tue")))
    _a_new_item_alone_is_converted(feed, out, mon, tue, _item("wed", guid="b-3" if guids else None))
    html = run("convert", str(feed), "--to", "html", "-o", f"{out}/")
    assert "#item-1" not in (out / "mon-bulletin.html").read_text(), html.output  # no place in its URL


@pytest.mark.parametrize("guid", ["urn:story:42", None], ids=["guid", "no-guid"])
def test_an_items_link_that_gains_a_tracking_query_is_the_same_item_up_to_date(
    tmp_path: Path, guid: str | None
) -> None:
    """Review r44: the same guid with ?utm_source=rss on its link was written again beside the first;
    review r44b: so was an item without a guid."""
    feed, out = tmp_path / "c.xml", tmp_path / "out"
    link = "http://harbour.example/c/story.html"
    feed.write_text(_rss(_item("mon", guid=guid, link=link)))
    _convert(feed, out)
    before = {p.name: p.stat().st_mtime_ns for p in out.glob("*.txt")}
    feed.write_text(_rss(_item("mon", guid=guid, link=link + "?utm_source=rss&utm_medium=feed")))
    again = _convert(feed, out)
    assert "0 converted, 1 up to date, 0 failed" in again.output and "wrote" not in again.output
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("*.txt")} == before  # one file, not written
    # In HTML the link shows: the same file, written again.
    run("convert", str(feed), "--to", "html", "-o", f"{out}/")
    feed.write_text(_rss(_item("mon", guid=guid, link=link)))
    html = run("convert", str(feed), "--to", "html", "-o", f"{out}/")
    assert html.output == f"wrote {out}/mon-bulletin.html\n", html.output
    assert [p.name for p in out.glob("*.html")] == ["mon-bulletin.html"]


def test_item_keys() -> None:
    from convert.web.feeds import Item, item_keys

    feed = "http://harbour.example/rss.xml"
    same = "http://harbour.example/same"
    items = [
        Item(same, "A", html="<p>a</p>", id="b-1"),  # an id two items share: it names neither (nor its link)
        Item(same, "B", html="<p>b</p>", id="urn:x:2"),  # an RSS guid, unique only within its feed
        Item(same, "C", html="<p>c</p>", id="b-1"),  # link taken: its content
        Item(same, "D", html="<p>d</p>"),  # link taken: its content
        Item(same, "D", html="<p>d</p>"),  # the very same again: left out
        Item(None, "E", html="<p>e</p>"),
        Item("http://harbour.example/f", "F", id="http://harbour.example/f"),  # its link: alone
    ]
    keys = item_keys(items, feed)
    assert keys[1] == f"{feed} urn:x:2"  # the link four items share names none of them
    assert all(
        k is not None and k.startswith(f"{feed} sha256:") for k in (keys[0], keys[2], keys[3], keys[5])
    )
    assert keys[4] is None and keys[6] == "http://harbour.example/f"
    assert item_keys(items[5:6], feed) == [keys[5]]  # not its place: the same key on its own
    assert len(set(keys)) == len(keys)  # no two items share one
    # Review r44d #1: an Atom id two feeds share took the other's file in a later run, whichever
    # feed came first: every identifier names the item within its feed only.
    assert item_keys(items[1:2], feed, "atom") == [f"{feed} urn:x:2"]
    assert item_keys(items[1:2], "http://birch.example/atom.xml", "atom") != item_keys(
        items[1:2], feed, "atom"
    )
    # Review r44d #2: an item carrying its own text is never named as the page it links is (a
    # sitemap naming that page took its file): its link or permalink guid after the feed's address.
    carried = Item("http://harbour.example/", "Moorings", html="<p>m</p>", id="http://harbour.example/")
    assert item_keys([carried], feed) == [f"{feed} http://harbour.example/"]
    assert item_keys([Item("http://harbour.example/", "Moorings", html="<p>m</p>")], feed) == [
        f"{feed} http://harbour.example/"
    ]
    assert item_keys(items[1:2], feed, "jsonfeed") == [f"{feed} urn:x:2"]
    tracked = Item("http://harbour.example/g?id=7&utm_source=rss&UTM_MEDIUM=x&q=a%20b", "G")
    assert item_keys([tracked], feed) == ["http://harbour.example/g?id=7&q=a%20b"]


def _town(name: str, guid: str, link: str | None = None) -> str:
    item = (
        f'<item><title>{name} news</title><guid isPermaLink="{str(link is not None).lower()}">{guid}</guid>'
        + (f"<link>{link}</link>" if link else "")
        + f"<content:encoded><![CDATA[<p>{name} text: the council met on Tuesday about the bus timetable"
        " and the library annex.</p>]]></content:encoded></item>"
    )
    return _rss(item).replace("Harbour news", name)


@pytest.mark.parametrize(
    "guid", ["post:1", "http://harbour.example/"], ids=["uri-like", "homepage-as-every-guid"]
)
def test_two_feeds_items_of_one_guid_never_share_a_file(tmp_path: Path, guid: str) -> None:
    """Review r44b: a guid that looks like a URI (post:1), or a CMS's homepage as every guid, was
    taken as unique: in one run the second feed's item was dropped, in two runs written over the first's."""
    a, b, out = tmp_path / "a.xml", tmp_path / "b.xml", tmp_path / "out"
    link = guid.startswith("http")
    a.write_text(_town("Alder", guid, "http://harbour.example/a.html" if link else None))
    b.write_text(_town("Birch", guid, "http://harbour.example/b.html" if link else None))
    both = run("convert", str(a), str(b), "--to", "txt", "-o", f"{out}/")
    assert both.exit_code == 0 and "2 converted" in both.output, both.output
    assert _contents(out) == {"alder-news.txt": "Alder news", "birch-news.txt": "Birch news"}
    apart = tmp_path / "apart"
    _convert(a, apart)
    _convert(b, apart)
    assert _contents(apart) == _contents(out)


def test_a_guid_every_item_shares_names_none_so_a_new_item_moves_none(tmp_path: Path) -> None:
    """Review r44b: items sharing one guid: a new item on top took the guid and the old top item's file."""
    feed, out = tmp_path / "dup.xml", tmp_path / "out"
    mon, tue = _item("mon", guid="same"), _item("tue", guid="same")
    _a_new_item_alone_is_converted(feed, out, mon, tue, _item("wed", guid="same"))


def test_an_item_repeated_exactly_is_written_once(tmp_path: Path) -> None:
    feed, out = tmp_path / "rep.xml", tmp_path / "out"
    feed.write_text(_rss(_item("mon", guid="a1"), _item("mon", guid="a1"), _item("tue", guid="b1")))
    result = _convert(feed, out)
    assert "2 converted, 0 up to date" in result.output, result.output
    assert sorted(_contents(out)) == ["mon-bulletin.txt", "tue-bulletin.txt"]


def test_one_page_as_a_feed_item_and_as_a_url_is_fetched_and_written_once(site: Site, tmp_path: Path) -> None:
    """Review r44b: a feed item keyed by its guid and the page it links, given as a URL (or in a
    sitemap), in one run: fetched twice and written twice (page.txt and page-<hash>.txt)."""
    page, out = f"{site.base}/page/3.html", tmp_path / "out"
    feed, sitemap = tmp_path / "g.xml", tmp_path / "sitemap.xml"
    feed.write_text(
        _rss(f'<item><title>T</title><guid isPermaLink="false">1001</guid><link>{page}</link></item>')
    )
    sitemap.write_text(
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{page}</loc></url></urlset>"
    )
    for second in (page, str(sitemap)):
        site.requests.clear()
        result = run(
            "convert", str(feed), second, "--allow-host", "127.0.0.1", "--to", "txt", "-o", f"{out}/"
        )
        assert result.exit_code == 0, result.output
        assert [p.name for p in out.glob("*.txt")] == [f"{convert.api.slug(story_title(3))}.txt"]
        assert sum(path == "/page/3.html" for path, _h in site.requests) == 1 + (second == page)


def test_a_local_file_and_a_feed_item_of_one_name_write_in_command_line_order_and_once(
    tmp_path: Path,
) -> None:
    """Review r44: the feed item "Note" was written to note.txt, then note.md's output over it in the
    same run ("wrote note.txt" twice); and the local file's report named its folder, a page's not."""
    note = tmp_path / "note.md"
    note.write_text("# Local note\n\nSome local text here, written by hand on the harbour wall.\n")
    feed, out, report = tmp_path / "n.xml", tmp_path / "out", tmp_path / "report.json"
    feed.write_text(_rss(_item("mon", title="Note", link="http://harbour.example/n/story.html")))
    result = run("convert", str(note), str(feed), "--to", "txt", "-o", f"{out}/", "--report", str(report))
    assert result.exit_code == 0, result.output
    wrote = [line.removeprefix("wrote ") for line in result.output.splitlines() if line.startswith("wrote ")]
    assert len(wrote) == len(set(wrote)) == 2 and wrote[0] == f"{out}/note.txt"  # command-line order
    assert (out / "note.txt").read_text().startswith("Local note")
    tag = wrote[1].removeprefix(f"{out}/note-").removesuffix(".txt")
    assert len(tag) == 8 and Path(wrote[1]).read_text().startswith("Note")
    outcomes = json.loads(report.read_text())["outcomes"]
    assert [o["outputs"] for o in outcomes] == [[wrote[0]], [wrote[1]]]  # both with the folder
    bad = tmp_path / "bad.xml"
    bad.write_text('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "b">]><rss version="2.0"/>')
    middle = run(
        "convert", str(note), str(bad), str(feed), "--to", "txt", "-o", f"{out}/", "--report", str(report)
    )
    assert middle.exit_code == 1, middle.output
    outcomes = json.loads(report.read_text())["outcomes"]
    assert [o["url"] for o in outcomes] == [str(note), str(bad), "http://harbour.example/n/story.html"]
    again = run("convert", str(note), str(feed), "--to", "txt", "-o", f"{out}/")
    assert "1 converted, 1 up to date" in again.output, again.output
    assert len(list(out.glob("*.txt"))) == 2


def test_two_local_files_of_one_name_among_pages_never_write_one_file_twice(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for folder in ("a", "b"):
        (tmp_path / folder / "note.md").write_text(f"# Note {folder}\n\nText of {folder}, long enough.\n")
    feed, out = tmp_path / "n.xml", tmp_path / "out"
    feed.write_text(_rss(_item("mon", guid="b-1")))
    args = (str(tmp_path / "a" / "note.md"), str(tmp_path / "b" / "note.md"), str(feed))
    result = run("convert", *args, "--to", "txt", "-o", f"{out}/")
    assert result.exit_code == 1, result.output
    assert "would overwrite the output of" in result.output
    assert (out / "note.txt").read_text().startswith("Note a")


def _page(site: Site, n: int) -> str:
    return f"{site.base}/page/{n}.html"


def test_the_previous_releases_url_list_manifest_is_taken_in_once(site: Site, tmp_path: Path) -> None:
    """Review r44: a folder the previous release made (.broadsheet-urls.json) got a changed page's
    output beside its old file under a hashed name, the old one stale for good."""
    listing, out = tmp_path / "v.urls", tmp_path / "out"
    listing.write_text(f"{_page(site, 1)}\n{_page(site, 2)}\n")
    run("convert", str(listing), "--allow-host", "127.0.0.1", "--to", "txt", "-o", f"{out}/")
    # What the previous release left: its own manifest, the same files, no new one.
    files = {p.name: p.read_bytes() for p in out.glob("*.txt")}
    (out / MANIFEST_NAME).unlink()
    old = {
        _page(site, n): {
            "fingerprint": "txt|default",
            "outputs": [f"{convert.api.slug(story_title(n))}.txt"],
            "sha256": "0" * 64,
        }
        for n in (1, 2)
    }
    (out / ".broadsheet-urls.json").write_text(json.dumps(old))
    (out / f"{convert.api.slug(story_title(1))}.txt").write_text("AN OLDER VERSION OF STORY 1")
    site.versions[2] = 1  # page 2 changed
    result = run("convert", str(listing), "--allow-host", "127.0.0.1", "--to", "txt", "-o", f"{out}/")
    assert result.exit_code == 0 and "2 converted, 0 up to date" in result.output, result.output
    assert sorted(p.name for p in out.glob("*.txt")) == sorted(files)  # the same files, none beside
    one = f"{convert.api.slug(story_title(1))}.txt"
    assert (out / one).read_bytes() == files[one]  # written again, into its file
    assert "Updated 1 times" in (out / f"{convert.api.slug(story_title(2))}.txt").read_text()
    assert not (out / ".broadsheet-urls.json").exists()  # taken in once
    again = run("convert", str(listing), "--allow-host", "127.0.0.1", "--to", "txt", "-o", f"{out}/")
    assert "0 converted, 2 up to date" in again.output, again.output


def test_wrote_and_the_report_name_only_the_files_written(site: Site, tmp_path: Path) -> None:
    """Review r44: only the deleted .html was converted again, but 'wrote' and --report named the .txt too."""
    listing, out, report = tmp_path / "one.urls", tmp_path / "out", tmp_path / "r.json"
    listing.write_text(f"{_page(site, 2)}\n")
    args = ("convert", str(listing), "--allow-host", "127.0.0.1", "--to", "txt,html", "-o", f"{out}/")
    run(*args)
    stem = convert.api.slug(story_title(2))
    (out / f"{stem}.html").unlink()
    again = run(*args, "--report", str(report))
    assert [line for line in again.output.splitlines() if line.startswith("wrote")] == [
        f"wrote {out}/{stem}.html"
    ]
    [outcome] = json.loads(report.read_text())["outcomes"]
    assert (outcome["status"], outcome["outputs"]) == ("converted", [f"{out}/{stem}.html"])
    feed = tmp_path / "f.xml"
    feed.write_text(_rss(_item("mon", guid="b-1")))
    fargs = ("convert", str(feed), "--to", "txt,html", "-o", f"{out}/")
    run(*fargs)
    (out / "mon-bulletin.txt").unlink()
    assert [line for line in run(*fargs).output.splitlines() if line.startswith("wrote")] == [
        f"wrote {out}/mon-bulletin.txt"
    ]


def test_a_folder_batch_keeps_clear_of_a_feed_items_file(tmp_path: Path) -> None:
    """Review r44: a folder batch wrote its note.md's output over the feed item "Note"'s note.txt,
    taking the manifest's line, and the feed's next run moved to note-<hash>.txt. The page's file is
    another input's: the batch names its output as for one (note.md.txt)."""
    feed, out, folder = tmp_path / "n.xml", tmp_path / "out", tmp_path / "in"
    feed.write_text(_rss(_item("mon", title="Note", link="http://harbour.example/n/story.html")))
    folder.mkdir()
    (folder / "note.md").write_text("# Local note\n\nSome local text here, written by hand on the wall.\n")
    _convert(feed, out)
    batch = run("convert", str(folder), "--to", "txt", "-o", f"{out}/")
    assert batch.exit_code == 0, batch.output
    assert _contents(out) == {"note.txt": "Note", "note.md.txt": "Local note"}
    assert "0 converted, 1 up to date" in _convert(feed, out).output
    again = run("convert", str(folder), "--to", "txt", "-o", f"{out}/")
    assert "skipped    1" in again.output and sorted(_contents(out)) == ["note.md.txt", "note.txt"]


def test_a_guid_that_changes_form_keeps_its_items_file(site: Site, tmp_path: Path) -> None:
    """Review r44b: the same item, link and page, its guid changed form after a CMS moved
    (1001 to https://example.org/?p=1001): written again beside its file, which stayed stale."""
    page, feed, out = f"{site.base}/page/4.html", tmp_path / "g.xml", tmp_path / "out"

    def item(guid: str) -> str:
        return f'<item><title>T</title><guid isPermaLink="false">{guid}</guid><link>{page}</link></item>'

    args = ("convert", str(feed), "--allow-host", "127.0.0.1", "--to", "txt", "-o", f"{out}/")
    feed.write_text(_rss(item("1001")))
    run(*args)
    before = {p.name: p.stat().st_mtime_ns for p in out.glob("*.txt")}
    feed.write_text(_rss(item("https://example.org/?p=1001")))
    again = run(*args)
    assert "0 converted, 1 up to date, 0 failed" in again.output, again.output
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("*.txt")} == before
    assert "0 converted, 1 up to date" in run(*args).output
    # Both guids in one run: one page, taken once, in its file.
    feed.write_text(_rss(item("1001"), item("https://example.org/?p=1001")))
    both = run(*args)
    assert both.exit_code == 0 and "1 up to date" in both.output, both.output


def _atom(town: str, ident: str) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{town}</title><id>urn:town:{town}</id><updated>2026-12-01T00:00:00Z</updated>"
        f"<entry><id>{ident}</id><title>{town} bulletin</title><updated>2026-12-01T00:00:00Z</updated>"
        f'<link href="http://harbour.example/{town}.html"/><content type="html">&lt;p&gt;The bulletin of '
        f"{town}, with its own news about roads, schools and the harbour.&lt;/p&gt;</content></entry></feed>"
    )


def test_an_atom_id_that_is_no_absolute_uri_is_unique_only_within_its_feed(tmp_path: Path) -> None:
    """Review r44c: Atom ids "1" (no URI) stood alone, so two towns' feeds wrote one file."""
    from convert.web.feeds import Item, item_keys, parse_items

    feed = "http://harbour.example/atom.xml"
    assert item_keys([Item(None, "A", html="<p>a</p>", id="1")], feed, "atom") == [f"{feed} 1"]
    # feedparser resolves the id against the feed's address; the key takes it as the feed wrote it
    (item,) = parse_items(_atom("Alder", "1").encode(), "atom", "http://harbour.example/q/alder.xml")
    assert item.id == "1"
    a, b, out = tmp_path / "a.xml", tmp_path / "b.xml", tmp_path / "out"
    a.write_text(_atom("Alder", "1"))
    b.write_text(_atom("Birch", "1"))
    _convert(a, out)
    _convert(b, out)
    assert _contents(out) == {"alder-bulletin.txt": "Alder bulletin", "birch-bulletin.txt": "Birch bulletin"}


def test_an_atom_id_two_feeds_of_one_run_share_drops_neither_item(tmp_path: Path) -> None:
    a, b, out = tmp_path / "a.xml", tmp_path / "b.xml", tmp_path / "out"
    a.write_text(_atom("Alder", "urn:x:1"))
    b.write_text(_atom("Birch", "urn:x:1"))
    both = run("convert", str(a), str(b), "--to", "txt", "-o", f"{out}/")
    assert both.exit_code == 0 and "2 converted" in both.output, both.output
    assert _contents(out) == {"alder-bulletin.txt": "Alder bulletin", "birch-bulletin.txt": "Birch bulletin"}
    again = run("convert", str(a), str(b), "--to", "txt", "-o", f"{out}/")
    assert "0 converted, 2 up to date" in again.output, again.output


def test_a_malformed_link_is_kept_as_written_and_fails_nothing(tmp_path: Path) -> None:
    """Review r44c: a link "http://[oops/…" crashed the run (ValueError, exit 70)."""
    from convert.web.feeds import Item, item_keys

    bad = "http://[oops/story?utm_source=rss"
    assert item_keys([Item(bad, "B", html="<p>b</p>")], "f") == [f"f {bad}"]
    feed, out = tmp_path / "bad.xml", tmp_path / "out"
    feed.write_text(_rss(_item("mon", link=bad), _item("tue", link="http://harbour.example/tue")))
    result = _convert(feed, out)
    assert result.exit_code == 0 and "2 converted" in result.output, result.output
    assert sorted(_contents(out).values()) == ["Mon bulletin", "Tue bulletin"]


def _sitemap(*urls: str) -> str:
    return (
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + "".join(f"<url><loc>{u}</loc></url>" for u in urls)
        + "</urlset>"
    )


def test_items_a_feed_carries_are_not_the_page_they_link(site: Site, tmp_path: Path) -> None:
    """Review r44c: a sitemap naming a page and a feed whose items (own text) link that page: the
    items were dropped, or the page was, by the order of the inputs."""
    page, out = f"{site.base}/page/3.html", tmp_path / "out"
    feed, sitemap = tmp_path / "notices.xml", tmp_path / "sitemap.xml"
    feed.write_text(_rss(_item("mon", guid="n-1", link=page), _item("tue", guid="n-2", link=page)))
    sitemap.write_text(_sitemap(page))
    want = sorted(["Mon bulletin", "Tue bulletin", story_title(3)])
    for n, inputs in enumerate(((sitemap, feed), (feed, sitemap))):
        result = run(
            "convert", *map(str, inputs), "--allow-host", "127.0.0.1", "--to", "txt", "-o", f"{out}{n}/"
        )
        assert result.exit_code == 0 and "3 converted" in result.output, result.output
        assert sorted(_contents(Path(f"{out}{n}")).values()) == want


def test_one_item_a_main_and_a_category_feed_carry_is_written_once(tmp_path: Path) -> None:
    """Review r44c: a post in a WordPress site's main feed and in a category feed (guid, link, text
    the same) was written twice in one run (lifeboat.txt and lifeboat-<hash>.txt)."""
    main, cat, out = tmp_path / "main.xml", tmp_path / "cat.xml", tmp_path / "out"
    post = _item("mon", guid="https://harbour.example/?p=1001", link="https://harbour.example/mon")
    main.write_text(_rss(post, _item("tue", guid="https://harbour.example/?p=1002")))
    cat.write_text(_rss(post).replace("Harbour news", "Harbour news: ferries"))
    result = run("convert", str(main), str(cat), "--to", "txt", "-o", f"{out}/")
    assert result.exit_code == 0 and "2 converted, 0 up to date" in result.output, result.output
    assert sorted(_contents(out)) == ["mon-bulletin.txt", "tue-bulletin.txt"]
    other = _item(
        "wed",
        title="Mon bulletin",
        guid="https://harbour.example/?p=1001",
        link="https://harbour.example/mon",
    )
    cat.write_text(_rss(other))  # the same link, other text: another item
    apart = run("convert", str(main), str(cat), "--to", "txt", "-o", f"{tmp_path}/apart/")
    assert "3 converted" in apart.output, apart.output


def test_a_page_a_feed_links_with_utm_parameters_and_a_sitemap_names_is_fetched_once(
    site: Site, tmp_path: Path
) -> None:
    """Review r44c: the feed's ?utm_source=rss link and the sitemap's plain URL were two pages."""
    page, out = f"{site.base}/page/3.html", tmp_path / "out"
    feed, sitemap = tmp_path / "g.xml", tmp_path / "sitemap.xml"
    feed.write_text(
        _rss(
            f'<item><title>T</title><guid isPermaLink="false">1001</guid>'
            f"<link>{page}?utm_source=rss&amp;utm_medium=rss</link></item>"
        )
    )
    sitemap.write_text(_sitemap(page))
    # the sitemap first (the test site serves no query string)
    result = run(
        "convert", str(sitemap), str(feed), "--allow-host", "127.0.0.1", "--to", "txt", "-o", f"{out}/"
    )
    assert result.exit_code == 0, result.output
    assert [p.name for p in out.glob("*.txt")] == [f"{convert.api.slug(story_title(3))}.txt"]
    assert sum(path.startswith("/page/3.html") for path, _h in site.requests) == 1


def test_a_link_items_without_guids_share_names_none_so_a_new_item_moves_none(tmp_path: Path) -> None:
    """Review r44c: notices without guids all linking the homepage: a new item on top took the old
    top item's file (the link), and the old item went beside it under a hash."""
    feed, out, home = tmp_path / "ng.xml", tmp_path / "out", "http://harbour.example/"
    mon, tue = _item("mon", link=home), _item("tue", link=home)
    _a_new_item_alone_is_converted(feed, out, mon, tue, _item("wed", link=home))


def test_a_sitemap_fetched_by_url_with_a_malformed_loc_keeps_its_other_pages() -> None:
    """Review r44d #3: `urljoin` raised on `http://[oops/x` under a base address: exit 70, nothing
    written. The bad location is kept as written (it fails alone when fetched)."""
    from convert.web.feeds import parse_items

    data = (
        b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<url><loc>http://[oops/x</loc></url><url><loc>/good.html</loc></url></urlset>"
    )
    items = parse_items(data, "sitemap", "http://127.0.0.1:8000/sitemap.xml")
    assert [i.link for i in items] == ["http://[oops/x", "http://127.0.0.1:8000/good.html"]
