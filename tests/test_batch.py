"""Batch conversion: folders, incremental reruns, failures, kills, pools and Dask."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner

from convert import api, model
from convert.base import ReadOptions
from convert.batch import MANIFEST_NAME, BatchReport, convert_batch
from convert.batch.executor import local_pool_factory, run_all
from convert.batch.plan import plan
from convert.batch.worker import JobResult, JobSpec, run_job
from convert.cli import cli
from convert.errors import MissingDependencyError, UnknownFormatError
from convert.registry import readers

ROOT = Path(__file__).resolve().parent.parent
FAST = ["txt", "html", "json"]


def _article_json(kitchen_sink: model.Article, title: str) -> bytes:
    meta = model.replace(kitchen_sink.meta, title=title)
    return api.to_json_bytes(model.replace(kitchen_sink, meta=meta))


def _reader_works(name: str) -> bool:
    try:
        readers.get_class(name)
    except (UnknownFormatError, MissingDependencyError):  # not installed here: leave its file out
        return False
    return True


@pytest.fixture
def mixed(tmp_path: Path, kitchen_sink: model.Article, sample_path: Path) -> Path:
    """A folder of good articles in every readable format, one corrupt file, and clutter to skip."""
    src = tmp_path / "in"
    (src / "world" / "asia").mkdir(parents=True)
    (src / "a.json").write_bytes(_article_json(kitchen_sink, "Alpha"))
    (src / "world" / "b.json").write_bytes(_article_json(kitchen_sink, "Bravo"))
    (src / "world" / "asia" / "c.json").write_bytes(_article_json(kitchen_sink, "Charlie"))
    if _reader_works("text"):
        (src / "world" / "oped.txt").write_bytes(sample_path.read_bytes())
    if _reader_works("html"):
        (src / "page.html").write_text(
            "<!doctype html><html lang='en'><head><title>Delta</title></head><body><article>"
            "<h1>Delta</h1><p>"
            + "Some words in a paragraph of a page. " * 20
            + "</p></article></body></html>",
            encoding="utf-8",
        )
    (src / "broken.json").write_text('{"schema": "broadsheet.article", "meta": {', encoding="utf-8")
    (src / ".hidden.json").write_bytes(_article_json(kitchen_sink, "Hidden"))
    (src / "notes.xyz").write_text("not an article", encoding="utf-8")
    return src


def _outputs(out: Path) -> dict[str, bytes]:
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.name != MANIFEST_NAME
    }


def _good_inputs(src: Path) -> list[Path]:
    return [
        p
        for p in src.rglob("*")
        if p.is_file() and not p.name.startswith(".") and p.suffix != ".xyz" and p.name != "broken.json"
    ]


@pytest.mark.slow
def test_mixed_folder_one_corrupt_then_rerun_then_one_change(mixed: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    good = _good_inputs(mixed)
    report = convert_batch(mixed, out, to=FAST, jobs=2, report=tmp_path / "report.json")

    assert report.converted == len(good)
    assert report.failed == 1
    assert report.exit_code == 1
    [failure] = report.failures
    assert failure.rel == "broken.json" and "not valid JSON" in (failure.reason or "")
    files = _outputs(out)
    assert "world/asia/c.txt" in files and "world/b.html" in files and "a.json" in files
    assert not any(name.startswith((".hidden", "broken", "notes")) for name in files)
    assert len(files) == len(good) * len(FAST)
    saved = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert saved["counts"] == {"converted": len(good), "skipped": 0, "failed": 1}
    assert saved["exit_code"] == 1

    mtimes = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file() and p.name != MANIFEST_NAME}
    again = convert_batch(mixed, out, to=FAST, jobs=2)
    assert (again.converted, again.skipped, again.failed) == (0, len(good), 1)
    assert {p: p.stat().st_mtime_ns for p in mtimes} == mtimes

    (mixed / "world" / "b.json").write_bytes(
        (mixed / "world" / "b.json").read_bytes().replace(b'"Bravo"', b'"Bravo, revised"')
    )
    third = convert_batch(mixed, out, to=FAST, jobs=2)
    assert [o.rel for o in third.outcomes if o.status == "converted"] == ["world/b.json"]
    assert b"Bravo, revised" in (out / "world" / "b.txt").read_bytes()

    forced = convert_batch(mixed, out, to=FAST, jobs=2, force=True)
    assert forced.converted == len(good)


def test_missing_output_and_new_format_are_made_again(mixed: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    convert_batch(mixed, out, to=["txt"], jobs=1, exclude=["broken.json"])
    (out / "a.txt").unlink()
    report = convert_batch(mixed, out, to=["txt", "json"], jobs=1, exclude=["broken.json"])
    assert report.failed == 0 and report.converted == len(_good_inputs(mixed))
    rerun = convert_batch(mixed, out, to=["txt", "json"], jobs=1, exclude=["broken.json"])
    assert rerun.converted == 0 and rerun.exit_code == 0


def test_all_failed_exit_code(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "x.json").write_text("{", encoding="utf-8")
    (src / "y.json").write_bytes(b"\x89PNG\r\n\x1a\n")
    report = convert_batch(src, tmp_path / "out", to=["txt"], jobs=1)
    assert report.exit_code == 3 and report.failed == 2
    assert BatchReport(out="", formats=(), workers=0).exit_code == 0


def test_plan_walks_the_tree_safely(tmp_path: Path, kitchen_sink: model.Article) -> None:
    src = tmp_path / "in"
    (src / "keep").mkdir(parents=True)
    (src / ".git").mkdir()
    (src / ".git" / "x.json").write_text("{}", encoding="utf-8")
    (src / "keep" / "a.md").write_text("# A\n", encoding="utf-8")
    (src / "keep" / "a.txt").write_text("A\n", encoding="utf-8")
    (src / "keep" / "drafts").mkdir()
    (src / "keep" / "drafts" / "d.txt").write_text("D\n", encoding="utf-8")
    outside = tmp_path / "outside.txt"
    outside.write_text("secret\n", encoding="utf-8")
    (src / "link.txt").symlink_to(outside)
    (src / "out").mkdir()
    (src / "out" / "old.txt").write_text("an output\n", encoding="utf-8")

    jobs = plan([src], src / "out", ["txt", "pdf"], exclude=["*/drafts"])
    names = {j.rel: [p.relative_to(src / "out").as_posix() for _f, p in j.outputs] for j in jobs}
    # a.md and a.txt would both be a.pdf: each keeps its own ending; a.txt never overwrites itself.
    assert names == {
        "keep/a.md": ["keep/a.md.txt", "keep/a.md.pdf"],
        "keep/a.txt": ["keep/a.txt.txt", "keep/a.txt.pdf"],
    }
    only_md = plan([src], tmp_path / "o2", ["txt"], include=["*.md"])
    assert [j.rel for j in only_md] == ["keep/a.md"]


def test_outputs_are_never_read_back_as_inputs(tmp_path: Path) -> None:
    """``convert . --to md,txt -o .`` run three times makes no ``y.md.md``."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "x.txt").write_text("X\n\nA line of text.\n", encoding="utf-8")
    (src / "y.md").write_text("# Y\n\nSome *words*.\n", encoding="utf-8")
    first = convert_batch(src, src, to=["md", "txt"], jobs=1)
    assert (first.converted, first.failed) == (2, 0)
    made = sorted(p.name for p in src.iterdir())
    for _ in range(2):
        again = convert_batch(src, src, to=["md", "txt"], jobs=1)
        assert (again.converted, again.skipped, again.failed) == (0, 2, 0)
        assert sorted(p.name for p in src.iterdir()) == made
    # An output folder inside the input folder is passed over, with all it holds.
    fresh = tmp_path / "fresh"
    (fresh / "out" / "deep").mkdir(parents=True)
    (fresh / "x.txt").write_text("X\n", encoding="utf-8")
    (fresh / "out" / "deep" / "z.txt").write_text("Z\n", encoding="utf-8")
    for status in ("converted", "skipped"):
        nested = convert_batch(fresh, fresh / "out", to=["txt", "md"], jobs=1)
        assert [(o.rel, o.status) for o in nested.outcomes] == [("x.txt", status)]


