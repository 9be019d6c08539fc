"""Walking the public site as a citizen's browser would."""

from collections import deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlparse

from django.test import Client


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src", "action") and value:
                self.links.append(value)


def crawl(client: Client, start: str = "/") -> dict[str, str]:
    """Every page reachable from the home page, without the admin: path -> body."""
    seen, queue, pages = {start}, deque([start]), {}
    while queue:
        path = queue.popleft()
        response = client.get(path)
        assert response.status_code < 500, path
        if response.streaming:
            body = b"".join(response.streaming_content).decode("latin-1")
        else:
            body = response.content.decode("utf-8", errors="replace")
        pages[path] = body
        if response.get("Content-Type", "").startswith("text/html"):
            parser = Links()
            parser.feed(body)
            for link in parser.links:
                target = urldefrag(link)[0]
                parsed = urlparse(target)
                if parsed.netloc or not parsed.path.startswith("/"):
                    continue
                # The 长者模式 switch changes the client's cookie: a walk
                # keeps the mode it starts in.
                if parsed.path.startswith(("/admin", "/static", "/wza/")):
                    continue
                if target not in seen:
                    seen.add(target)
                    queue.append(target)
    return pages
