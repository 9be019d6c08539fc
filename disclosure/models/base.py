"""What every model module shares: locking a row, constraints' messages, yearly serial numbers."""

from __future__ import annotations

from typing import TypeVar

from django.db import models

M = TypeVar("M", bound=models.Model)


def locked(instance: M) -> M:
    """The row of `instance` read again and locked until the transaction ends.

    Every workflow step starts here, so two members of staff pressing
    buttons on the same object at the same moment act one after the other,
    the second on what the first left.
    """
    return type(instance)._default_manager.select_for_update().get(pk=instance.pk)


def constraint_message(model: type[models.Model], name: str) -> str:
    """What `model` says when its constraint `name` is broken."""
    found = next(each for each in model._meta.constraints if each.name == name)
    return str(found.violation_error_message)


class YearlySequence(models.Model):
    """The last serial handed out in a year; a serial is never handed out twice."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.year}: {self.last}"

    @classmethod
    def take(cls, year: int, count: int = 1) -> int:
        """The next serial of `year` (the first of `count` in a row).

        Call it inside the transaction that uses the serials.
        """
        cls.objects.get_or_create(year=year)
        sequence = cls.objects.select_for_update().get(year=year)
        first = sequence.last + 1
        sequence.last += count
        sequence.save(update_fields=["last"])
        return first
