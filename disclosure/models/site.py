"""The bureau itself: its name and the particulars every page shows."""

from __future__ import annotations

import re

from django.db import models
from django.db.models import Q

BUREAU_NAME = "扎兰屯市人力资源和社会保障局"
ERROR_REPORT_URL = "https://zfwzzc.www.gov.cn/check_web/errorInfo/jcInfoNew?webCode="


class SiteProfile(models.Model):
    """The bureau's public particulars: one row, shown in every page's footer."""

    name = models.CharField("机关名称", max_length=100, default=BUREAU_NAME)
    address = models.CharField("办公地址", max_length=200, blank=True)
    postcode = models.CharField("邮政编码", max_length=10, blank=True)
    phone = models.CharField("联系电话", max_length=50, blank=True)
    email = models.EmailField("电子邮箱", blank=True)
    office_hours = models.CharField("办公时间", max_length=200, blank=True)
    domain = models.CharField(
        "网站域名",
        max_length=200,
        blank=True,
        help_text="本网站的域名及路径，不含“https://”，例：www.zlt.gov.cn/rsj。用于网页元数据。",
    )
    website_code = models.CharField(
        "网站标识码", max_length=30, blank=True, help_text="政府网站标识码，由上级主管部门分配。"
    )
    icp_record = models.CharField(
        "ICP备案号", max_length=50, blank=True, help_text="例：蒙ICP备XXXXXXXX号"
    )
    police_record = models.CharField(
        "公安机关备案号", max_length=50, blank=True, help_text="例：蒙公网安备 15078302000000号"
    )
    conac_url = models.URLField(
        "党政机关网站标识链接",
        max_length=300,
        blank=True,
        help_text="党政机关网站标识的注册信息页地址，例：https://bszs.conac.cn/sitename?method=show&id=……",
    )
    portal_name = models.CharField(
        "本级政府门户网站名称", max_length=100, blank=True, help_text="例：扎兰屯市人民政府"
    )
    portal_url = models.URLField("本级政府门户网站地址", max_length=300, blank=True)
    hotline_url = models.URLField(
        "12345统一互动平台地址",
        max_length=300,
        blank=True,
        help_text="群众咨询、投诉、建议的12345政务服务便民热线网上平台地址。",
    )
    services_url = models.URLField(
        "政务服务网地址",
        max_length=300,
        blank=True,
        help_text="网上办事的入口，例：内蒙古政务服务网 https://zwfw.nmg.gov.cn/",
    )

    class Meta:
        verbose_name = "网站信息"
        verbose_name_plural = "网站信息"
        constraints = [models.CheckConstraint(condition=Q(id=1), name="siteprofile_single_row")]

    def __str__(self) -> str:
        return self.name

    @property
    def police_record_code(self) -> str:
        """The record's number, the digits of 公安机关备案号, as the record system's link carries it."""
        return "".join(re.findall(r"\d", self.police_record))

    @property
    def error_report_url(self) -> str:
        """The national 我为政府网站找错 page for this site; it needs the site's 网站标识码."""
        if not self.website_code:
            return ""
        return ERROR_REPORT_URL + self.website_code

    @classmethod
    def load(cls) -> SiteProfile:
        """The saved profile, or the defaults until an administrator saves one."""
        return cls.objects.filter(id=1).first() or cls(id=1)


class ContentVersion(models.Model):
    """What citizens can see, as a number that grows whenever any of it changes.

    One row. Every service that changes a public page (a document published,
    withdrawn or revised, the catalogue, the site's or an office's
    particulars, a comment published) increases `number` in its own
    transaction, so anything kept under the number (a cached page, the
    catalogue tree) is never served after the change commits. A document
    scheduled for later becomes public without any write: `next_release_at`
    is the earliest such time, and the first request after it increases the
    number as well.
    """

    number = models.PositiveBigIntegerField("内容版本", default=1)
    changed_at = models.DateTimeField("更新时间", null=True, blank=True)
    next_release_at = models.DateTimeField("下一次定时发布时间", null=True, blank=True)

    class Meta:
        verbose_name = "公开内容版本"
        verbose_name_plural = "公开内容版本"
        constraints = [models.CheckConstraint(condition=Q(id=1), name="contentversion_single_row")]

    def __str__(self) -> str:
        return f"第{self.number}版"
