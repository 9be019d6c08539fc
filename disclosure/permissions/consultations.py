"""Who may moderate citizens' comments, and who sees their contact details.

A citizen's contact details are seen only by the staff of the office that
runs the consultation; administrators moderate, and see them masked.
"""

from __future__ import annotations

from disclosure.models import Comment
from disclosure.permissions.base import Policy, in_office, is_admin


class CommentPolicy(Policy):
    model = Comment
    office_field = "consultation__office_id"
    # What a member of staff is told when the step is not theirs to take now.
    refusals = {"moderate": "只有负责这次征求意见的科室可以处理意见。"}

    def can_moderate(self, user, comment: Comment) -> bool:
        return is_admin(user) or in_office(user, comment.consultation.office_id)

    def can_edit(self, user, comment: Comment) -> bool:
        return self.can_moderate(user, comment)

    def can_see_contact(self, user, comment: Comment) -> bool:
        return in_office(user, comment.consultation.office_id)
