"""Browser tests: Playwright drives Debian's Chromium against the live test server."""

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if Path(item.fspath).is_relative_to(here):
            item.add_marker(pytest.mark.browser)
            if not CHROMIUM.exists():
                item.add_marker(
                    pytest.mark.skip(
                        reason="Chromium is not installed: apt-get install -y chromium"
                    )
                )


@pytest.fixture(scope="session", autouse=True)
def _server_outlives_browser(live_server):
    """Start the live server before Chromium, so that it stops after Chromium.

    Session fixtures stop in the reverse order of their start: Chromium and
    its open connections are gone before the server closes its database
    connection, and no request thread is left using a closed one.
    """


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
        ],
    }


@pytest.fixture
def site(live_server, transactional_db, tmp_path):
    """The live server with the real catalogue and the demo content; its base URL."""
    from io import StringIO

    from django.core.management import call_command

    call_command("loaddata", "catalogue", verbosity=0)
    call_command(
        "seed_demo",
        accounts_file=str(tmp_path / "accounts.json"),
        stdout=StringIO(),
        stderr=StringIO(),
    )
    return live_server.url


# Playwright's sync API runs an event loop in this thread; the ORM calls that
# the tests make around it are plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
