"""Gunicorn's settings for `make run`: threads, so that a slow client does not stall the site.

With sync workers, each connection that trickles in its request body holds
a whole worker until the timeout; two such connections stop a two-worker
site. Threaded workers keep serving everyone else. In production a
buffering reverse proxy in front (see the README) reads whole requests
before they reach gunicorn.
"""

import os

from portal import url_prefix

worker_class = "gthread"
workers = int(os.environ.get("WEB_WORKERS", "2"))
threads = int(os.environ.get("WEB_THREADS", "8"))
timeout = 30
# A client that sends nothing for this long loses its kept-alive connection.
keepalive = 5
# A search link may carry a long query (10,000 Chinese characters are 90 KB
# in a URL): Django cuts it and says so. The reverse proxy in front bounds
# request lines for the site as a whole.
limit_request_line = 0

# Under a path prefix (URL_PREFIX=/xxgk/rsj), the reverse proxy passes the full
# path on; gunicorn takes SCRIPT_NAME off the front of each request's path, so
# that Django resolves the rest. A request outside the prefix is refused.
_prefix = url_prefix.normalise(os.environ.get("URL_PREFIX", ""))
if _prefix:
    raw_env = [f"SCRIPT_NAME={_prefix}"]
