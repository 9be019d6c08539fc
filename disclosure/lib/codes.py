"""The numbers the portal hands out, as the rules write them."""

from __future__ import annotations

import hmac


def index_number(credit_code: str, year: int, serial: int) -> str:
    """索引号: `<统一社会信用代码>/<year>-<five-digit serial>`."""
    return f"{credit_code}/{year}-{serial:05d}"


def application_number(year: int, serial: int) -> str:
    """An application's number, which the applicant quotes: YSQ2026-00001."""
    return f"YSQ{year}-{serial:05d}"


# Letters and digits that cannot be mistaken for one another when read aloud or copied.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8


def query_code(secret: str, token) -> str:
    """The query code of the application sent with this one-time form token.

    Derived from the token and the secret key, and stored only as a hash: a
    form that arrives twice (a double click, a refresh) shows the same code
    again without the code being kept anywhere.
    """
    message = f"query-code:{token}".encode()
    number = int.from_bytes(hmac.new(secret.encode(), message, "sha256").digest())
    chars = []
    for _ in range(CODE_LENGTH):
        number, index = divmod(number, len(CODE_ALPHABET))
        chars.append(CODE_ALPHABET[index])
    return "".join(chars)
