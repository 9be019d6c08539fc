import random
from datetime import timedelta

from django.core.management import BaseCommand
from django.utils import timezone

from minimal.rows.models import Row

SENTENCES = [
    "为贯彻落实国家和自治区关于稳就业保民生的决策部署，结合我市实际，现就有关事项通知如下。",
    "对吸纳离校未就业高校毕业生的企业，按规定落实一次性吸纳就业补贴和社会保险补贴。",
    "用人单位应当依法与劳动者订立书面劳动合同，按时足额支付劳动报酬，依法缴纳社会保险费。",
    "各单位要加强组织领导，明确责任分工，确保各项政策措施落地见效。",
    "本通知自印发之日起施行，此前有关规定与本通知不一致的，以本通知为准。",
]


class Command(BaseCommand):
    help = "Fill the table with N rows of document-like text."

    def add_arguments(self, parser):
        parser.add_argument("--rows", type=int, default=10_000)

    def handle(self, *args, rows: int, **options):
        rng = random.Random(20261130)
        now = timezone.now()
        Row.objects.all().delete()
        batch = []
        for n in range(1, rows + 1):
            published_at = now - timedelta(
                days=rng.randint(1, 5 * 365), minutes=rng.randint(0, 1440)
            )
            sentences = [rng.choice(SENTENCES) for _ in range(rng.randint(5, 30))]
            batch.append(
                Row(
                    title=f"扎兰屯市人力资源和社会保障局关于做好就业创业工作的通知（第{n}号）",
                    doc_number=f"扎人社发〔{published_at.year}〕{n}号",
                    index_number=f"000000000000000000/{published_at.year}-{n:05d}",
                    office="扎兰屯市人力资源和社会保障局",
                    keywords="就业 补贴",
                    summary=sentences[0],
                    body="\n\n".join(sentences),
                    written_on=published_at.date(),
                    published_at=published_at,
                )
            )
        Row.objects.bulk_create(batch, batch_size=1000)
        self.stdout.write(f"{Row.objects.count()} rows")
