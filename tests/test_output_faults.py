"""Outputs that cannot be written: one line naming the path and the cause, nothing partial.

The faults are real: a tmpfs mounted read-only or too small (in a private
mount namespace, ``unshare -m``, so nothing outlives the test), ``/dev/full``,
a file where a folder should be, a name longer than the file system allows.
Tests run as root here, where ``chmod`` does not stop writes; the mount
tests skip, saying why, where mounting is not allowed.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from convert import api, io
from convert.batch.manifest import MANIFEST_NAME
from convert.errors import OutputError

EXIT_OUTPUT = OutputError.exit_code


def run(
    *args: str | Path, input: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "convert", *map(str, args)],
        input=input.decode() if input is not None else None,
        capture_output=True,
        text=True,
        timeout=180,
        cwd=cwd,
    )


@cache
def _can_mount() -> str | None:
    """None when ``unshare -m`` + ``mount -t tmpfs`` work here, else why not."""
    if shutil.which("unshare") is None or shutil.which("mount") is None:
        return "unshare or mount is not installed"
    probe = subprocess.run(
        ["unshare", "-m", "sh", "-c", "d=$(mktemp -d) && mount -t tmpfs -o size=16k tmpfs $d"],
        capture_output=True,
        text=True,
    )
    if probe.returncode != 0:
        return f"cannot mount a tmpfs in a private namespace: {probe.stderr.strip()}"
    return None


def in_mount(
    folder: Path, options: str, *args: str | Path, extra: str = "", cwd: Path | None = None
) -> tuple[subprocess.CompletedProcess[str], list[str], str | None]:
    """Run ``broadsheet ARGS`` with a tmpfs mounted at ``folder``; the files it then holds, and its manifest.

    The mount lives in a private namespace and disappears with the process,
    so its contents are listed from inside. ``extra`` runs after the mount
    (a nested read-only mount ...).
    """
    why = _can_mount()
    if why:
        pytest.skip(why)
    folder.mkdir(parents=True, exist_ok=True)
    listing = folder.parent / f"{folder.name}.listing"
    manifest = folder.parent / f"{folder.name}.manifest"
    command = shlex.join([sys.executable, "-m", "convert", *map(str, args)])
    q = shlex.quote
    script = (
        f"mount -t tmpfs -o {options} tmpfs {q(str(folder))} || exit 99\n"
        f"{extra}\n"
        f"{command}\nrc=$?\n"
        f"(cd {q(str(folder))} && find . -mindepth 1 | sort) > {q(str(listing))}\n"
        f"cp {q(str(folder / MANIFEST_NAME))} {q(str(manifest))} 2>/dev/null\n"
        "exit $rc\n"
    )
    result = subprocess.run(
        ["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, timeout=300, cwd=cwd
    )
    assert result.returncode != 99, result.stderr
    files = [line[2:] for line in listing.read_text().splitlines()]
    return result, files, manifest.read_text() if manifest.exists() else None


def error_lines(result: subprocess.CompletedProcess[str]) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("error:")]


@pytest.fixture
def article(tmp_path: Path, sample_path: Path) -> Path:
    src = tmp_path / "in" / "a.txt"
    src.parent.mkdir()
    shutil.copy(sample_path, src)
    return src


# -- single conversions -------------------------------------------------------


def test_read_only_folder(tmp_path: Path, article: Path) -> None:
    out = tmp_path / "ro"
    result, files, _ = in_mount(out, "ro,size=1m", "convert", article, "--to", "txt", "-o", f"{out}/")
    assert result.returncode == EXIT_OUTPUT, result.stderr
    assert error_lines(result) == [
        f"error: {out}/a.txt: cannot write: read-only file system"
        " (hint: choose another output folder with -o)"
    ]
    assert "internal error" not in result.stderr
    assert files == []


def test_chmod_read_only_folder(tmp_path: Path, article: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("running as root, where chmod 555 does not stop writes (the tmpfs test covers it)")
    out = tmp_path / "locked"
    out.mkdir()
    out.chmod(0o555)
    try:
        result = run("convert", article, "--to", "txt", "-o", f"{out}/")
    finally:
        out.chmod(0o755)
    assert result.returncode == EXIT_OUTPUT
    assert error_lines(result) == [
        f"error: {out}/a.txt: cannot write: permission denied (hint: choose an output folder you can write to with -o)"
    ]
    assert list(out.iterdir()) == []


@pytest.mark.slow
def test_disk_full_mid_pdf_leaves_no_file(tmp_path: Path, article: Path) -> None:
    """The text output fits, the PDF does not: neither is left (all or nothing), no temporary file."""
    out = tmp_path / "small"
    result, files, _ = in_mount(out, "size=24k", "convert", article, "--to", "txt,pdf", "-o", f"{out}/")
    assert result.returncode == EXIT_OUTPUT, result.stderr
    assert error_lines(result) == [
        f"error: {out}/a.pdf: cannot write: no space left on device"
        " (hint: free some space, or choose an output folder on another disk)"
    ]
    assert files == []


def test_dev_full(article: Path) -> None:
    result = run("convert", article, "--to", "txt", "-o", "/dev/full")
    assert result.returncode == EXIT_OUTPUT
    assert error_lines(result) == [
        "error: /dev/full: cannot write: no space left on device"
        " (hint: free some space, or choose an output folder on another disk)"
    ]
    assert Path("/dev/full").is_char_device()  # written into, never replaced


@pytest.mark.slow
def test_a_file_where_a_folder_should_be(article: Path) -> None:
    before = article.read_bytes()
    result = run("convert", article, "--to", "txt,pdf", "-o", f"{article}/")
    assert result.returncode == EXIT_OUTPUT
    assert error_lines(result) == [
        f"error: {article}/a.txt: {article} is a file, not a folder (hint: choose another output folder with -o)"
    ]
    assert article.read_bytes() == before
    assert sorted(p.name for p in article.parent.iterdir()) == ["a.txt"]


def test_a_file_deeper_in_the_path(article: Path) -> None:
    result = run("convert", article, "--to", "txt", "-o", f"{article}/sub/dir/")
    assert result.returncode == EXIT_OUTPUT
    assert error_lines(result)[0].endswith(
        f"{article} is a file, not a folder (hint: choose another output folder with -o)"
    )


def test_name_too_long_leaves_no_folder(tmp_path: Path, article: Path) -> None:
    dest = tmp_path / "new" / "deeper" / ("x" * 300 + ".txt")
    result = run("convert", article, "--to", "txt", "-o", dest)
    assert result.returncode == EXIT_OUTPUT
    assert error_lines(result) == [
        f"error: {dest}: cannot write: file name too long (hint: choose a shorter output name or folder)"
    ]
    assert not (tmp_path / "new").exists()  # the folders made for it are removed again


def test_cannot_create_the_folder(article: Path) -> None:
    result = run("convert", article, "--to", "txt", "-o", "/proc/broadsheet-test/")
    assert result.returncode == EXIT_OUTPUT
    (line,) = error_lines(result)
    assert line.startswith(
        "error: /proc/broadsheet-test/a.txt: cannot create the folder /proc/broadsheet-test: "
    )
    assert "internal error" not in result.stderr


def test_missing_parents_are_made(tmp_path: Path, article: Path) -> None:
    result = run("convert", article, "--to", "txt", "-o", tmp_path / "x" / "y" / "out.txt")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "x" / "y" / "out.txt").is_file()


def test_file_name_with_several_formats_is_refused(tmp_path: Path, article: Path) -> None:
    result = run("convert", article, "--to", "txt,md", "-o", tmp_path / "out.txt")
    assert result.returncode == 2
    assert error_lines(result) == [
        f"error: -o {tmp_path / 'out.txt'} looks like a file name, but 2 formats need a folder"
        f" (hint: end it with / for a folder ({tmp_path / 'out.txt'}/), or give one format with --to)"
    ]
    assert not (tmp_path / "out.txt").exists()
    ok = run(
        "convert", article, "--to", "txt,md", "-o", f"{tmp_path / 'out.txt'}/"
    )  # a trailing slash says folder
    assert ok.returncode == 0, ok.stderr
    assert sorted(p.name for p in (tmp_path / "out.txt").iterdir()) == ["a.md", "a.txt"]


def test_atomic_write_all_is_all_or_nothing(tmp_path: Path) -> None:
    keep = tmp_path / "keep.txt"
    keep.write_bytes(b"old")
    with pytest.raises(OutputError, match="file name too long"):
        io.atomic_write_all([(keep, b"new"), (tmp_path / "made" / ("y" * 300), b"z")])
    assert keep.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.txt"]
    with pytest.raises(OutputError, match="is a folder, not a file"):
        io.atomic_write(tmp_path, b"x")


def test_a_failed_sync_of_one_output_leaves_none_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The outputs are synced together, before any rename: one that does not reach the disk stops all."""
    real_fsync = os.fsync
    synced: list[int] = []

    def fsync(fd: int) -> None:
        synced.append(os.fstat(fd).st_size)
        if os.fstat(fd).st_size == 5:  # the second output's five bytes
            raise OSError(5, "Input/output error")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    keep = tmp_path / "keep.txt"
    keep.write_bytes(b"old")
    targets = [(keep, b"new"), (tmp_path / "b.pdf", b"12345"), (tmp_path / "c.epub", b"1234567")]
    with pytest.raises(OutputError, match=r"b\.pdf: cannot write: input/output error"):
        io.atomic_write_all(targets)
    assert sorted(synced) == [3, 5, 7]  # every temporary was synced (or tried) before any rename
    assert keep.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.txt"]
    monkeypatch.setattr(os, "fsync", real_fsync)
    io.atomic_write_all(targets)
    assert [t.read_bytes() for t, _ in targets] == [b"new", b"12345", b"1234567"]


