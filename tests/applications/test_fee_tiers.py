"""The national tiers of 信息处理费 (国办函〔2020〕109号), on every boundary, worked out by hand."""

from decimal import Decimal

import pytest

from disclosure.lib.fees import (
    page_bands,
    page_basis,
    page_tiers_in_words,
    per_piece_fee,
    per_volume_fee,
    piece_bands,
    piece_basis,
    piece_tiers_in_words,
    yuan,
)


@pytest.mark.parametrize(
    ("pieces", "fee"),
    [
        (10, 0),  # the first ten of a month are free
        (11, 100),  # the 11th: 100
        (30, 2000),  # 11th–30th: 20 × 100
        (31, 2200),  # + the 31st at 200
        (40, 4000),  # 2000 + 10 × 200
        (41, 4300),  # + the 41st at 300
        (50, 7000),  # 2000 + 10 × 200 + 10 × 300
        (51, 7400),  # + the 51st at 400
    ],
)
def test_per_piece_from_the_first_application_of_the_month(pieces, fee):
    assert per_piece_fee(0, pieces) == Decimal(fee)


@pytest.mark.parametrize(
    ("earlier", "pieces", "fee"),
    [
        (9, 1, 0),  # the 10th is still free
        (10, 1, 100),  # the 11th
        (9, 3, 200),  # the 10th free, the 11th and 12th at 100
        (28, 4, 600),  # 29th, 30th at 100; 31st, 32nd at 200
        (30, 1, 200),  # the 31st
        (39, 3, 800),  # 40th at 200; 41st, 42nd at 300
        (49, 2, 700),  # 50th at 300; 51st at 400
        (12, 0, 0),  # nothing more applied for
    ],
)
def test_per_piece_counts_on_from_the_earlier_pieces_of_the_month(earlier, pieces, fee):
    assert per_piece_fee(earlier, pieces) == Decimal(fee)


@pytest.mark.parametrize(
    ("pages", "fee"),
    [
        (30, 0),  # up to 30 pages free
        (31, 10),  # the 31st page at 10
        (100, 700),  # 70 × 10
        (101, 720),  # + the 101st at 20
        (200, 2700),  # 700 + 100 × 20
        (201, 2740),  # + the 201st at 40
    ],
)
def test_per_volume_on_every_boundary(pages, fee):
    assert per_volume_fee(pages) == Decimal(fee)


def test_negative_counts_are_refused():
    with pytest.raises(ValueError):
        per_piece_fee(-1, 2)
    with pytest.raises(ValueError):
        per_volume_fee(-1)


def test_the_bands_as_the_guide_prints_them():
    assert piece_bands(5) == [
        (1, 10, 0),
        (11, 30, 100),
        (31, 40, 200),
        (41, 50, 300),
        (51, 60, 400),
    ]
    assert page_bands() == [(1, 30, 0), (31, 100, 10), (101, 200, 20), (201, None, 40)]
    assert piece_tiers_in_words() == (
        "第1件至第10件不收费，第11件至第30件每件100元，第31件至第40件每件200元，"
        "第41件至第50件每件300元，此后每10件为一档，每档每件提高100元"
    )
    assert page_tiers_in_words() == (
        "第1页至第30页不收费，第31页至第100页每页10元，第101页至第200页每页20元，第201页起每页40元"
    )


def test_a_fees_basis_in_words():
    assert piece_basis(10, 2) == "本月第11件至第12件，每件100元"
    assert piece_basis(2, 1) == "本月第3件，不收费"
    assert piece_basis(9, 3) == "本月第10件至第12件，其中第10件不收费，第11件至第12件每件100元"
    assert page_basis(20) == "共20页，不收费"
    assert page_basis(120) == (
        "共120页，其中第1页至第30页不收费，第31页至第100页每页10元，第101页至第120页每页20元"
    )


def test_amounts_in_yuan():
    assert yuan(Decimal("1100.00")) == "1100元"
    assert yuan(Decimal("50.5")) == "50.50元"
    assert yuan(Decimal(0)) == "0元"
