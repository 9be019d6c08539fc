"""A citizen comments on a consultation, applies for information and follows it up."""

import re

from playwright.sync_api import Page, expect

from disclosure.models import Comment, InformationRequest
from tests.browser.accessibility import assert_accessible

ID_CARD = "110101199003071233"


def test_a_citizen_comments_applies_and_looks_up_the_status(page: Page, site, settings):
    settings.SPAM_MIN_SECONDS = 1

    # From the home page to the open consultation.
    page.goto(f"{site}/")
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("零工市场管理办法")).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("零工市场管理办法")
    expect(page.locator(".consultation")).to_contain_text("征集中")
    assert_accessible(page)

    # A comment with a mistake: the error is next to the field and nothing typed is lost.
    page.get_by_label("署名（可不填）").fill("赵女士")
    page.get_by_label("联系方式（可不填）").fill("13700000000")
    page.get_by_label("意见内容").fill("短")
    page.wait_for_timeout(1100)
    page.get_by_role("button", name="提交意见").click()
    expect(page.locator(".error-summary")).to_contain_text("至少要写5个字")
    expect(page.get_by_label("署名（可不填）")).to_have_value("赵女士")
    assert_accessible(page)
    page.get_by_label(re.compile("^意见内容")).fill("建议在零工市场设置技能培训信息公告栏。")
    page.wait_for_timeout(1100)
    page.get_by_role("button", name="提交意见").click()
    expect(page.get_by_role("status")).to_contain_text("您的意见已提交")
    comment = Comment.objects.get(body="建议在零工市场设置技能培训信息公告栏。")
    assert comment.contact == "13700000000"
    expect(page.locator("body")).not_to_contain_text("13700000000")

    # The application form, from the navigation.
    page.get_by_role("navigation", name="主导航").get_by_role("link", name="依申请公开").click()
    assert_accessible(page)
    page.get_by_role("link", name="在线提交申请").click()
    assert_accessible(page)
    page.get_by_label("自然人").check()
    page.get_by_label("姓名或名称").fill("王小明")
    page.get_by_label("证件类型").select_option(label="居民身份证")
    page.get_by_label("证件号码").fill(ID_CARD[:-1] + "9")
    page.get_by_label("联系电话").fill("13912345678")
    page.get_by_label("电子邮箱").fill("wang@example.com")
    page.get_by_label("通信地址").fill("扎兰屯市某街道1号")
    page.get_by_label("所需信息的内容描述").fill("2025年度就业补助资金使用情况的明细。")
    page.get_by_label("电子数据").check()
    page.get_by_label("电子邮件").check()
    page.wait_for_timeout(1100)
    page.get_by_role("button", name="提交申请").click()
    expect(page.locator(".error-summary")).to_contain_text("居民身份证号码有误")
    expect(page.get_by_label("所需信息的内容描述")).to_have_value(
        "2025年度就业补助资金使用情况的明细。"
    )
    expect(page.get_by_label("电子邮件")).to_be_checked()
    assert_accessible(page)
    page.get_by_label(re.compile("^证件号码")).fill(ID_CARD)
    page.wait_for_timeout(1100)
    # A double click sends the form twice; one application is recorded.
    before = InformationRequest.objects.count()
    page.get_by_role("button", name="提交申请").dblclick()
    expect(page.get_by_role("heading", level=1)).to_have_text("申请已提交")
    assert InformationRequest.objects.count() == before + 1
    assert_accessible(page)
    codes = page.locator(".receipt__codes dd")
    number, code = codes.nth(0).inner_text(), codes.nth(1).inner_text()
    assert number.startswith("YSQ") and len(code) == 8

    # Looking up the status with both.
    page.get_by_role("link", name="查询办理进度").click()
    page.get_by_label("申请编号").fill(number)
    page.get_by_label("查询码").fill("WRONG123")
    page.get_by_role("button", name="查询").click()
    expect(page.locator(".error-summary")).to_contain_text("申请编号或查询码不正确")
    assert_accessible(page)
    page.get_by_label(re.compile("^查询码")).fill(code)
    page.get_by_role("button", name="查询").click()
    expect(page.get_by_role("heading", level=2, name=re.compile(number))).to_contain_text(
        "待确认收到"
    )
    expect(page.locator("body")).not_to_contain_text(ID_CARD)
    assert_accessible(page)


def test_consultation_pages_have_no_axe_violations(page: Page, site):
    page.goto(f"{site}/xxgk/yjzj/")
    assert_accessible(page)
    page.get_by_role("link", name="查看意见采纳情况").click()
    expect(page.locator(".decision-table")).to_contain_text("未采纳")
    assert_accessible(page)
    page.goto(f"{site}/xxgk/yjzj/")
    page.get_by_role("link", name=re.compile("就业见习管理办法")).click()
    expect(page.locator(".comment-form")).to_contain_text("不再接收意见")
    expect(page.locator(".consultation")).to_contain_text("已结束")
    assert_accessible(page)


def test_the_applicant_reads_a_fee_notice_on_the_lookup_page(page: Page, site):
    import uuid

    from django.utils import timezone

    from disclosure.models import FeeNotice, Office, StaffMember
    from disclosure.services.applications import (
        application_fee_notice,
        application_receive,
        application_submit,
    )
    from tests.citizens import application_data
    from tests.factories import make_staff

    clerk = make_staff("fee_clerk", Office.objects.get(name="行政办公室"), StaffMember.Role.EDITOR)
    application, code = application_submit(
        data=application_data(), client="test", token=uuid.uuid4()
    )
    application_receive(application=application, actor=clerk)
    application_fee_notice(
        application=application,
        actor=clerk,
        method=FeeNotice.Method.PER_VOLUME,
        quantity=120,
        payment_way=FeeNotice.PaymentWay.TRANSFER,
        payment_note="收款账号：1234567890",
        notified_on=timezone.localdate(),
    )
    page.goto(f"{site}/ysqgk/cx/")
    page.get_by_label("申请编号").fill(application.number)
    page.get_by_label("查询码").fill(code)
    page.get_by_role("button", name="查询").click()
    expect(page.get_by_role("heading", level=2)).to_contain_text("待缴纳信息处理费")
    expect(page.locator(".request-status")).to_contain_text("按量计收：共120页")
    expect(page.locator(".request-status")).to_contain_text("1100元")
    assert_accessible(page)
