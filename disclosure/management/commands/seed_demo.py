from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import User
from django.core.management import BaseCommand
from django.db import transaction

from disclosure import demo, demo_citizens
from disclosure.models import InformationRequest, Office, Publication, SiteProfile

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


class Command(BaseCommand):
    help = (
        "Fill the site with demo content: contact details, staff in each office and "
        "documents in every state, consultations and applications. Running it again adds nothing and prints the same accounts."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--documents",
            type=int,
            default=0,
            metavar="N",
            help="Also add N published documents (for benchmarks).",
        )
        parser.add_argument(
            "--accounts-file",
            default=str(Path(settings.BASE_DIR) / "var" / "demo-accounts.json"),
            help="Where the demo accounts' generated passwords are kept between runs.",
        )

    def handle(self, *args, documents: int, accounts_file: str, **options):
        if documents < 0:
            self.stderr.write("--documents 不能是负数。")
            raise SystemExit(2)
        with transaction.atomic():
            profile, _ = SiteProfile.objects.get_or_create(id=1)
            filled = _fill_blank(profile, DEMO_PROFILE)
            for office in Office.objects.filter(name__in=DEMO_OFFICES):
                filled += _fill_blank(office, DEMO_OFFICES[office.name] | DEMO_OFFICE_COMMON)
            accounts = demo.Accounts(Path(accounts_file))
            lines = demo.ensure_staff(accounts)
            accounts.save()
            demo_users = User.objects.filter(username__in=[line[1] for line in lines])
            if Publication.objects.filter(created_by__in=demo_users).exists():
                made = 0
            else:
                made = demo.create_documents()
            applications_file = Path(accounts_file).with_name("demo-applications.tsv")
            if not Publication.objects.filter(opens_on__isnull=False).exists():
                made += demo_citizens.create_consultations()
            if not InformationRequest.objects.exists():
                lines_made = demo_citizens.create_applications()
                applications_file.parent.mkdir(parents=True, exist_ok=True)
                applications_file.write_text(
                    "".join("\t".join(line) + "\n" for line in lines_made), encoding="utf-8"
                )
        self.stderr.write(f"演示数据：填写了{filled}个空白字段，新建了{made}条信息。")
        if applications_file.exists():
            self.stderr.write("演示的政府信息公开申请（申请编号、查询码、状态），可在网站上查询：")
            self.stderr.write(applications_file.read_text(encoding="utf-8").rstrip())
        if documents:
            added = demo.create_bulk_documents(documents)
            self.stderr.write(f"另外新建了{added}条已发布的信息。")
        self.stderr.write("演示账号（科室、用户名、密码、角色）：")
        for line in lines:
            self.stdout.write("\t".join(line))


def _fill_blank(obj, values: dict) -> int:
    blank = {field: value for field, value in values.items() if not getattr(obj, field)}
    for field, value in blank.items():
        setattr(obj, field, value)
    if blank:
        obj.save(update_fields=list(blank))
    return len(blank)
