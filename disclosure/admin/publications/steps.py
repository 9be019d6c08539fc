"""The steps of a publication: draft → submitted → published → withdrawn, and revisions."""

from django.utils import timezone

from disclosure import permissions
from disclosure.admin.workflow import Step, text_form
from disclosure.services.publications import (
    publication_approve,
    publication_return,
    publication_start_revision,
    publication_submit,
    publication_withdraw,
)


def _approve_help(publication) -> str:
    review = (
        "批准前请完成保密审查（《政府信息公开条例》第十七条）：确认信息不涉及国家秘密、"
        "工作秘密、商业秘密和个人隐私。您的审查意见和姓名将记入流转记录。"
    )
    if publication.published_at and publication.is_scheduled:
        when = f"发布日期：{timezone.localtime(publication.published_at):%Y-%m-%d %H:%M}，到时自动发布。"
    else:
        when = "批准后立即发布。"
    return f"{review}\n\n{when}"


STEPS = [
    Step(
        name="submit",
        title="提交审核",
        policy=permissions.publications,
        help="提交后由本科室审核人审核，审核期间不能修改。",
        in_form="保存并提交审核",
        in_form_help="先保存本页的修改，再提交给本科室审核人；审核期间不能修改。",
        perform=lambda publication, user, data: publication_submit(
            publication=publication, actor=user
        ),
    ),
    Step(
        name="return",
        title="退回修改",
        policy=permissions.publications,
        form=text_form("退回原因", field="text"),
        perform=lambda publication, user, data: publication_return(
            publication=publication, actor=user, reason=data["text"]
        ),
    ),
    Step(
        name="approve",
        title="批准发布",
        policy=permissions.publications,
        form=text_form("保密审查意见", field="text"),
        help=_approve_help,
        perform=lambda publication, user, data: publication_approve(
            publication=publication, actor=user, confidentiality_note=data["text"]
        ),
    ),
    Step(
        name="withdraw",
        title="撤回",
        policy=permissions.publications,
        form=text_form("撤回原因（将在网站上向公众显示）", field="text"),
        help="撤回后，信息不再出现在列表、订阅和搜索中；原网址保留，显示撤回说明和撤回原因。",
        perform=lambda publication, user, data: publication_withdraw(
            publication=publication, actor=user, reason=data["text"]
        ),
    ),
    Step(
        name="revise",
        title="修改已发布信息",
        policy=permissions.publications,
        help="将生成一份修改稿。修改稿经审核批准前，网站上照常显示原信息。",
        button="创建修改稿",
        done="已创建修改稿，修改后请提交审核",
        perform=lambda publication, user, data: publication_start_revision(
            publication=publication, actor=user
        ),
    ),
]
