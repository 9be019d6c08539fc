"""The last check of every link citizens can follow: in documents, attachments and the site's footer."""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from disclosure.lib import link_requests
from disclosure.models.publications import Attachment, Publication


class LinkCheck(models.Model):
    """One link of one place, as `manage.py check_links` last found it.

    Each run replaces the rows of the places it checks; `broken_since`
    carries over while the link stays broken.
    """

    class Result(models.TextChoices):
        OK = link_requests.OK, "正常"
        REDIRECTED = link_requests.REDIRECTED, "已跳转"
        BROKEN = link_requests.BROKEN, "失效"
        TIMEOUT = link_requests.TIMEOUT, "超时"
        UNCHECKED = link_requests.UNCHECKED, "未检查"

    class Place(models.TextChoices):
        BODY = "body", "正文"
        DRAFTING_NOTE = "drafting_note", "起草说明"
        ATTACHMENT = "attachment", "附件"
        SITE_PROFILE = "site_profile", "网站信息"

    # What the dashboard lists as broken: a citizen following the link gets nothing.
    BROKEN_RESULTS = [Result.BROKEN, Result.TIMEOUT]

    publication = models.ForeignKey(
        Publication,
        verbose_name="所在信息",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="link_checks",
    )
    attachment = models.ForeignKey(
        Attachment,
        verbose_name="附件",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="link_checks",
    )
    place = models.CharField("位置", max_length=20, choices=Place.choices)
    field = models.CharField(
        "栏目",
        max_length=50,
        blank=True,
        help_text="网站信息中的哪一项，例如本级政府门户网站地址。",
    )
    url = models.CharField("链接地址", max_length=2000)
    text = models.CharField("链接文字", max_length=200, blank=True)
    internal = models.BooleanField("站内链接")
    result = models.CharField("检查结果", max_length=12, choices=Result.choices, db_index=True)
    status_code = models.PositiveSmallIntegerField("HTTP状态码", null=True, blank=True)
    error = models.CharField("问题说明", max_length=300, blank=True)
    final_url = models.CharField("跳转后的地址", max_length=2000, blank=True)
    broken_since = models.DateTimeField("首次发现失效", null=True, blank=True)
    checked_at = models.DateTimeField("检查时间")

    class Meta:
        verbose_name = "链接检查结果"
        verbose_name_plural = "链接检查结果"
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(place="site_profile") & Q(publication__isnull=True))
                | (~Q(place="site_profile") & Q(publication__isnull=False)),
                name="linkcheck_site_or_publication",
            ),
            models.CheckConstraint(
                condition=(Q(place="attachment") & Q(attachment__isnull=False))
                | (~Q(place="attachment") & Q(attachment__isnull=True)),
                name="linkcheck_attachment_place",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.url}（{self.get_result_display()}）"

    @property
    def is_broken(self) -> bool:
        return self.result in self.BROKEN_RESULTS

    @property
    def office_name(self) -> str:
        """The office that answers for the link; the site's own particulars are the administrators'."""
        return self.publication.office.name if self.publication_id else "网站信息"
