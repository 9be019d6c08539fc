"""Form widgets of the admin."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms


@dataclass(frozen=True)
class StaffLink:
    url: str
    text: str

    def __str__(self) -> str:
        return self.text


class StaffFileInput(forms.ClearableFileInput):
    """A file field whose current file links to the staff download, never to a storage path."""

    template_name = "widgets/staff_file_input.html"
    input_text = "更换"

    def __init__(self, *args, link: StaffLink | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.link = link

    def is_initial(self, value) -> bool:
        return bool(value) and self.link is not None

    def format_value(self, value):
        return self.link if self.is_initial(value) else None
