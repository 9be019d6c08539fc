"""Files the demo attaches: a job fair's list of positions (a real PDF with
Chinese text, so site search finds its words), a small empty PDF and a
portrait for leaders' photos."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw

JOB_FAIR_PDF = (Path(__file__).parent / "zhaopinhui.pdf").read_bytes()


def blank_pdf(width: int = 595, height: int = 842) -> bytes:
    """A valid one-page PDF, blank, with its cross-reference table: an A4 page by default."""
    objects = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 %d %d]>>" % (width, height),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


# One empty A4 page: enough for the attachment checks and for a browser.
PDF = blank_pdf()


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


def infographic() -> bytes:
    """A 图解 of three steps in a row, joined by arrows: a small PNG of flat colours."""
    image = Image.new("RGB", (720, 240), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    colours = [(190, 30, 45), (214, 120, 30), (30, 100, 170)]
    for step, colour in enumerate(colours):
        left = 30 + step * 240
        draw.rounded_rectangle((left, 60, left + 180, 180), radius=18, fill=colour)
        draw.ellipse((left + 70, 90, left + 110, 130), fill=(255, 255, 255))
        if step < len(colours) - 1:
            draw.polygon(
                [(left + 195, 110), (left + 220, 120), (left + 195, 130)], fill=(90, 90, 90)
            )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
