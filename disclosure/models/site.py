"""The bureau itself: its name and the particulars every page shows."""

from __future__ import annotations

from django.db import models
from django.db.models import Q

BUREAU_NAME = "扎兰屯市人力资源和社会保障局"


class SiteProfile(models.Model):
    """The bureau's public particulars: one row, shown in every page's footer."""

    name = models.CharField("机关名称", max_length=100, default=BUREAU_NAME)
    address = models.CharField("办公地址", max_length=200, blank=True)
    postcode = models.CharField("邮政编码", max_length=10, blank=True)
    phone = models.CharField("联系电话", max_length=50, blank=True)
    email = models.EmailField("电子邮箱", blank=True)
    office_hours = models.CharField("办公时间", max_length=200, blank=True)
    website_code = models.CharField(
        "网站标识码", max_length=30, blank=True, help_text="政府网站标识码，由上级主管部门分配。"
    )
    icp_record = models.CharField(
        "ICP备案号", max_length=50, blank=True, help_text="例：蒙ICP备XXXXXXXX号"
    )
    police_record = models.CharField(
        "公安机关备案号", max_length=50, blank=True, help_text="例：蒙公网安备 15078302000000号"
    )

    class Meta:
        verbose_name = "网站信息"
        verbose_name_plural = "网站信息"
        constraints = [models.CheckConstraint(condition=Q(id=1), name="siteprofile_single_row")]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def load(cls) -> SiteProfile:
        """The saved profile, or the defaults until an administrator saves one."""
        return cls.objects.filter(id=1).first() or cls(id=1)
