from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "ashgabat-oped.txt"
#: The third-party corpus (never copied into the repository). ``BROADSHEET_CORPUS`` points
#: elsewhere, e.g. ``BROADSHEET_CORPUS=/nonexistent`` to check the corpus tests skip cleanly.
CORPUS = Path(os.environ.get("BROADSHEET_CORPUS") or ROOT.parent / "shared" / "corpus")

sys.path.insert(0, str(Path(__file__).resolve().parent))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--regen-golden", action="store_true", help="rewrite golden files; review git diff")


@pytest.fixture
def golden(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    regen = request.config.getoption("--regen-golden")

    def check(actual: str, expected: Path) -> None:
        if regen:
            expected.parent.mkdir(parents=True, exist_ok=True)
            expected.write_text(actual, encoding="utf-8")
            return
        if not expected.exists():
            pytest.fail(f"missing {expected}; run pytest --regen-golden and review it")
        assert actual == expected.read_text(encoding="utf-8"), f"{expected} is stale"

    return check


@pytest.fixture(scope="session")
def kitchen_sink():  # type: ignore[no-untyped-def]
    from kitchen import KITCHEN_SINK

    return KITCHEN_SINK


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The corpus folder; tests that take it are marked ``corpus`` and skip without it."""
    if not CORPUS.is_dir():
        pytest.skip(f"the corpus is not present at {CORPUS}")
    return CORPUS


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """A test that takes the ``corpus`` fixture is a corpus test, so ``-m corpus`` selects all of them.

    The tests carry ``@pytest.mark.corpus`` themselves; this catches one that forgets.
    """
    for item in items:
        if "corpus" in getattr(item, "fixturenames", ()) and item.get_closest_marker("corpus") is None:
            item.add_marker(pytest.mark.corpus)
    if os.environ.get("PYTEST_XDIST_WORKER"):
        _costly_modules_first(items)


def _costly_modules_first(items: list[pytest.Item]) -> None:
    """Under pytest-xdist (``nox -s tests``), modules with more tests marked ``slow`` are handed out first.

    The session runs ``--dist loadscope --no-loadscope-reorder``: each module goes whole to one worker
    (its module- and session-scoped fixtures, a render or a checker run over many books, are built
    once), in the order of this list, to whichever worker is free. A long module handed out last would
    run on one worker while the others sit idle, so the modules with the most slow tests go first;
    otherwise the collection order is kept. A run in one process keeps the plain collection order.
    """
    slow: dict[str, int] = {}
    for item in items:
        module = item.nodeid.split("::", 1)[0]
        slow[module] = slow.get(module, 0) + (item.get_closest_marker("slow") is not None)
    items.sort(key=lambda item: -slow[item.nodeid.split("::", 1)[0]])


@pytest.fixture(autouse=True)
def _registry_state():  # type: ignore[no-untyped-def]
    """Registrations made by a test (``readers.register(...)``) end with it."""
    from convert.registry import exporters, readers

    saved = [(reg, dict(reg._classes), dict(reg._instances)) for reg in (readers, exporters)]
    yield
    for reg, classes, instances in saved:
        reg._classes.clear()
        reg._classes.update(classes)
        reg._instances.clear()
        reg._instances.update(instances)


@pytest.fixture(scope="session")
def ace() -> Path:
    """DAISY Ace's command (``tests/ace_util.py``): fails in CI, skips elsewhere, when it is not installed."""
    from ace_util import ace_path

    return ace_path()
