"""The numbers the portal hands out, as the rules write them."""

from __future__ import annotations


def index_number(credit_code: str, year: int, serial: int) -> str:
    """索引号: `<统一社会信用代码>/<year>-<five-digit serial>`."""
    return f"{credit_code}/{year}-{serial:05d}"


def application_number(year: int, serial: int) -> str:
    """An application's number, which the applicant quotes: YSQ2026-00001."""
    return f"YSQ{year}-{serial:05d}"
