from django.core.management import BaseCommand
from tqdm import tqdm

from disclosure.models import Publication
from disclosure.services.search import rebuild_index


class Command(BaseCommand):
    help = (
        "重建站内检索索引：已发布的信息逐条重新写入，其他状态的信息移出索引；"
        "附件文字只提取尚未提取过的。可以重复运行，结果相同。"
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch", type=int, default=500, help="每批写入的条数（默认500）。")
        parser.add_argument("--quiet", action="store_true", help="不显示进度条。")

    def handle(self, *args, batch: int, quiet: bool, **options):
        total = Publication.objects.filter(
            status=Publication.Status.PUBLISHED, revision_of=None
        ).count()
        with tqdm(
            total=total,
            desc="重建检索索引",
            bar_format="{desc}：{percentage:3.0f}%|{bar}| {n_fmt}/{total_fmt}条［已用{elapsed}，还需{remaining}］",
            disable=quiet,
            file=self.stderr,
        ) as bar:
            done = rebuild_index(batch=max(batch, 1), progress=bar.update)
        self.stdout.write(f"检索索引已重建：{done}条已发布的信息。")
