"""Records of who looked at citizens' personal data."""

from disclosure.models import PersonalDataView


def log_view(user, *, fields: str, path: str, request=None, comment=None) -> None:
    PersonalDataView.objects.create(
        user=user, request=request, comment=comment, fields=fields, path=path[:300]
    )
