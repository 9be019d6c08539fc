"""Small things tests make: a valid PDF, a portrait image, staff of an office.

The tests keep their own copies rather than import the demo app, which is
installed only when DEMO is on.
"""

from __future__ import annotations

import io

from django.contrib.auth.models import User
from PIL import Image, ImageDraw

from disclosure.models import Office

# The smallest PDF the attachment checks accept: one empty A4 page.
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def portrait(seed: int) -> bytes:
    """A PNG silhouette standing in for a leader's photo; `seed` shades it."""
    image = Image.new("RGB", (300, 400), (214, 224, 236))
    draw = ImageDraw.Draw(image)
    shade = (120 + seed * 20, 130, 150)
    draw.ellipse((95, 70, 205, 190), fill=shade)
    draw.rounded_rectangle((55, 210, 245, 420), radius=60, fill=shade)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def staff(office: Office, role: str) -> User:
    """The one member of staff of `office` with `role` (as seed_demo creates them)."""
    return User.objects.get(staff__office=office, staff__role=role)
