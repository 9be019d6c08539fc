"""Gunicorn's settings for `make run`: threads, so that a slow client does not stall the site.

With sync workers, each connection that trickles in its request body holds
a whole worker until the timeout; two such connections stop a two-worker
site. Threaded workers keep serving everyone else. In production a
buffering reverse proxy in front (see the README) reads whole requests
before they reach gunicorn.
"""

import os

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
