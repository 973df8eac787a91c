"""Small commands start fast: what a fresh ``broadsheet`` process imports, counted, not timed.

Each case runs the command in a new interpreter and lists ``sys.modules`` at
the end, so a module-level import that drags in WeasyPrint, ebooklib, the
readers or :mod:`importlib.metadata` fails here on any machine, however
fast. ``bench/startup.py`` has the times.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "ashgabat-oped.txt"

PROBE = """
import json, sys
sys.argv = ["broadsheet", *json.loads(sys.argv[1])]
code = 0
try:
    from convert.__main__ import main  # the console script's entry point
    main()
except SystemExit as exc:
    code = exc.code or 0
print("\\n" + json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""

#: What no small command needs: the PDF and EPUB engines, the batch engine, the web page reader.
NEVER = ("weasyprint", "ebooklib", "convert.batch", "convert.readers.html", "trafilatura", "distributed")


def modules_after(*args: str, cwd: Path | None = None) -> set[str]:
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(args)], capture_output=True, text=True, cwd=cwd, check=True
    )
    result = json.loads(proc.stdout.rsplit("\n", 2)[-2])
    assert result["code"] == 0, proc.stderr
    return set(result["modules"])


def loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules for n in names if m == n or m.startswith(n + "."))


@pytest.mark.parametrize("args", [("--version",), ("-V",), ("--help",), ("convert", "--help")])
def test_version_and_help_import_only_the_command_line(args: tuple[str, ...]) -> None:
    modules = modules_after(*args)
    assert not loaded(
        modules, (*NEVER, "importlib.metadata", "convert.api", "convert.model", "convert.readers")
    )
    assert not loaded(modules, ("convert.exporters", "convert.locale", "numpy", "babel"))


def test_formats_reads_the_table_not_the_formats() -> None:
    modules = modules_after("formats")
    assert not loaded(modules, (*NEVER, "convert.api", "convert.readers.text", "convert.readers.pandoc"))
    assert not loaded(modules, ("convert.exporters.pdf", "convert.exporters.epub", "convert.exporters.txt"))


