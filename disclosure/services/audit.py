"""Records of who looked at citizens' personal data."""

from disclosure.models import PersonalDataView


def log_view(user, *, fields: str, path: str, application=None, comment=None) -> None:
    PersonalDataView.objects.create(
        user=user, application=application, comment=comment, fields=fields, path=path[:300]
    )
