"""Files the demo attaches: a job fair's list of positions (a real PDF with
Chinese text, so site search finds its words), a small empty PDF and a
portrait for leaders' photos."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw

JOB_FAIR_PDF = (Path(__file__).parent / "zhaopinhui.pdf").read_bytes()

# One empty A4 page: enough for the attachment checks and for a browser.
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def portrait(seed: int) -> bytes:
    """A plain silhouette standing in for a leader's photo."""
    image = Image.new("RGB", (300, 400), (214, 224, 236))
    draw = ImageDraw.Draw(image)
    shade = (120 + seed * 20, 130, 150)
    draw.ellipse((95, 70, 205, 190), fill=shade)
    draw.rounded_rectangle((55, 210, 245, 420), radius=60, fill=shade)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
