"""Browser tests run in Debian's Chromium (Playwright cannot download browsers here)."""

import shutil

import pytest

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def watch_for_failures(page) -> list[str]:
    """Collect failed requests and script errors on a page, for the test to assert there are none.

    A request the browser itself cancels because the page navigated on (net::ERR_ABORTED, typically
    the favicon of a page left at once) is not a failure of ours and is not collected."""
    failures: list[str] = []

    def request_failed(request):
        if request.failure != "net::ERR_ABORTED":
            failures.append(f"{request.url}: {request.failure}")

    page.on("requestfailed", request_failed)
    page.on("pageerror", lambda error: failures.append(f"page error: {error}"))
    return failures


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        pytest.fail("Debian's chromium is not installed; `make test` installs it (apt-get install chromium).")
    return {**browser_type_launch_args, "executable_path": executable, "args": CHROMIUM_FLAGS, "headless": True}


@pytest.fixture(scope="session")
def live_server(django_db_setup, live_server):
    """The live server, started only after the test database exists.

    The server thread shares the main thread's connection only when, at start, that connection
    already points at the in-memory test database; started earlier, every request thread opened
    its own in-memory connection, which SQLite's backend never closes (a leak that
    ``-W error`` reports as ResourceWarning)."""
    return live_server


@pytest.fixture
def page(page, live_server):
    """A page that fails the test on any request leaving this machine or any console error."""
    failures = watch_for_failures(page)
    page.set_default_timeout(10_000)
    yield page
    assert not failures, failures
