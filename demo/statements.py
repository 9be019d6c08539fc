"""Dated statements (情况说明) of columns with nothing new to publish, published by their reviewers."""

from __future__ import annotations

from django.utils import timezone

from demo.dates import YEAR
from demo.staff import Role, office_for, staff
from disclosure.models import CatalogueItem, ItemStatement
from disclosure.services.statements import item_statement_publish

# item path -> what its office states
STATEMENTS = {
    "jyta": f"本局{YEAR}年度承办的其余人大代表建议、政协委员提案正在办理中，办结后将及时公开答复。",
    "czyjs/czyjs/czyjs": f"本局{YEAR}年度无部门预算调整事项，无需公开预算调整信息。",
}


def create_statements() -> int:
    """One statement for each column above, dated today. Returns how many were made."""
    for path, text in STATEMENTS.items():
        item = CatalogueItem.objects.get_by_path(path)
        office = office_for(item)
        statement = ItemStatement(
            item=item, office=office, text=text, stated_on=timezone.localdate()
        )
        item_statement_publish(statement=statement, actor=staff(office, Role.REVIEWER))
    return len(STATEMENTS)