@pytest.mark.parametrize("fmt", ["txt", "json", "brief"])
def test_a_small_conversion_loads_its_reader_and_exporter_only(fmt: str, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(SAMPLE.read_bytes())
    modules = modules_after("convert", "a.txt", "--to", fmt, "-o", "out/", "-q", cwd=tmp_path)
    assert (tmp_path / "out").is_dir()
    assert not loaded(
        modules, (*NEVER, "convert.readers.pandoc", "convert.exporters.pdf", "convert.exporters.html")
    )
    assert "convert.readers.text" in modules


@pytest.mark.slow
def test_a_rerun_with_nothing_to_do_imports_no_exporter(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_bytes(SAMPLE.read_bytes())
    args = ("convert", str(src), "--to", "epub,txt", "-o", str(tmp_path / "out"), "-q", "-j", "1")
    modules_after(*args)
    assert (tmp_path / "out" / "a.epub").is_file()  # the first run converts (in its workers)
    again = modules_after(*args)
    assert not loaded(again, ("weasyprint", "ebooklib", "convert.exporters.epub", "convert.exporters.txt"))


def test_version_answered_before_the_command_line_matches_clicks() -> None:
    from click.testing import CliRunner

    from convert.cli import cli

    fast = subprocess.run(
        [sys.executable, "-m", "convert", "--version"], capture_output=True, text=True, check=True
    )
    assert fast.stdout == CliRunner().invoke(cli, ["--version"], prog_name="broadsheet").output
    assert "click" not in modules_after("-V")


SHORT_OPTION_ARGS = [
    ["a.txt", "-o", "out", "-q"],
    ["a.txt", "-qo", "out"],
    ["a.txt", "-oout", "-t", "txt,json"],
    ["a.txt", "-o=x"],
    ["a.txt", "-q=1"],
    ["a.txt", "-x"],
    ["a.txt", "-qx"],
    ["a.txt", "-o"],
    ["a.txt", "--ouptut", "x"],  # a long option's typo: click suggests --output
    ["a.txt", "--quiet=yes"],
    ["a.txt", "-j", "0"],
    ["a.txt", "--", "-o", "x"],
]


@pytest.mark.parametrize("args", SHORT_OPTION_ARGS, ids=" ".join)
def test_short_options_parse_as_clicks_own_parser_parses_them(args: list[str]) -> None:
    from convert.cli import cli

    ours = cli.commands["convert"]
    stock = click.Command("convert", params=ours.params)
    assert type(ours) is not click.Command  # the parser that skips difflib is the one under test

    def outcome(command: click.Command) -> object:
        try:
            return command.make_context("convert", list(args)).params
        except click.UsageError as exc:
            return type(exc).__name__, exc.format_message()

    assert outcome(ours) == outcome(stock)
    if args[1] == "--ouptut":
        assert "Did you mean '--output'?" in str(outcome(ours))


EAGER_HELP = """
import click
from convert.cli import LAZY_COMMANDS, cli
for name in LAZY_COMMANDS:
    cli.get_command(click.Context(cli), name)
assert set(LAZY_COMMANDS) <= set(cli.commands)
cli(["--help"], prog_name="broadsheet")
"""


def test_help_lists_commands_not_loaded_as_it_lists_them_loaded() -> None:
    env = {**os.environ, "COLUMNS": "80"}

    def help_text(*args: str) -> str:
        return subprocess.run(
            [sys.executable, *args], capture_output=True, text=True, check=True, env=env
        ).stdout

    assert help_text("-m", "convert", "--help") == help_text("-c", EAGER_HELP)


def test_lazy_commands_are_listed_with_their_own_help() -> None:
    from convert.cli import LAZY_COMMANDS, cli

    ctx = click.Context(cli)
    for name, (_target, line) in LAZY_COMMANDS.items():
        command = cli.get_command(ctx, name)
        assert command is not None and command.name == name
        assert (command.help or "").split("\n\n")[0].strip() == line


@pytest.mark.parametrize(
    "src",
    ["http://a.test/x", "HTTPS://a.test", "https:/x", "ftp://a", "http", "", "a.txt", b"http://x", None],
)
def test_the_apis_url_check_is_the_web_packages(src: object) -> None:
    from convert import api, web

    assert api._is_url(src) == web.is_url(src)


LAZY_DATES = """
import sys
from convert import dates
assert "babel" not in sys.modules, "importing convert.dates loaded Babel"
assert dates.parse_date("Opinion") is None and dates.parse_iso("2024-10-14")
assert "babel" not in sys.modules, "a line without a year loaded Babel"
assert dates.parse_date("October 14, 2024") == "2024-10-14"  # from Babel or its cached names
assert dates.MONTHS["sept"] == 9 and dates.WRITTEN_DATE.search("on 5. März 2024")
"""


def test_the_calendars_load_when_a_date_is_read_not_on_import() -> None:
    subprocess.run([sys.executable, "-c", LAZY_DATES], check=True)


#: What a txt conversion of a Latin-script article needs none of (issue 18): NumPy and py3langid
#: (the first texts are scored from the unpacked model without them), langcodes (a plain
#: two-letter tag), uniseg, wcwidth and fontTools (Latin text wraps without them), Babel's
#: catalogue reader (English has no catalogue); nameparser, pycountry and countryinfo (their word
#: sets are read from the cache folder), importlib.metadata (pycountry's), the web package (a
#: text file is no feed), pytz (Babel's dates are imported with it hidden: convert.locale._babel),
#: zipfile (no archive is read), tomllib (the parsed theme.toml comes from the cache folder) and
#: difflib (click's suggestions for a mistyped option, which -o and -q are not: cli._ShortOptionsFirst),
#: hashlib, which loads OpenSSL (the digests come from the interpreter's own SHA-256: cache.sha256), and
#: traceback (printed only with --debug: _clitools.fail), and cleanco (no ASCII name in the sample ends in
#: a word a legal form ends in: names._company_base).
HEAVY_FOR_TXT = (
    "cleanco",
    "pytz",
    "zipfile",
    "tomllib",
    "numpy",
    "py3langid",
    "langcodes",
    "uniseg",
    "wcwidth",
    "fontTools",
    "babel.messages",
    "nameparser",
    "pycountry",
    "countryinfo",
    "importlib.metadata",
    "convert.web",
    "difflib",
    "hashlib",
    "traceback",
)


def test_one_file_into_a_folder_with_a_manifest_loads_the_manifest_not_the_batch_engine(
    tmp_path: Path,
) -> None:
    """Review r51 #3: reading the folder's manifest imported convert.batch's package, and with it the
    pool (executor, multiprocessing, subprocess, socket) and hashlib: 551 -> 691 ms."""
    (tmp_path / "a.txt").write_bytes(SAMPLE.read_bytes())
    plain = modules_after("convert", "a.txt", "--to", "txt", "-o", "plain/", "-q", cwd=tmp_path)
    (tmp_path / "shared").mkdir()
    line = {"out": "x.txt", "fp": "", "src": str(tmp_path / "x.txt"), "sha256": "0" * 64}
    (tmp_path / "shared" / ".broadsheet-manifest.jsonl").write_text(json.dumps(line) + "\n")
    shared = modules_after("convert", "a.txt", "--to", "txt", "-o", "shared/", "-q", cwd=tmp_path)
    assert (tmp_path / "shared" / "a.txt").is_file()
    assert sorted(shared - plain) == ["convert.batch", "convert.batch.local", "convert.batch.manifest"]


def test_a_txt_conversion_of_the_sample_imports_none_of_the_heavy_modules(tmp_path: Path) -> None:
    from convert.locale import language

    if language._light_identifier() is None:  # unpacks the model into the cache, once
        pytest.skip("no cache folder for py3langid's unpacked model")
    (tmp_path / "a.txt").write_bytes(SAMPLE.read_bytes())
    args = ("convert", "a.txt", "--to", "txt", "-o", "out/", "-q")
    first = modules_after(*args, cwd=tmp_path)  # fills the cache folder's word sets if they were not there
    modules = modules_after(*args, cwd=tmp_path)
    assert (tmp_path / "out" / "a.txt").read_text(encoding="utf-8").strip()
    assert loaded(modules, HEAVY_FOR_TXT) == []
    assert loaded(first, ("numpy", "convert.web")) == []


LAZY_PATTERNS = """
import gc, json, sys
sys.argv = ["broadsheet", "convert", sys.argv[1], "--to", "txt", "-o", sys.argv[2], "-q"]
from convert.__main__ import main
try:
    main()
except SystemExit as exc:
    assert not exc.code, exc.code
from convert._regex import _LazyPattern
gc.unfreeze()  # the command froze what it had imported (convert._clitools.startup_frozen)
lazy = [p for p in gc.get_objects() if isinstance(p, _LazyPattern)]
print(json.dumps([len(lazy), [repr(p) for p in lazy if len(vars(p)) > 1]]))
"""


def test_a_txt_conversion_compiles_none_of_the_patterns_it_does_not_use(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-c", LAZY_PATTERNS, str(SAMPLE), str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
    )
    count, compiled = json.loads(proc.stdout)
    assert count >= 15 and compiled == []


def test_a_lazy_pattern_answers_as_the_compiled_one() -> None:
    import copy
    import pickle
    import re

    from convert._regex import lazy

    for pattern, flags, text in [
        (r"(?P<y>\d{4})-(\d\d)", re.I, "on 2024-10"),
        (rb"<!DOCTYPE", 0, b"x<!DOCTYPE"),
    ]:
        late, now = lazy(pattern, flags), re.compile(pattern, flags)  # type: ignore[call-overload]
        assert len(vars(late)) == 1  # nothing compiled yet
        assert late.search(text)[0] == now.search(text)[0]  # type: ignore[index]
        assert (late.pattern, late.flags, late.groups, late.groupindex) == (
            now.pattern,
            now.flags,
            now.groups,
            now.groupindex,
        )
        assert late.sub(pattern[:1], text) == now.sub(pattern[:1], text)
        assert late.search is late.search  # kept after the first lookup
        # copies and pickles hold the source (a copy of one never looked up used to recurse)
        fresh = lazy(pattern, flags)  # type: ignore[call-overload]
        assert copy.copy(fresh) is fresh and copy.deepcopy(fresh) is fresh
        for one in (fresh, late):
            back = pickle.loads(pickle.dumps(one))
            assert back.search(text)[0] == now.search(text)[0] and back.flags == now.flags


BABEL_WITHOUT_PYTZ = """
import sys
order = sys.argv[1]
if order == "pytz-first":
    import pytz
elif order == "pytz-blocked":
    sys.modules["pytz"] = None  # a program that keeps pytz out
from convert.locale import display_date
import babel.dates
if order == "pytz-first":  # an application using pytz keeps Babel on pytz
    assert sys.modules["pytz"] is pytz and babel.dates.pytz is pytz
elif order == "pytz-blocked":
    assert "pytz" in sys.modules and sys.modules["pytz"] is None, "the program's block was undone"
else:
    assert "pytz" not in sys.modules and babel.dates.pytz is None, "pytz was imported"
assert babel.dates.LOCALTZ is not None
assert display_date("2024-10-14T22:37:00+03:00", "en") == "October 14, 2024, 10:37\\u202fPM GMT+03:00"
assert display_date("2024-10-14T22:37:00", "fr") == "14 octobre 2024, 22:37"
"""


@pytest.mark.parametrize("order", ["locale-first", "pytz-first", "pytz-blocked"])
def test_babel_dates_is_imported_without_pytzs_zone_scan(order: str) -> None:
    subprocess.run([sys.executable, "-c", BABEL_WITHOUT_PYTZ, order], check=True)


FEEDS = {
    "rss.xml": b'<?xml version="1.0"?>\n<!-- c --><rss version="2.0"><channel/></rss>',
    "atom-bom.xml": b'\xef\xbb\xbf  <feed xmlns="http://www.w3.org/2005/Atom"/>',
    "utf16.xml": '<?xml version="1.0" encoding="utf-16"?><rss/>'.encode("utf-16"),
    "feed.json": b'{"version": "https://jsonfeed.org/version/1.1", "items": []}',
    "other.json": b'{"title": "not a feed"}',
    "sitemap.xml": b"\n<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'/>",
    "page.html": b"<!doctype html><html><body><p>x</p></body></html>",
    "a.txt": b"Title\n\nBy Jane Roe\n\n<rss> in a sentence\n",
    "indented.txt": b"   \n\t<rss/>",
    "empty.txt": b"",
    "list.urls": b"http://a.test/x\n",
}


def test_the_cheap_web_check_answers_as_the_web_package(tmp_path: Path) -> None:
    from convert import web
    from convert.commands import _web

    for name, data in FEEDS.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "folder").mkdir()
    inputs = [str(tmp_path / n) for n in [*FEEDS, "folder", "missing.xml"]]
    inputs += ["-", "http://a.test/feed", "HTTPS://a.test", "ftp://a.test", "x.URLS", "http://a.test/x.urls"]
    answers = {}
    for src in inputs:
        full = bool(web.is_url(src) or web.is_url_list(src) or web.local_feed_kind(src))
        assert _web.has_web_inputs([src]) == full, src
        assert _web.is_url_list(src) == web.is_url_list(src), src
        answers[Path(src).name] = full
    assert answers["rss.xml"] and answers["utf16.xml"] and answers["feed.json"] and answers["indented.txt"]
    assert not answers["a.txt"] and not answers["page.html"] and not answers["other.json"]
    assert _web.has_web_inputs(inputs) and not _web.has_web_inputs([str(tmp_path / "a.txt"), "-"])


NOTHING_COMPILED = """
import builtins, json, sys
import re._compiler as compiler

ours = []
real_compile, real_code = builtins.compile, compiler._code


def caller() -> str:
    frame = sys._getframe(2)
    while frame and frame.f_code.co_filename.endswith(("re/__init__.py", "re/_compiler.py", "convert/_regex.py")):
        frame = frame.f_back
    return f"{frame.f_code.co_filename}:{frame.f_lineno}" if frame else "?"


def traced_compile(source, *args, **kwargs):
    if isinstance(source, str) and source.startswith("def __create_fn__("):  # what dataclasses generates
        ours.append(("a dataclass method", caller()))
    return real_compile(source, *args, **kwargs)


def traced_code(parsed, flags):  # parsing done, the engine's code about to be made: a compile
    where = caller()
    if "/convert/" in where:
        ours.append(("a pattern", where))
    return real_code(parsed, flags)


builtins.compile, compiler._code = traced_compile, traced_code
sys.argv = ["broadsheet", "convert", sys.argv[1], "--to", "txt", "-o", sys.argv[2], "-q"]
from convert.__main__ import main
try:
    main()
except SystemExit as exc:
    assert not exc.code, exc.code
import gc
print(json.dumps([ours, gc.get_freeze_count()]))
"""


def test_a_second_txt_conversion_compiles_no_pattern_or_dataclass_method_of_ours(tmp_path: Path) -> None:
    """Issue 18: the package's patterns come from the compiled store (``convert._regex.compiled``) and
    its dataclasses' methods too (``convert.cache.dataclass``); the first process fills the store."""
    env = {**os.environ, "BROADSHEET_CACHE_DIR": str(tmp_path / "cache")}

    def run() -> tuple[list[list[str]], int]:
        proc = subprocess.run(
            [sys.executable, "-c", NOTHING_COMPILED, str(SAMPLE), str(tmp_path / "out")],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        found, frozen = json.loads(proc.stdout.rsplit("\n", 2)[-2])
        return found, frozen

    first, _ = run()
    assert len(first) > 30  # compiled by the package itself, then stored
    again, frozen = run()
    assert again == []
    assert frozen > 5000  # the command froze what it had imported (cli._clitools.startup_frozen)


def test_the_collector_is_left_as_it_was_by_a_conversion_run_inside_a_program(tmp_path: Path) -> None:
    import gc

    from click.testing import CliRunner

    from convert.cli import cli

    (tmp_path / "a.txt").write_bytes(SAMPLE.read_bytes())
    (tmp_path / "b.txt").write_bytes(SAMPLE.read_bytes())
    frozen = gc.get_freeze_count()
    result = CliRunner().invoke(
        cli,
        [
            "convert",
            str(tmp_path / "a.txt"),
            str(tmp_path / "b.txt"),
            "--to",
            "txt",
            "-o",
            str(tmp_path / "o"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert (
        gc.isenabled() and gc.get_freeze_count() == frozen
    )  # nothing frozen but in the command's own process
    assert (tmp_path / "o" / "a.txt").is_file() and (tmp_path / "o" / "b.txt").is_file()


@pytest.mark.parametrize("size", [0, 3, 64, 100_000])
def test_the_sha256_without_openssl_is_hashlibs(size: int) -> None:
    import hashlib

    from convert.cache import sha256

    data = bytes(range(256)) * (size // 256) + b"x" * (size % 256)
    ours, theirs = sha256(data), hashlib.sha256(data)
    assert (ours.hexdigest(), ours.digest_size, ours.name) == (
        theirs.hexdigest(),
        theirs.digest_size,
        theirs.name,
    )
    ours.update(b"more")
    theirs.update(b"more")
    assert ours.hexdigest() == theirs.hexdigest()


def test_the_collector_stays_on_for_a_conversion_in_another_thread() -> None:
    """The collector is the whole process's: pausing it from a worker thread would pause the host's too."""
    import gc
    import threading

    from convert._clitools import collector_paused

    seen: list[bool] = []

    def work() -> None:
        with collector_paused():
            seen.append(gc.isenabled())

    assert gc.isenabled()
    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    with collector_paused():
        seen.append(gc.isenabled())
    assert seen == [True, False] and gc.isenabled()


def probe(*args: str, cwd: Path) -> tuple[int, set[str], str]:
    """A command's exit code, the modules it imported and its stderr (the exit code may be non-zero)."""
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(args)], capture_output=True, text=True, cwd=cwd
    )
    result = json.loads(proc.stdout.rsplit("\n", 2)[-2])
    return result["code"], set(result["modules"]), proc.stderr


#: WeasyPrint, and the part of the resource policy that is WeasyPrint's URL fetcher.
PDF_ENGINE = ("weasyprint", "convert.fetch._weasyprint")


@pytest.mark.parametrize(
    "src",
    [
        "missing.txt",  # unreadable: no such file
        "photo.txt",  # refused: an image given as an article
        "http://127.0.0.2:9/story",  # refused before connecting: a loopback address, no --allow-host
    ],
)
def test_a_refused_or_unreadable_input_imports_no_pdf_engine(src: str, tmp_path: Path) -> None:
    """Not even with --to pdf: formats are checked by name, and the PDF exporter loads when a PDF is made."""
    from PIL import Image

    Image.new("RGB", (3, 2)).save(tmp_path / "photo.txt", format="PNG")
    code, modules, stderr = probe("convert", src, "--to", "txt,epub,html,pdf", "-o", "out/", cwd=tmp_path)
    assert code == 3 and stderr.startswith(f"error: {src}: "), stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
    assert loaded(modules, PDF_ENGINE) == []


def test_epub_and_html_with_local_and_refused_images_import_no_pdf_engine(tmp_path: Path) -> None:
    """The resource policy judges and embeds images without WeasyPrint (only a PDF or an allowed
    remote image loads its URL fetcher: ``convert.fetch.PolicyFetcher``)."""
    import zipfile

    from PIL import Image

    Image.new("RGB", (4, 3), "red").save(tmp_path / "chart.png")
    (tmp_path / "a.md").write_text(
        "# Charts\n\nThe first chart.\n\n![A local chart](chart.png)\n\n"
        "![A remote chart](http://127.0.0.2:9/remote.png)\n\nThe end.\n",
        encoding="utf-8",
    )
    code, modules, stderr = probe("convert", "a.md", "--to", "epub,html", "-o", "out/", cwd=tmp_path)
    assert code == 0, stderr
    assert "convert.fetch" in modules, "the images did not go through the resource policy"
    assert stderr.count("skipped image http://127.0.0.2:9/remote.png (remote resources are off") == 2
    assert loaded(modules, PDF_ENGINE) == []
    with zipfile.ZipFile(tmp_path / "out" / "a.epub") as book:
        assert any(name.endswith(".png") for name in book.namelist()), "the local image was not embedded"
    assert "data:image/png;base64," in (tmp_path / "out" / "a.html").read_text(encoding="utf-8")


def test_the_policy_fetcher_is_weasyprints_url_fetcher_loaded_on_first_use() -> None:
    code = (
        "import sys\n"
        "import convert.fetch as fetch\n"
        "assert 'weasyprint' not in sys.modules\n"
        "from weasyprint.urls import URLFetcher\n"
        "assert issubclass(fetch.PolicyFetcher, URLFetcher)\n"
        "assert fetch.PolicyFetcher is sys.modules['convert.fetch._weasyprint'].PolicyFetcher\n"
        "try:\n"
        "    fetch.NoSuchName\n"
        "except AttributeError:\n"
        "    pass\n"
        "else:\n"
        "    raise AssertionError('a missing name must stay an AttributeError')\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