# -- batches -------------------------------------------------------------------


def _tree(root: Path, sample_path: Path) -> Path:
    src = root / "tree"
    (src / "sub").mkdir(parents=True)
    shutil.copy(sample_path, src / "a.txt")
    shutil.copy(sample_path, src / "sub" / "b.txt")
    return src


def test_batch_on_a_read_only_folder_is_one_clear_error(tmp_path: Path, sample_path: Path) -> None:
    src = _tree(tmp_path, sample_path)
    out = tmp_path / "ro"
    result, files, manifest = in_mount(out, "ro,size=1m", "convert", src, "--to", "txt", "-o", out)
    assert result.returncode == EXIT_OUTPUT, result.stderr
    assert error_lines(result) == [
        f"error: {out}/{MANIFEST_NAME}: cannot write the manifest: read-only file system"
        " (hint: choose another output folder with -o)"
    ]
    assert files == [] and manifest is None


def test_batch_unwritable_output_fails_only_its_job(tmp_path: Path, sample_path: Path) -> None:
    src = _tree(tmp_path, sample_path)
    out = tmp_path / "out"
    report = tmp_path / "report.json"
    locked = shlex.quote(str(out / "sub"))
    result, files, manifest = in_mount(
        out,
        "size=4m",
        "convert", src, "--to", "txt,md", "-o", out, "--report", report, "-j", "1",
        extra=f"mkdir {locked} && mount -t tmpfs -o ro,size=16k tmpfs {locked}",
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    assert sorted(files) == [MANIFEST_NAME, "a.md", "a.txt", "sub"]  # no temporary file
    assert manifest is not None
    listed = sorted(json.loads(line)["out"] for line in manifest.splitlines())
    assert listed == ["a.md", "a.txt"]
    jobs = {job["rel"]: job for job in json.loads(report.read_text())["jobs"]}
    assert jobs["a.txt"]["status"] == "converted"
    assert jobs["sub/b.txt"]["status"] == "failed"
    assert "cannot write: read-only file system" in jobs["sub/b.txt"]["reason"]


def test_batch_output_folder_that_cannot_be_made_is_exit_4(tmp_path: Path, sample_path: Path) -> None:
    """Tester h34: a folder batch into a read-only file system exited 1; README: 4, nothing converted."""
    src = _tree(tmp_path, sample_path)
    out = tmp_path / "ro"
    result, files, manifest = in_mount(out, "ro,size=16k", "convert", src, "--to", "txt", "-o", f"{out}/sub/")
    assert result.returncode == EXIT_OUTPUT, result.stderr
    assert error_lines(result) == [
        f"error: {out}/sub: cannot use the output folder: read-only file system"
        " (hint: choose another output folder with -o)"
    ]
    assert files == [] and manifest is None


@pytest.mark.slow
def test_batch_disk_full_keeps_the_manifest_consistent(tmp_path: Path, sample_path: Path) -> None:
    """Room for the first job's outputs only: the second fails alone and leaves nothing behind."""
    src = _tree(tmp_path, sample_path)
    out = tmp_path / "small"
    result, files, manifest = in_mount(
        out, "size=100k", "convert", src, "--to", "txt,pdf", "-o", out, "-j", "1"
    )
    assert result.returncode == 1, result.stderr
    assert "no space left on device" in result.stderr
    assert manifest is not None
    listed = sorted(json.loads(line)["out"] for line in manifest.splitlines() if line.strip())
    outputs = sorted(f for f in files if f != MANIFEST_NAME and not f.endswith("sub"))
    assert listed == outputs == ["a.pdf", "a.txt"]


# -- names ----------------------------------------------------------------------


def test_stdin_articles_with_one_title_get_three_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    bodies = ["Первый текст о важном деле.", "Второй текст о другом.", "Третий текст, совсем иной."]
    for body in bodies:
        result = run("convert", "-", "--to", "txt", "-o", f"{out}/", input=f"Статья\n\n{body}\n".encode())
        assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in out.iterdir())
    assert len(names) == 3 and "article.txt" in names
    texts = {p.read_text(encoding="utf-8") for p in out.iterdir()}
    assert all(any(body in text for text in texts) for body in bodies)
    again = run("convert", "-", "--to", "txt", "-o", f"{out}/", input=f"Статья\n\n{bodies[1]}\n".encode())
    assert again.returncode == 0
    assert len(list(out.iterdir())) == 3  # the same input again reuses its own name


