"""The steps of handling an application: received, corrected, consulted, charged, extended, answered, closed."""

from disclosure import permissions
from disclosure.admin.applications.forms import (
    AnswerForm,
    CorrectionForm,
    ExtensionForm,
    FeeNoticeForm,
    FeePaidForm,
    NoteForm,
    OptionalNoteForm,
    ReasonForm,
)
from disclosure.admin.workflow import Step
from disclosure.lib import fees
from disclosure.lib.legal import (
    CORRECTION_WINDOW_WORKING_DAYS,
    MAX_EXTENSION_WORKING_DAYS,
    REPLY_WORKING_DAYS,
)
from disclosure.selectors.applications import earlier_pieces, fee_notice_of
from disclosure.services.applications import (
    application_answer,
    application_approve_answer,
    application_ask_correction,
    application_close,
    application_consult_third_party,
    application_correction_received,
    application_extend,
    application_fee_notice,
    application_fee_paid,
    application_receive,
    application_return_answer,
    application_third_party_replied,
)


def _with_due_date(text: str):
    """The step's help, and the reply's due date as it stands."""

    def help_for(application) -> str:
        if application.due_date:
            return f"{text}\n\n当前答复期限：{application.due_date:%Y-%m-%d}。"
        return text

    return help_for


def _answer_help(application) -> str:
    who = (
        "本科室只有一名工作人员，答复提交后直接发出，不经他人审核。"
        if not permissions.applications.reply_needs_review(application)
        else "提交后由本科室另一位审核人审核，审核通过才发出。"
    )
    return _with_due_date(f"选择答复类型（与年度报告的统计口径一致），上传答复书。{who}")(
        application
    )


def _fee_tiers() -> str:
    """The national tiers in words, as the member of staff checks the fee against them."""
    return (
        f"按件计收（同一申请人一个自然月内累计申请的件数）：{fees.piece_tiers_in_words()}。"
        f"\n\n按量计收（同一申请提供信息的页数）：{fees.page_tiers_in_words()}。"
    )


def _fee_notice_help(application) -> str:
    earlier = earlier_pieces(application)
    received_on = application.received_on
    return _with_due_date(
        "申请人申请公开政府信息的数量、频次明显超过合理范围的，可以收取信息处理费（国办函〔2020〕109号），"
        "收费通知只能发一次，系统按标准计算费用。"
        f"\n\n{_fee_tiers()}"
        f"\n\n该申请人（同一证件号码）{received_on.year}年{received_on.month}月在本件之前已申请{earlier}件，"
        f"按件计收的，本件从第{earlier + 1}件算起。"
        f"\n\n有应缴费用的，答复期限暂停计算，申请人应自收到收费通知次日起{fees.PAYMENT_WORKING_DAYS}个工作日内缴纳，"
        "逾期未缴纳的视为放弃申请，由系统终止办理。申请人确有经济困难的可以减免，须填写减免理由；"
        "按标准不收费或者全部减免的，答复期限照常计算。"
    )(application)


def _fee_paid_help(application) -> str:
    notice = fee_notice_of(application)
    if notice is None or notice.pay_by is None:
        return FEE_PAID
    return (
        f"应缴{fees.yuan(notice.amount)}，申请人{notice.notified_on:%Y-%m-%d}收到收费通知，"
        f"缴费期限{notice.pay_by:%Y-%m-%d}。\n\n{FEE_PAID}"
    )


def step(name: str, title: str, service, *, help, **options) -> Step:
    """A step of handling an application; its help ends with the due date as it stands."""
    shown = help if callable(help) else _with_due_date(help)
    return Step(
        name, title, service, permissions.applications, "application", help=shown, **options
    )


RECEIVE = (
    f"确认收到网上申请，以今天为收到申请之日，开始计算{REPLY_WORKING_DAYS}个工作日的答复期限。"
)
CORRECTION = f"收到申请之日起{CORRECTION_WINDOW_WORKING_DAYS}个工作日内，一次性告知需要补正的事项；答复期限从收到补正之日重新计算。"
CORRECTED = f"以今天为收到补正之日，答复期限重新计算{REPLY_WORKING_DAYS}个工作日。"
THIRD_PARTY = (
    "公开可能损害第三方合法权益的，书面征求第三方意见（条例第三十二条）；所需时间不计入答复期限。"
)
THIRD_PARTY_REPLIED = "第三方已答复，或者逾期未提出意见；答复期限从今天起继续计算。"
FEE_PAID = "填写申请人实际缴费的日期。自收到收费通知次日至缴费之日的工作日不计入答复期限，答复期限从缴费次日起继续计算。缴费期限过后不能再登记缴费。"
EXTEND = f"经政府信息公开工作机构负责人同意，可以延长一次，最长不超过{MAX_EXTENSION_WORKING_DAYS}个工作日，并告知申请人。由审核人操作，记为批准人。"
APPROVE = (
    "请先核对答复类型、答复要点和答复书（在申请页面下载）。审核通过后答复即发出，以今天为答复日期。"
)
RETURN = "退回后申请回到办理中，拟稿人按退回原因修改后重新提交；答复期限照常计算。"
CLOSE = "答复书送达后办结。请写明送达方式和日期。"

NOTE = (("note", "note"),)
CORRECTION_FIELDS = (("note", "note"), ("deadline", "deadline"))
EXTENSION_FIELDS = (("days", "days"), ("reason", "reason"))
FEE_NOTICE_FIELDS = tuple((name, name) for name in FeeNoticeForm.base_fields)
FEE_PAID_FIELDS = (("paid_on", "paid_on"), ("note", "note"))
ANSWER_FIELDS = (("reply_type", "reply_type"), ("note", "note"), ("reply_file", "reply_file"))

# One row a step: its name (the URL's and the policy's), title and service; then what it asks and says.
# fmt: off
STEPS = [
    step("receive", "确认收到", application_receive, help=RECEIVE, button="确认收到"),
    step("correction", "要求补正", application_ask_correction, form=CorrectionForm, arguments=CORRECTION_FIELDS, help=CORRECTION),
    step("correction_received", "登记收到补正", application_correction_received, form=OptionalNoteForm, arguments=NOTE, help=CORRECTED),
    step("third_party", "征求第三方意见", application_consult_third_party, form=NoteForm, arguments=NOTE, help=THIRD_PARTY),
    step("third_party_replied", "登记第三方意见", application_third_party_replied, form=OptionalNoteForm, arguments=NOTE, help=THIRD_PARTY_REPLIED),
    step("fee_notice", "收费通知", application_fee_notice, form=FeeNoticeForm, arguments=FEE_NOTICE_FIELDS, help=_fee_notice_help, button="登记收费通知", done="收费通知已登记"),
    step("fee_paid", "登记缴费", application_fee_paid, form=FeePaidForm, arguments=FEE_PAID_FIELDS, help=_fee_paid_help, button="登记缴费", done="缴费已登记"),
    step("extend", "延长答复期限", application_extend, form=ExtensionForm, arguments=EXTENSION_FIELDS, help=EXTEND),
    step("answer", "答复", application_answer, form=AnswerForm, arguments=ANSWER_FIELDS, help=_answer_help, button="提交答复", done="答复已提交"),
    step("approve_answer", "审核答复", application_approve_answer, help=APPROVE, button="审核通过，发出答复", done="审核通过，答复已发出"),
    step("return_answer", "退回答复", application_return_answer, form=ReasonForm, arguments=(("reason", "note"),), help=RETURN),
    step("close", "办结", application_close, form=NoteForm, arguments=NOTE, help=CLOSE),
]
# fmt: on
