"""Identity numbers as the national standards write them.

A 居民身份证 number ends in the GB 11643 check character; a 统一社会信用代码
(GB 32100) is 18 digits or capital letters without I, O, S, V and Z; other
documents (passports, permits) are letters, digits and hyphens.
"""

from __future__ import annotations

import re

ID_CARD = "id_card"
CREDIT_CODE = "credit_code"

ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ID_CHECK = "10X98765432"
CREDIT_CODE_PATTERN = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$")
OTHER_ID_PATTERN = re.compile(r"^[0-9A-Za-z\-()（）]{4,40}$")


def valid_id_card(number: str) -> bool:
    """An 18-digit 居民身份证 number with its GB 11643 check character."""
    if not re.fullmatch(r"[0-9]{17}[0-9X]", number):
        return False
    total = sum(int(digit) * weight for digit, weight in zip(number[:17], ID_WEIGHTS, strict=True))
    return ID_CHECK[total % 11] == number[17]


def normalise_id_number(number: str) -> str:
    """As typed, without spaces and in capitals."""
    return "".join(number.split()).upper()


def id_number_error(id_type: str, number: str) -> str | None:
    """What is wrong with `number` as a document of `id_type`, for the applicant to read."""
    if id_type == ID_CARD:
        if not valid_id_card(number):
            return "居民身份证号码有误，请核对（18位，最后一位可能是X）。"
    elif id_type == CREDIT_CODE:
        if not CREDIT_CODE_PATTERN.match(number):
            return "统一社会信用代码应为18位数字或大写字母，请核对。"
    elif not OTHER_ID_PATTERN.match(number):
        return "证件号码只能包含字母、数字和连字符，4至40位。"
    return None