def test_bytes_outputs_never_overwrite_another_inputs(tmp_path: Path) -> None:
    first = api.convert(b"Same Title\n\nOne body.\n", tmp_path, to=["txt", "md"])
    second = api.convert(b"Same Title\n\nAnother body.\n", tmp_path, to=["txt", "md"])
    assert [p.name for p in first] == ["same-title.txt", "same-title.md"]
    assert [p.stem for p in second] == [second[0].stem] * 2 and second[0].stem.startswith("same-title-")
    assert "One body." in first[0].read_text(encoding="utf-8")


def test_batch_output_that_is_a_file(tmp_path: Path, sample_path: Path) -> None:
    src = _tree(tmp_path, sample_path)
    target = tmp_path / "taken"
    target.write_text("not a folder")
    result = run("convert", src, "--to", "txt", "-o", target)
    assert result.returncode == EXIT_OUTPUT
    assert error_lines(result) == [
        f"error: {target}: is a file, not a folder (hint: converting a folder needs an output folder)"
    ]
    assert target.read_text() == "not a folder"


def test_manifest_on_a_full_disk_is_an_output_error(tmp_path: Path) -> None:
    from convert.batch.manifest import Entry, Manifest

    (tmp_path / MANIFEST_NAME).symlink_to("/dev/full")
    manifest = Manifest(tmp_path)
    with pytest.raises(OutputError, match="cannot write the manifest: no space left on device"):
        manifest.record(Entry("a.txt", "fp", "a.txt", "sha"))
    assert manifest.entries == {}  # what could not be written is not remembered either


