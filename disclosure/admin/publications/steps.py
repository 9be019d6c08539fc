"""The steps of a publication: draft → submitted → published → withdrawn, and revisions."""

from functools import partial

from django import forms
from django.utils import timezone

from disclosure import permissions
from disclosure.admin.workflow import Step, text_form
from disclosure.selectors.words import publication_findings
from disclosure.services.publications import (
    publication_approve,
    publication_return,
    publication_start_revision,
    publication_submit,
    publication_withdraw,
    read_attachments,
)

REVIEW = (
    "批准前请完成保密审查（《政府信息公开条例》第十七条）：确认信息不涉及国家秘密、"
    "工作秘密、商业秘密和个人隐私。您的审查意见和姓名将记入流转记录。"
)
WITHDRAW = "撤回后，信息不再出现在列表、订阅和搜索中；原网址保留，显示撤回说明和撤回原因。"


def _approve_help(publication) -> str:
    if publication.published_at and publication.is_scheduled:
        when = f"发布日期：{timezone.localtime(publication.published_at):%Y-%m-%d %H:%M}，到时自动发布。"
    else:
        when = "批准后立即发布。"
    return f"{REVIEW}\n\n{when}"


SUBMIT = "提交后由本科室审核人审核，审核期间不能修改。"
SUBMIT_IN_FORM = "先保存本页的修改，再提交给本科室审核人；审核期间不能修改。"
REVISE = "将生成一份修改稿。修改稿经审核批准前，网站上照常显示原信息。"
REASON = (("reason", "text"),)
OPINION = (("confidentiality_note", "text"), ("confirmed_words", "confirmed"))
WORD_HITS = "admin/disclosure/includes/word_hits.html"


def _findings(publication):
    # Attachments of documents submitted before their text was read at submission are read now.
    read_attachments(publication)
    return publication_findings(publication)


def word_check(publication) -> dict:
    """The checked words (错敏词) found, for the submit and approve pages."""
    return {"findings": _findings(publication), "word_check": True}


def approve_form(publication) -> type[forms.Form]:
    """The confidentiality opinion, and a box to tick for each word warned about."""
    base = text_form("保密审查意见", field="text")
    terms = _findings(publication).warning_terms()
    if not terms:
        return base
    choices = [
        (
            term.term,
            f"“{term.term}”"
            + (f"（应为“{term.correct}”）" if term.correct else "")
            + "：已核对，保留原文",
        )
        for term in terms
    ]
    confirmed = forms.MultipleChoiceField(
        label="确认错敏词提示",
        choices=choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="请逐条核对上表标出的词语。需要改正的，请退回修改；确需保留原文的，逐条勾选确认，确认记入流转记录。",
    )
    return type("ApproveForm", (base,), {"confirmed": confirmed})


step = partial(Step, policy=permissions.publications, target="publication")

# One row a step: its name (the URL's and the policy's), title and service; then what it asks and says.
# fmt: off
STEPS = [
    step("submit", "提交审核", publication_submit, help=SUBMIT, in_form="保存并提交审核", in_form_help=SUBMIT_IN_FORM, detail=word_check, detail_template=WORD_HITS),
    step("return", "退回修改", publication_return, form=text_form("退回原因", field="text"), arguments=REASON),
    step("approve", "批准发布", publication_approve, form_for=approve_form, arguments=OPINION, help=_approve_help, detail=word_check, detail_template=WORD_HITS),
    step("withdraw", "撤回", publication_withdraw, form=text_form("撤回原因（将在网站上向公众显示）", field="text"), arguments=REASON, help=WITHDRAW),
    step("revise", "修改已发布信息", publication_start_revision, help=REVISE, button="创建修改稿", done="已创建修改稿，修改后请提交审核"),
]
# fmt: on
