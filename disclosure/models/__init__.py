from .calendar import HolidaySchedule, HolidayScheduleDay
from .catalogue import (
    BUREAU_NAME,
    MAX_LEVEL,
    CatalogueItem,
    CatalogueItemQuerySet,
    Channel,
    DocumentField,
    Office,
    SiteProfile,
    tree_ordering,
)
from .offices import PROFILE_FIELDS, OfficeProfileChange
from .publications import (
    Attachment,
    IndexNumberSequence,
    Publication,
    PublicationEvent,
    PublicationQuerySet,
    StaffMember,
)

__all__ = [
    "BUREAU_NAME",
    "MAX_LEVEL",
    "PROFILE_FIELDS",
    "Attachment",
    "CatalogueItem",
    "CatalogueItemQuerySet",
    "Channel",
    "DocumentField",
    "HolidaySchedule",
    "HolidayScheduleDay",
    "IndexNumberSequence",
    "Office",
    "OfficeProfileChange",
    "Publication",
    "PublicationEvent",
    "PublicationQuerySet",
    "SiteProfile",
    "StaffMember",
    "tree_ordering",
]