def test_inputs_with_the_same_name_each_get_an_output(tmp_path: Path) -> None:
    for folder in ("d", "a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text(f"From {folder}\n\nText.\n", encoding="utf-8")
    out = tmp_path / "out"
    args = [str(tmp_path / "d"), str(tmp_path / "a" / "x.txt"), str(tmp_path / "b" / "x.txt")]
    result = CliRunner().invoke(cli, ["convert", *args, "--to", "txt", "-o", str(out), "-j", "1"])
    assert result.exit_code == 0, result.output
    assert sorted(_outputs(out)) == ["a/x.txt", "b/x.txt", "x.txt"]
    assert [_outputs(out)[k].split(b"\n")[0] for k in ("x.txt", "a/x.txt", "b/x.txt")] == [
        b"From d",
        b"From a",
        b"From b",
    ]


def test_an_output_that_would_overwrite_an_input_fails_that_input(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for name in ("a.txt", "a.md", "a.md.txt"):
        (src / name).write_text(f"{name}\n\nText.\n", encoding="utf-8")
    report = convert_batch(src, src, to=["txt"], jobs=1)
    assert (report.converted, report.failed) == (2, 1)
    [failure] = report.failures
    assert failure.rel == "a.md" and "would overwrite the input a.md.txt" in (failure.reason or "")
    assert (src / "a.md.txt").read_text(encoding="utf-8").startswith("a.md.txt")


@pytest.mark.parametrize("extra", [[], ["--include", "*.nothing"]])
def test_nothing_to_convert_is_an_error(tmp_path: Path, extra: list[str]) -> None:
    src = tmp_path / "in"
    src.mkdir()
    if extra:
        (src / "a.txt").write_text("A\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["convert", str(src), "--to", "txt", "-o", str(tmp_path / "out"), *extra]
    )
    assert result.exit_code == 3, result.output
    [line] = result.output.strip().splitlines()
    assert line.startswith(f"error: no inputs found in {src}")
    assert ("--include *.nothing" in line) == bool(extra)


def crash_on_purpose(spec: JobSpec) -> JobResult:
    """A job function whose worker dies on two inputs (module level: workers import it)."""
    if "crash" in spec.rel:
        os._exit(13)
    if "killed" in spec.rel:
        os.kill(os.getpid(), signal.SIGKILL)
    return run_job(spec)


def test_a_crashing_worker_fails_only_its_own_job(tmp_path: Path, kitchen_sink: model.Article) -> None:
    specs = []
    for i, name in enumerate(["a", "b", "crash", "c", "killed", "d", "e"]):
        path = tmp_path / f"{name}.json"
        path.write_bytes(_article_json(kitchen_sink, f"T{i}"))
        specs.append(
            JobSpec(src=str(path), rel=path.name, outputs=(("txt", str(tmp_path / "out" / f"{name}.txt")),))
        )
    results: list[JobResult] = []
    factory = local_pool_factory(2, ["txt"], "default")
    run_all(specs, results.append, factory=factory, window=4, fn=crash_on_purpose)
    by_rel = {r.rel: r for r in results}
    assert len(results) == len(specs)
    for rel in ("crash.json", "killed.json"):
        assert (
            not by_rel[rel].ok
            and by_rel[rel].reason == f"{rel}: the worker process crashed while converting it"
        )
    assert all(r.ok for rel, r in by_rel.items() if rel not in ("crash.json", "killed.json"))
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "a.txt",
        "b.txt",
        "c.txt",
        "d.txt",
        "e.txt",
    ]


class SleepyReader:
    """A test-only reader that never finishes on its own."""

    name: ClassVar[str] = "sleepy"
    extensions: ClassVar[tuple[str, ...]] = ()
    description: ClassVar[str] = "sleeps (tests)"

    def read(self, data: bytes, options: ReadOptions) -> model.Article:
        time.sleep(120)
        raise AssertionError("the time limit did not stop the reader")


def hang_on_purpose(spec: JobSpec) -> JobResult:
    """A job function (run in the worker) whose ``slow`` input sleeps and whose ``stuck`` one ignores alarms.

    ``slow`` is stopped by the job's own alarm; ``stuck`` blocks the alarm, as
    a job stuck in C code would, so only the watchdog's kill can end it.
    """
    from convert.batch import worker

    worker.HARD_KILL_GRACE = 0.5
    if "slow" in spec.rel or "stuck" in spec.rel:
        readers.register("sleepy", SleepyReader, override=True)
        if "stuck" in spec.rel:
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        return run_job(replace(spec, from_="sleepy"))
    return run_job(spec)


@pytest.mark.slow
def test_timeout_fails_only_the_hung_jobs(tmp_path: Path, kitchen_sink: model.Article) -> None:
    names = ["a", "slow", "b", "stuck", "c", "d"]
    specs = []
    for i, name in enumerate(names):
        path = tmp_path / f"{name}.json"
        path.write_bytes(_article_json(kitchen_sink, f"T{i}"))
        out = str(tmp_path / "out" / f"{name}.txt")
        specs.append(JobSpec(src=str(path), rel=path.name, outputs=(("txt", out),), timeout=1.0))
    results: list[JobResult] = []
    started = time.monotonic()
    run_all(
        specs, results.append, factory=local_pool_factory(2, ["txt"], "default"), window=4, fn=hang_on_purpose
    )
    by_rel = {r.rel: r for r in results}
    assert len(results) == len(specs)
    assert not by_rel["slow.json"].ok and by_rel["slow.json"].reason == "slow.json: timed out after 1 s"
    assert not by_rel["stuck.json"].ok
    assert "timed out after 1 s (the worker was stopped)" in (by_rel["stuck.json"].reason or "")
    assert all(by_rel[f"{n}.json"].ok for n in "abcd")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.txt", "b.txt", "c.txt", "d.txt"]
    assert time.monotonic() - started < 30


def test_cli_folder_exit_codes_and_report(mixed: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "out"
    args = [
        "convert",
        str(mixed),
        "--to",
        "txt",
        "-o",
        str(out),
        "-j",
        "2",
        "--report",
        str(tmp_path / "r.json"),
    ]
    first = runner.invoke(cli, args)
    assert first.exit_code == 1, first.output
    assert "broken.json" in first.output and "converted" in first.output
    second = runner.invoke(cli, [*args, "--progress", "json"])
    events = [json.loads(line) for line in second.stdout.splitlines()]
    assert events[0]["event"] == "start" and events[-1]["event"] == "end"
    assert events[-1]["converted"] == 0 and events[-1]["skipped"] == len(_good_inputs(mixed))
    ok = runner.invoke(cli, [*args, "--exclude", "broken.json", "-q"])
    assert ok.exit_code == 0 and ok.output == ""
    no_out = runner.invoke(cli, ["convert", str(mixed), "--to", "txt"])
    assert no_out.exit_code == 2 and "-o OUT" in no_out.output


#: A ``sitecustomize`` that gives every Python process of the run (the command and its
#: workers, which are fresh interpreters) a JSON reader that holds every "Gated" article
#: until the gate file exists.
GATED_SITECUSTOMIZE = """
import os
import time
from pathlib import Path

from convert.readers.json import JsonReader
from convert.registry import readers

GATE = Path(os.environ["BROADSHEET_TEST_GATE"])


class GatedJsonReader(JsonReader):
    def read(self, data, options):
        if b"Gated" in data:
            while not GATE.exists():
                time.sleep(0.02)
        return super().read(data, options)


readers.register("json", GatedJsonReader, override=True)
"""


#: Articles that finish before the kill, and articles held at the gate until after it.
FREE, GATED = 3, 3


@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGKILL])
@pytest.mark.slow
def test_killed_run_leaves_no_partial_files_and_rerun_completes(
    how: signal.Signals, tmp_path: Path, kitchen_sink: model.Article
) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for i in range(FREE + GATED):
        title = f"Number {i}" if i < FREE else f"Gated {i}"
        (src / f"n{i:02d}.json").write_bytes(_article_json(kitchen_sink, title))
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(GATED_SITECUSTOMIZE, encoding="utf-8")
    gate = tmp_path / "gate"
    pythonpath = os.pathsep.join(filter(None, [str(site), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "BROADSHEET_TEST_GATE": str(gate), "PYTHONPATH": pythonpath}
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "convert", "convert", str(src), "-o", str(out), "--to", "pdf,txt", "-j", "2"]
    proc = subprocess.Popen([*cmd, "-q"], start_new_session=True, stderr=subprocess.DEVNULL, env=env)
    manifest = out / MANIFEST_NAME
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if manifest.is_file() and manifest.read_text(encoding="utf-8").count("\n") >= 2 * FREE:
            break
        time.sleep(0.05)
    # The gated articles cannot finish: the run is surely still going.
    assert proc.poll() is None, "the run ended before it could be stopped"
    os.killpg(proc.pid, how)
    proc.wait(timeout=30)
    if how == signal.SIGINT:
        assert proc.returncode == 130

    # No partial output: exactly the free articles' outputs, each complete.
    free = [f"n{i:02d}" for i in range(FREE)]
    visible = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    assert visible == sorted(f"{n}.{ext}" for n in free for ext in ("pdf", "txt"))
    for name in free:
        assert (out / f"{name}.pdf").read_bytes().rstrip().endswith(b"%%EOF"), f"{name}.pdf is partial"
        assert f"Number {int(name[1:])}" in (out / f"{name}.txt").read_text(encoding="utf-8")
    before = {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in out.glob("n*")}
    leftovers = [p for p in out.rglob("*") if p.name.endswith(".tmp")]

    gate.touch()
    rerun = subprocess.run(
        [*cmd, "--report", str(tmp_path / "r.json")], capture_output=True, timeout=90, check=False, env=env
    )
    assert rerun.returncode == 0, rerun.stderr
    counts = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["counts"]
    assert counts == {"converted": GATED, "skipped": FREE, "failed": 0}
    assert sorted(p.name for p in out.glob("*.pdf")) == [f"n{i:02d}.pdf" for i in range(FREE + GATED)]
    # A killed run's temporaries are cleaned up by the next run; none remain.
    assert not [p for p in leftovers if p.exists()]
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]
    # The outputs finished before the kill stayed as they were.
    assert {
        name: (p.stat().st_mtime_ns, p.read_bytes()) for name, p in ((n, out / n) for n in before)
    } == before


