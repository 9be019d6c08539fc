"""Demo contact details of the bureau (网站信息) and of four offices.

Only blank fields are filled, so whatever staff have written stays.
"""

from __future__ import annotations

from disclosure.models import Office, SiteProfile

DEMO_PROFILE = {
    "address": "内蒙古自治区呼伦贝尔市扎兰屯市（演示地址）",
    "postcode": "162650",
    "phone": "0470-0000000（演示号码）",
    "office_hours": "工作日 上午8:30—12:00，下午14:30—17:30（法定节假日除外）",
    "website_code": "1507830000",
    "icp_record": "蒙ICP备00000000号（演示）",
    "police_record": "蒙公网安备 15078302000000号（演示）",
}

DEMO_OFFICES = {
    "行政办公室": {
        "duties": "负责机关日常运转，承担文电、会务、机要、档案、政务公开、信息、安全保密、信访和建议提案办理等工作。",
        "head": "（演示）",
    },
    "财务规划办公室": {
        "duties": "负责机关及所属单位财务管理、预算决算编制和国有资产管理，承担人力资源和社会保障事业发展规划工作。",
        "head": "（演示）",
    },
    "就业服务中心": {
        "duties": "承担全市公共就业服务、就业援助、职业培训组织和招聘活动，落实就业补助资金政策。",
        "head": "（演示）",
    },
    "社会保险服务中心": {
        "duties": "承担全市养老、失业、工伤等社会保险参保登记、待遇核定和支付等经办服务。",
        "head": "（演示）",
    },
}
DEMO_OFFICE_COMMON = {
    "address": "扎兰屯市（演示地址）",
    "office_hours": "工作日 8:30—12:00，14:30—17:30",
    "phone": "0470-0000000（演示号码）",
}


def fill_contact_details() -> int:
    """Fill the blank contact fields of the site profile and the offices; returns how many."""
    profile, _ = SiteProfile.objects.get_or_create(id=1)
    filled = _fill_blank(profile, DEMO_PROFILE)
    for office in Office.objects.filter(name__in=DEMO_OFFICES):
        filled += _fill_blank(office, DEMO_OFFICES[office.name] | DEMO_OFFICE_COMMON)
    return filled


def _fill_blank(obj, values: dict) -> int:
    blank = {field: value for field, value in values.items() if not getattr(obj, field)}
    for field, value in blank.items():
        setattr(obj, field, value)
    if blank:
        obj.save(update_fields=list(blank))
    return len(blank)
