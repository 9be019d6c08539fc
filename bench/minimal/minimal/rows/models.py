from django.db import models


class Row(models.Model):
    """A document as plainly as it can be: ten fields, one index for the listing order."""

    title = models.CharField(max_length=200)
    doc_number = models.CharField(max_length=100, blank=True)
    index_number = models.CharField(max_length=40, unique=True)
    office = models.CharField(max_length=100)
    keywords = models.CharField(max_length=200, blank=True)
    summary = models.TextField(blank=True)
    body = models.TextField()
    written_on = models.DateField()
    published_at = models.DateTimeField()
    is_valid = models.BooleanField(default=True)

    class Meta:
        ordering = ["-published_at", "-id"]
        indexes = [models.Index(fields=["-published_at", "-id"])]

    def __str__(self):
        return self.title
