from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from disclosure.lib.words import normalised

MIN_TERM_LENGTH = 2


class CheckedWord(models.Model):
    """A wrong or sensitive expression (错敏词) that documents and comments are checked for."""

    class Severity(models.TextChoices):
        # The values are the matcher's (`disclosure.lib.words`).
        BLOCK = "block", "禁止（不得发布）"
        WARN = "warn", "提示（审核人确认）"

    term = models.CharField(
        "错敏词",
        max_length=100,
        unique=True,
        help_text="错误或敏感的写法。检查时不分全角半角、大小写，汉字之间的空格和换行不影响查找。",
    )
    correct = models.CharField(
        "正确写法", max_length=200, blank=True, help_text="敏感词没有正确写法的可以不填。"
    )
    severity = models.CharField(
        "处理方式",
        max_length=10,
        choices=Severity.choices,
        default=Severity.WARN,
        help_text="“禁止”的词不改正不能批准发布；“提示”的词由审核人逐条确认后可以发布。",
    )
    note = models.CharField("说明", max_length=300, blank=True, help_text="错误原因或依据。")
    is_active = models.BooleanField("启用", default=True)
    updated_at = models.DateTimeField("修改时间", auto_now=True)

    history = HistoricalRecords(verbose_name="错敏词历史版本", excluded_fields=["updated_at"])

    class Meta:
        verbose_name = "错敏词"
        verbose_name_plural = "错敏词"
        ordering = ["term"]

    def __str__(self) -> str:
        return self.term

    def clean(self) -> None:
        self.clean_wording()
        key = normalised(self.term)
        same = [
            word.term
            for word in CheckedWord.objects.exclude(pk=self.pk).only("term")
            if normalised(word.term) == key
        ]
        if same:
            raise ValidationError(
                {"term": f"已有相同的错敏词“{same[0]}”（不分全角半角、大小写）。"}
            )

    def clean_wording(self) -> None:
        """The word itself: long enough, and not part of its own correct form."""
        key = normalised(self.term or "")
        if len(key) < MIN_TERM_LENGTH:
            raise ValidationError({"term": f"错敏词至少要有{MIN_TERM_LENGTH}个字符。"})
        if self.correct and key in normalised(self.correct):
            raise ValidationError({"correct": "正确写法中含有这个错敏词，改正后仍会被查出。"})