@pytest.mark.slow
def test_dask_local_cluster_gives_the_same_outputs(mixed: Path, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    local = convert_batch(mixed, tmp_path / "local", to=FAST, jobs=2)
    with distributed.LocalCluster(
        n_workers=1,
        threads_per_worker=2,
        processes=False,
        protocol="tcp",
        host="127.0.0.1",
        dashboard_address=None,
    ) as cluster:
        remote = convert_batch(mixed, tmp_path / "dask", to=FAST, scheduler=cluster.scheduler_address)
    assert (remote.converted, remote.failed) == (local.converted, local.failed)
    assert _outputs(tmp_path / "dask") == _outputs(tmp_path / "local")


def test_a_missing_exporter_dependency_fails_the_batch_once_from_the_workers(
    tmp_path: Path, kitchen_sink: model.Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The parent leaves the exporters to its workers; the first that cannot load one stops the batch."""
    broken = tmp_path / "broken-site"
    (broken / "ebooklib").mkdir(parents=True)
    (broken / "ebooklib" / "__init__.py").write_text(
        "raise ModuleNotFoundError(\"No module named 'ebooklib'\", name='ebooklib')\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(broken))  # the workers take this process's import path
    src = tmp_path / "in"
    src.mkdir()
    for name in ("a", "b", "c"):
        (src / f"{name}.json").write_bytes(_article_json(kitchen_sink, name))
    with pytest.raises(MissingDependencyError, match="'epub' output needs 'ebooklib'"):
        convert_batch(src, tmp_path / "out", to=["txt", "epub"], jobs=2)
    assert not list((tmp_path / "out").iterdir())  # nothing converted, not even the txt; no empty manifest
    # The formats no job needs are not loaded: txt alone runs on the same import path.
    report = convert_batch(src, tmp_path / "out", to=["txt"], jobs=2)
    assert report.converted == 3 and report.failed == 0
