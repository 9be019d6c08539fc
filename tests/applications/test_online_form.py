"""The application form, the receipt and the status lookup, as a citizen uses them."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from disclosure.lib.identity import valid_id_card
from disclosure.models import InformationRequest, RequestEvent
from tests.citizens import ID_NUMBER, application_form, shown

APPLY = "/ysqgk/sq/"
RECEIPT = "/ysqgk/hz/"
LOOKUP = "/ysqgk/cx/"


def submit(client, **fields):
    return client.post(APPLY, application_form(**fields))


def test_guide_explains_how_to_apply_and_links_both_forms(client, catalogue):
    page = client.get("/ysqgk/").content.decode()
    assert "20个工作日" in page and "7个工作日" in page
    assert 'href="/ysqgk/sq/"' in page and 'href="/ysqgk/cx/"' in page
    home = client.get("/").content.decode()
    assert 'href="/ysqgk/sq/"' in home and 'href="/ysqgk/"' in home


def test_the_legal_periods_on_the_guide_come_from_the_one_place_they_are_set(
    client, catalogue, monkeypatch
):
    from disclosure.lib import legal

    monkeypatch.setattr(legal, "REPLY_WORKING_DAYS", 15)
    monkeypatch.setattr(legal, "CORRECTION_WINDOW_WORKING_DAYS", 5)
    page = client.get("/ysqgk/").content.decode()
    assert "15个工作日" in page and "5个工作日" in page
    assert "之日起20个工作日内答复" not in page


def test_a_person_applies_and_sees_the_number_and_query_code_once(client, catalogue):
    receipt = submit(client)
    assert receipt.status_code == 200
    application = InformationRequest.objects.get()
    assert application.status == InformationRequest.Status.SUBMITTED
    assert application.office.name == "行政办公室"
    assert application.id_number == ID_NUMBER
    assert application.events.get().action == RequestEvent.Action.SUBMITTED
    page = receipt.content.decode()
    assert "申请已提交" in page and application.number in page
    code = receipt.context["code"]
    assert len(code) == 8 and code in page
    assert ID_NUMBER not in page
    assert receipt["Cache-Control"].startswith("max-age=0")
    # The receipt's address leads to the lookup: nothing of the receipt is kept.
    later = client.get(RECEIPT)
    assert later.status_code == 302 and later["Location"] == LOOKUP


def test_the_query_code_is_kept_nowhere_but_as_a_hash(client, catalogue):
    from django.contrib.sessions.models import Session

    code = submit(client).context["code"]
    client.get(RECEIPT)
    client.get(LOOKUP)
    application = InformationRequest.objects.get()
    assert code not in application.code_hash
    for session in Session.objects.all():
        assert code not in str(session.get_decoded())
        assert code not in session.session_data


def test_status_lookup_with_number_and_code(client, catalogue):
    code = submit(client).context["code"]
    application = InformationRequest.objects.get()
    found = client.post(LOOKUP, {"number": application.number, "code": code.lower()})
    page = found.content.decode()
    assert "待确认收到" in page and application.number in page and "网上提交" in page
    assert ID_NUMBER not in page and "王小明" not in page
    wrong = client.post(LOOKUP, {"number": application.number, "code": "AAAAAAAA"})
    page = wrong.content.decode()
    assert "申请编号或查询码不正确" in page and application.number in page


def test_lookups_are_limited_after_repeated_failures(client, catalogue, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "lookup": (3, 3600)}
    code = submit(client).context["code"]
    number = InformationRequest.objects.get().number
    for _ in range(5):
        assert (
            "待确认收到" in client.post(LOOKUP, {"number": number, "code": code}).content.decode()
        )
    for _ in range(3):
        client.post(LOOKUP, {"number": number, "code": "WRONG"})
    blocked = client.post(LOOKUP, {"number": number, "code": code})
    assert "查询失败次数过多" in blocked.content.decode()
    assert "待确认收到" not in blocked.content.decode()


def test_organisations_give_their_credit_code_and_representatives(client, catalogue):
    response = submit(
        client,
        applicant_type="business",
        name="扎兰屯市某建筑有限公司",
        id_type="id_card",
        id_number=ID_NUMBER,
    )
    page = response.content.decode()
    assert "法人或其他组织请选择统一社会信用代码证书" in page
    assert "法人或其他组织请填写法定代表人或负责人" in page
    assert "扎兰屯市某建筑有限公司" in page
    ok = submit(
        client,
        applicant_type="business",
        name="扎兰屯市某建筑有限公司",
        id_type="credit_code",
        id_number="91150783ma0000000x",
        legal_representative="钱经理",
        contact_person="孙会计",
    )
    assert ok.status_code == 200 and "申请已提交" in ok.content.decode()
    assert InformationRequest.objects.get().id_number == "91150783MA0000000X"


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"applicant_type": ""}, "applicant_type", "请选择申请人类型"),
        ({"name": ""}, "name", "请填写姓名或名称"),
        ({"id_number": "110101199003071235"}, "id_number", "居民身份证号码有误"),
        ({"id_type": "credit_code"}, "id_type", "自然人请选择身份证件"),
        ({"phone": "电话号码"}, "phone", "请填写有效的联系电话"),
        ({"email": ""}, "email", "选择以电子邮件获取信息，请填写电子邮箱"),
        ({"email": "not-an-email"}, "email", "电子邮箱格式不正确"),
        ({"postcode": "12345"}, "postcode", "邮政编码是6位数字"),
        ({"description": "短"}, "description", "至少要写5个字"),
        ({"description": "长" * 2001}, "description", "不能超过2000个字"),
        ({"address": "地" * 201}, "address", "不能超过200个字"),
        ({"form": "hologram"}, "form", "选择一个有效的选项"),
        ({"delivery": ""}, "delivery", "请选择获取信息的方式"),
    ],
)
def test_bad_input_is_explained_next_to_the_field_and_nothing_typed_is_lost(
    client, catalogue, fields, field, message
):
    response = submit(client, **fields)
    assert response.status_code == 200
    form = response.context["form"]
    assert any(message in error for error in form.errors[field]), form.errors
    page = response.content.decode()
    assert message in page
    assert 'class="error-summary"' in page
    # Every other value comes back as typed.
    for name, value in application_form(**fields).items():
        if name not in ("token", "shown", "website", field) and value:
            assert str(form[name].value()) == str(value)
    assert not InformationRequest.objects.exists()


def test_a_double_click_or_refresh_records_one_application_and_shows_the_same_receipt(
    client, catalogue
):
    data = application_form()
    first = client.post(APPLY, data)
    second = client.post(APPLY, data)
    assert first.status_code == second.status_code == 200
    assert InformationRequest.objects.count() == 1
    assert first.context["number"] == second.context["number"]
    assert first.context["code"] == second.context["code"] != ""


def test_applications_are_limited_per_client_per_day(client, catalogue, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "application": (2, 86400)}
    assert "申请已提交" in submit(client).content.decode()
    assert "申请已提交" in submit(client).content.decode()
    blocked = submit(client, description="第三件申请的内容描述")
    assert blocked.status_code == 200
    page = blocked.content.decode()
    assert "请明天再试" in page and "第三件申请的内容描述" in page
    assert InformationRequest.objects.count() == 2
    with time_machine.travel(timezone.now() + timedelta(days=1, minutes=1), tick=False):
        assert "申请已提交" in submit(client).content.decode()


HOSTILE = [
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "\u202etxt.exe",
    "😀" * 50,
    "{{ settings.SECRET_KEY }}",
    "\r\n\r\nSet-Cookie: x=1",
    "a" * 10000,
    "\x00\x01\x02",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_in_any_field_never_cause_a_server_error(client, catalogue, value):
    for field in ("name", "id_number", "phone", "address", "description", "doc_number", "email"):
        response = submit(client, **{field: value})
        assert response.status_code in (200, 302), field
        if response.status_code == 200:
            assert "<script>alert(1)</script>" not in response.content.decode()
    for field in ("number", "code"):
        response = client.post(LOOKUP, {"number": "YSQ2026-00001", "code": "X", field: value})
        assert response.status_code == 200


@hypothesis_settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.dictionaries(st.sampled_from(list(application_form())), st.text(max_size=300)))
def test_any_posted_values_get_a_page_not_an_error(client, catalogue, data):
    response = client.post(APPLY, {**application_form(), **data})
    assert response.status_code in (200, 302)


def test_id_card_check_character():
    assert valid_id_card("11010519491231002X")
    assert valid_id_card(ID_NUMBER)
    assert not valid_id_card("110105194912310021")
    assert not valid_id_card("11010519491231002")


@pytest.mark.parametrize(
    ("id_type", "number"),
    [
        (InformationRequest.IdType.ID_CARD, "110105194912310021"),
        (InformationRequest.IdType.CREDIT_CODE, "91150783MA0000000O"),
        (InformationRequest.IdType.PASSPORT, "E1"),
    ],
)
def test_the_model_refuses_a_wrong_identity_number_as_the_form_does(id_type, number):
    application = InformationRequest(id_type=id_type, id_number=number)
    with pytest.raises(ValidationError) as refused:
        application.clean()
    assert "id_number" in refused.value.message_dict


def test_a_form_without_its_security_token_is_explained_in_chinese(catalogue):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post(APPLY, application_form())
    assert response.status_code == 403
    assert "提交未成功" in response.content.decode()
    assert not InformationRequest.objects.exists()


def test_a_reply_under_review_is_not_shown_to_the_applicant(client, people):
    from disclosure.models import ReplyType
    from disclosure.services.applications import application_receive
    from tests.citizens import prepare_reply

    code = submit(client).context["code"]
    application = InformationRequest.objects.get()
    application_receive(application=application, actor=people.editor)
    prepare_reply(application, people.editor, ReplyType.REFUSED_THIRD_PARTY)
    page = client.post(LOOKUP, {"number": application.number, "code": code}).content.decode()
    assert "办理中" in page
    assert "答复待审核" not in page and "不予公开" not in page and "提交答复审核" not in page


def test_fax_delivery_needs_a_fax_number_and_other_deliveries_keep_none(client, catalogue):
    response = submit(client, delivery="fax", fax="")
    assert "选择以传真获取信息，请填写传真号码" in response.content.decode()
    assert not InformationRequest.objects.exists()
    assert "申请已提交" in submit(client, delivery="fax", fax="0470-1234567").content.decode()
    assert InformationRequest.objects.get().fax == "0470-1234567"
    submit(client, delivery="post", fax="0470-7654321")
    assert InformationRequest.objects.latest("id").fax == ""
    assert "请填写有效的传真号码" in submit(client, delivery="fax", fax="传真").content.decode()


def test_fields_bring_up_the_right_keyboard_and_say_when_they_apply(client, catalogue):
    page = client.get(APPLY).content.decode()
    assert re.search(r'<input type="tel" name="phone"[^>]*inputmode="tel"', page)
    assert re.search(r'<input type="tel" name="fax"', page)
    assert re.search(r'name="id_number"[^>]*autocapitalize="characters"', page)
    assert re.search(r'name="postcode"[^>]*inputmode="numeric"', page)
    assert re.search(r'<input type="email" name="email"', page)
    assert 'id="field-legal_representative" data-shown-when="applicant_type=business,' in page
    assert 'id="field-fax" data-shown-when="delivery=fax"' in page
    assert "法人或其他组织填写" in page  # without scripts, the field says who fills it in


def test_a_form_resent_after_the_secret_key_changed_shows_no_wrong_code(
    client, catalogue, settings
):
    data = application_form()
    first = client.post(APPLY, data)
    settings.SECRET_KEY = "another-" + "k" * 50
    again = client.post(APPLY, {**data, "shown": shown()})  # the form's time, signed anew
    assert InformationRequest.objects.count() == 1
    assert again.context["code"] == ""
    page = again.content.decode()
    assert first.context["number"] in page and "已在首次提交时显示" in page