def test_manifest_torn_line_does_not_swallow_the_next(tmp_path: Path) -> None:
    from convert.batch.manifest import Entry, Manifest

    (tmp_path / MANIFEST_NAME).write_text('{"out":"a.txt","fp":"1","src":"a.txt","sha256":"s"}\n{"out":"b.t')
    manifest = Manifest(tmp_path)
    manifest.record(Entry("c.txt", "3", "c.txt", "s"))
    manifest.close()
    assert sorted(Manifest(tmp_path).entries) == ["a.txt", "c.txt"]


def test_endless_inputs_stop_at_the_size_limit(tmp_path: Path) -> None:
    """A device or pipe has no size to check first: reading stops one byte past the limit."""
    env = {**os.environ, "BROADSHEET_LIMIT_INPUT_BYTES": "1000000"}
    for args, stdin in ((["/dev/zero"], None), (["-"], subprocess.PIPE)):
        proc = subprocess.Popen(
            [sys.executable, "-m", "convert", "convert", *args, "--to", "txt", "-o", f"{tmp_path}/"],
            stdin=stdin,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        if stdin is not None:
            assert proc.stdin is not None
            try:
                proc.stdin.write("y\n" * 600_000)
                proc.stdin.close()
            except BrokenPipeError:
                pass
        _out, err = proc.communicate(timeout=120)
        assert proc.returncode == 3
        assert "over the input_bytes limit" in err
    assert list(tmp_path.iterdir()) == []


def test_output_to_a_device_is_written_in_place(tmp_path: Path) -> None:
    """``-o /dev/null`` (a device, a pipe): nothing to stage or sync, and no error."""
    from convert import api
    from convert.io import atomic_write_all

    atomic_write_all([])  # nothing to write is no error either
    src = tmp_path / "a.md"
    src.write_text("# Title\n\nSome text.\n", encoding="utf-8")
    api.convert(src, "/dev/null", to="md")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md"]
