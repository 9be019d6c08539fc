"""The numbers the law sets, each written once.

Messages and templates format these in (`{{ legal.REPLY_WORKING_DAYS }}` in
a template), so a changed rule is changed here and nowhere else. Articles
are those of the 中华人民共和国政府信息公开条例 (2019).
"""

PUBLISH_WORKING_DAYS = 20  # Art. 26: published within 20 working days of being made or changed
REPLY_WORKING_DAYS = 20  # Art. 33: reply within 20 working days of receipt
MAX_EXTENSION_WORKING_DAYS = 20  # Art. 33: extended once, by at most 20 working days
CORRECTION_WINDOW_WORKING_DAYS = 7  # Art. 30: ask for a correction within 7 working days
# 规范性文件 that touch citizens' rights are open for comment at least 30 days
# (国办发〔2018〕37号).
CONSULTATION_MIN_DAYS = 30
# A 政策解读 is published with its policy, at the latest within 3 working days
# (国办发〔2016〕80号 and the local rules that follow it).
INTERPRETATION_WORKING_DAYS = 3


def as_dict() -> dict[str, int]:
    """Every number, by name: what templates see as `legal`."""
    return {name: value for name, value in globals().items() if name.isupper()}
