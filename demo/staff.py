"""Demo staff: an editor and a reviewer in four offices, their passwords, and
publishing as them through the real workflow."""

from __future__ import annotations

import json
import secrets
from pathlib import Path

from django.contrib.auth.models import User

from disclosure.models import CatalogueItem, Office, Publication, StaffMember
from disclosure.services.publications import publication_approve, publication_submit

Role = StaffMember.Role

# office name -> (username prefix, editor's name, reviewer's name)
STAFF = {
    "行政办公室": ("xzbgs", ("王", "芳"), ("李", "建国")),
    "财务规划办公室": ("cwgh", ("赵", "丽"), ("孙", "志强")),
    "就业服务中心": ("jyzx", ("刘", "洋"), ("陈", "红梅")),
    "社会保险服务中心": ("sbzx", ("张", "敏"), ("周", "海涛")),
}
ROLE_NAMES = {Role.EDITOR: "信息员", Role.REVIEWER: "审核人"}
APPROVAL_NOTE = "经审查，不涉及国家秘密、工作秘密、商业秘密和个人隐私，同意公开。"


class Accounts:
    """Demo passwords, generated once and kept in a file so reruns print the same."""

    def __init__(self, path: Path):
        self.path = path
        self.saved = json.loads(path.read_text()) if path.exists() else {}

    def password_for(self, user: User) -> str:
        saved = self.saved.get(user.username)
        if saved and user.check_password(saved):
            return saved
        password = secrets.token_urlsafe(9)
        user.set_password(password)
        user.save(update_fields=["password"])
        self.saved[user.username] = password
        return password

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(json.dumps(self.saved, ensure_ascii=False, indent=1))
        self.path.chmod(0o600)


def ensure_staff(accounts: Accounts) -> list[tuple[str, str, str, str]]:
    """Demo editors and reviewers; returns (office, username, password, role) lines."""
    lines = []
    for office in Office.objects.filter(name__in=STAFF).order_by("order", "id"):
        prefix, editor_name, reviewer_name = STAFF[office.name]
        for role, (last, first) in ((Role.EDITOR, editor_name), (Role.REVIEWER, reviewer_name)):
            username = f"{prefix}_{role}"
            user, _ = User.objects.get_or_create(
                username=username,
                defaults={"last_name": last, "first_name": first, "is_staff": True},
            )
            StaffMember.objects.update_or_create(
                user=user, defaults={"office": office, "role": role}
            )
            lines.append((office.name, username, accounts.password_for(user), ROLE_NAMES[role]))
    return lines


def staff(office: Office, role: str) -> User:
    return User.objects.get(staff__office=office, staff__role=role)


def office_for(item: CatalogueItem) -> Office:
    """The first office responsible for `item` that has demo staff."""
    offices = [office for office in item.responsible_offices() if office.name in STAFF]
    return offices[0]


def publish(publication: Publication) -> Publication:
    """Submitted by the office's editor, approved by its reviewer."""
    office = publication.office
    publication_submit(publication=publication, actor=staff(office, Role.EDITOR))
    return publication_approve(
        publication=publication,
        actor=staff(office, Role.REVIEWER),
        confidentiality_note=APPROVAL_NOTE,
    )
