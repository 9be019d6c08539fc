"""The steps of handling an application: received, corrected, consulted, extended, answered, closed."""

from disclosure import permissions
from disclosure.admin.applications.forms import (
    AnswerForm,
    CorrectionForm,
    ExtensionForm,
    NoteForm,
    OptionalNoteForm,
    ReasonForm,
)
from disclosure.admin.workflow import Step
from disclosure.lib.legal import (
    CORRECTION_WINDOW_WORKING_DAYS,
    MAX_EXTENSION_WORKING_DAYS,
    REPLY_WORKING_DAYS,
)
from disclosure.services.applications import (
    application_answer,
    application_approve_answer,
    application_ask_correction,
    application_close,
    application_consult_third_party,
    application_correction_received,
    application_extend,
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


def _step(name: str, title: str, help: str, perform, **options) -> Step:
    return Step(
        name=name,
        title=title,
        policy=permissions.applications,
        help=_with_due_date(help),
        perform=perform,
        **options,
    )


STEPS = [
    _step(
        "receive",
        "确认收到",
        f"确认收到网上申请，以今天为收到申请之日，开始计算{REPLY_WORKING_DAYS}个工作日的答复期限。",
        lambda a, u, d: application_receive(application=a, actor=u),
        button="确认收到",
    ),
    _step(
        "correction",
        "要求补正",
        f"收到申请之日起{CORRECTION_WINDOW_WORKING_DAYS}个工作日内，一次性告知需要补正的事项；答复期限从收到补正之日重新计算。",
        lambda a, u, d: application_ask_correction(
            application=a, actor=u, note=d["note"], deadline=d["deadline"]
        ),
        form=CorrectionForm,
    ),
    _step(
        "correction_received",
        "登记收到补正",
        f"以今天为收到补正之日，答复期限重新计算{REPLY_WORKING_DAYS}个工作日。",
        lambda a, u, d: application_correction_received(application=a, actor=u, note=d["note"]),
        form=OptionalNoteForm,
    ),
    _step(
        "third_party",
        "征求第三方意见",
        "公开可能损害第三方合法权益的，书面征求第三方意见（条例第三十二条）；所需时间不计入答复期限。",
        lambda a, u, d: application_consult_third_party(application=a, actor=u, note=d["note"]),
        form=NoteForm,
    ),
    _step(
        "third_party_replied",
        "登记第三方意见",
        "第三方已答复，或者逾期未提出意见；答复期限从今天起继续计算。",
        lambda a, u, d: application_third_party_replied(application=a, actor=u, note=d["note"]),
        form=OptionalNoteForm,
    ),
    _step(
        "extend",
        "延长答复期限",
        f"经政府信息公开工作机构负责人同意，可以延长一次，最长不超过{MAX_EXTENSION_WORKING_DAYS}个工作日，并告知申请人。由审核人操作，记为批准人。",
        lambda a, u, d: application_extend(
            application=a, actor=u, days=d["days"], reason=d["reason"]
        ),
        form=ExtensionForm,
    ),
    Step(
        name="answer",
        title="答复",
        policy=permissions.applications,
        help=_answer_help,
        button="提交答复",
        done="答复已提交",
        form=AnswerForm,
        perform=lambda a, u, d: application_answer(
            application=a,
            actor=u,
            reply_type=d["reply_type"],
            note=d["note"],
            reply_file=d["reply_file"],
        ),
    ),
    _step(
        "approve_answer",
        "审核答复",
        "请先核对答复类型、答复要点和答复书（在申请页面下载）。审核通过后答复即发出，以今天为答复日期。",
        lambda a, u, d: application_approve_answer(application=a, actor=u),
        button="审核通过，发出答复",
        done="审核通过，答复已发出",
    ),
    _step(
        "return_answer",
        "退回答复",
        "退回后申请回到办理中，拟稿人按退回原因修改后重新提交；答复期限照常计算。",
        lambda a, u, d: application_return_answer(application=a, actor=u, reason=d["note"]),
        form=ReasonForm,
    ),
    _step(
        "close",
        "办结",
        "答复书送达后办结。请写明送达方式和日期。",
        lambda a, u, d: application_close(application=a, actor=u, note=d["note"]),
        form=NoteForm,
    ),
]
