"""Developer sessions: ``nox -s tests``, ``nox -s lint``, ``nox -s typecheck``, ``nox -s bench``, ``nox -s soak``."""

from __future__ import annotations

import os

import nox

# nox.project.dependency_groups (PEP 735) came in nox 2025.02.09; an older nox says so instead of failing.
nox.needs_version = ">=2025.2.9"
nox.options.sessions = ["tests", "lint", "typecheck"]
nox.options.reuse_existing_virtualenvs = True
PYPROJECT = nox.project.load_toml("pyproject.toml")


def _install(session: nox.Session, *groups: str) -> None:
    session.install("-U", "pip")
    deps = [d for g in groups for d in nox.project.dependency_groups(PYPROJECT, g)]
    session.install("-e", ".", *deps)


@nox.session
def tests(session: nox.Session) -> None:
    """The whole test suite; arguments pass to pytest: nox -s tests -- -k epub --regen-golden"""
    _install(session, "test")
    # DAISY Ace for tests/test_accessibility.py. An install step (run_install): `nox -s tests --install-only`
    # prepares it with the packages, and `-R` (reuse, no install) leaves it alone.
    session.run_install("sh", "scripts/install-ace.sh", external=True)
    # The example plugin (tests/test_plugins.py): a package of its own, found through entry points.
    session.install("--no-deps", "--no-build-isolation", "-e", "tests/plugins/broadsheet-note")
    # One pytest worker a core (pytest-xdist): in one process the suite kept one core busy. At most four
    # (beyond, it waits on its longest modules), and the cores this process may use. Each module runs
    # whole on one worker (its shared fixtures built once), the modules with the most slow tests first
    # (tests/conftest.py). `nox -s tests -- -n 0` runs it in one process, as --pdb does.
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    xdist = [
        "-n",
        "logical",
        "--maxprocesses",
        str(min(4, cores)),
        "--dist",
        "loadscope",
        "--no-loadscope-reorder",
    ]
    session.run("pytest", *xdist, *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """ruff check and format check."""
    session.install("ruff")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", "convert")


@nox.session
def typecheck(session: nox.Session) -> None:
    """mypy --strict over the package."""
    _install(session, "typecheck")
    session.run("mypy", "convert")


@nox.session
def accuracy(session: nox.Session) -> None:
    """Extraction accuracy on ../shared/corpus vs trafilatura and newspaper4k, tuning and validation halves
    side by side with Broadsheet's gap between them (* over 2 points), then the wire layouts and BBC:
    nox -s accuracy -- --limit 50 --source readability --half tuning --cache .nox/accuracy-cache"""
    _install(session, "bench")
    session.run("python", "bench/accuracy.py", *session.posargs)
    session.run("python", "bench/wire.py")


@nox.session
def bench(session: nox.Session) -> None:
    """Issue 18's table in one run, appended to bench/RESULTS.md: nox -s bench [-- --quick] [-- --only cold,docx]"""
    _install(session, "test")
    session.run("python", "bench/run_all.py", *session.posargs)


@nox.session(name="brief-eval")
def brief_eval(session: nox.Session) -> None:
    """The brief vs sumy TextRank/LexRank, lead, random, oracle on BBC News Summary: nox -s brief-eval -- --half validation"""
    _install(session, "brief-eval")
    session.run("python", "bench/brief_eval.py", *session.posargs)


@nox.session
def fuzz(session: nox.Session) -> None:
    """A long hypothesis campaign over the text, HTML and pandoc readers: nox -s fuzz -- --examples 5000"""
    _install(session, "test")
    session.run("python", "bench/fuzz.py", *session.posargs)


@nox.session
def soak(session: nox.Session) -> None:
    """A 5,000-file batch from ../shared/corpus: worker memory and throughput, first vs last fifth.

    nox -s soak -- -n 5000 --to txt,md,json [--max-tasks-per-child 0]
    """
    _install(session)
    session.run("python", "bench/soak.py", *session.posargs)
