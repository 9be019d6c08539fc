"""Citizens' personal data as lists show it: masked."""

from __future__ import annotations


def mask_number(value: str, *, keep_start: int = 3, keep_end: int = 2) -> str:
    """Identity and phone numbers: the first and last few characters, stars between."""
    value = value or ""
    if len(value) <= keep_start + keep_end:
        return "*" * len(value)
    middle = len(value) - keep_start - keep_end
    return value[:keep_start] + "*" * middle + value[-keep_end:]


def mask_phone(value: str) -> str:
    return (
        mask_number(value, keep_start=3, keep_end=4)
        if len(value or "") >= 11
        else mask_number(value, keep_start=2, keep_end=2)
    )


def mask_name(value: str) -> str:
    value = value or ""
    return value[:1] + "*" * min(len(value) - 1, 3) if len(value) > 1 else "*"


def mask_address(value: str) -> str:
    value = value or ""
    return value[:6] + "****" if len(value) > 6 else "****"


def mask_contact(value: str) -> str:
    value = value or ""
    if "@" in value:
        local, _, domain = value.partition("@")
        return (local[:1] or "*") + "***@" + domain
    return mask_phone(value)
