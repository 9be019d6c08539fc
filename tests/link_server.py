"""A small web server on 127.0.0.1 for the link checker: good, moved, missing, HEAD-refusing and slow pages."""

from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# Longer than any timeout the tests give the checker.
SLOW_SECONDS = 1.5

# path: (status, Location) for HEAD and GET alike, unless the handler says otherwise.
PAGES = {
    "/ok": (200, None),
    "/moved": (301, "/ok"),
    "/gone-away": (302, "/missing"),
    "/missing": (404, None),
    "/loop": (302, "/loop"),
    "/slow": (200, None),
    "/no-head": (200, None),
    "/%E6%94%BF%E7%AD%96": (200, None),  # /政策, as the request line carries it
}


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def do_HEAD(self) -> None:
        self._answer()

    def do_GET(self) -> None:
        self._answer()

    def _answer(self) -> None:
        self.server.hits.append((self.command, self.path, self.headers.get("User-Agent", "")))
        if self.path == "/slow":
            time.sleep(SLOW_SECONDS)
        status, location = PAGES.get(self.path, (404, None))
        if self.path == "/no-head" and self.command == "HEAD":
            status = 405
        try:
            self.send_response(status)
            if location:
                self.send_header("Location", location)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", "2")
            self.end_headers()
            if self.command == "GET":
                self.wfile.write(b"ok")
        except (BrokenPipeError, ConnectionResetError):
            # The checker gave up on a slow page before it answered.
            pass

    def log_message(self, format: str, *args) -> None:
        pass


class LocalSite(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.hits: list[tuple[str, str, str]] = []

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{path}"

    def asked(self, path: str) -> list[str]:
        """The methods the checker used on `path`, in order."""
        return [method for method, asked_path, _ in self.hits if asked_path == path]


@contextmanager
def local_site():
    server = LocalSite()
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
