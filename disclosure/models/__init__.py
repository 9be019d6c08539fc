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
from .consultations import Comment, FeedbackDecision
from .offices import PROFILE_FIELDS, OfficeProfileChange
from .publications import (
    Attachment,
    IndexNumberSequence,
    Publication,
    PublicationEvent,
    PublicationQuerySet,
    StaffMember,
)
from .requests import (
    ClientAttempt,
    ClientLock,
    InformationRequest,
    PersonalDataView,
    ReplyType,
    RequestEvent,
    RequestNumberSequence,
)

__all__ = [
    "BUREAU_NAME",
    "MAX_LEVEL",
    "PROFILE_FIELDS",
    "Attachment",
    "CatalogueItem",
    "CatalogueItemQuerySet",
    "Channel",
    "ClientAttempt",
    "ClientLock",
    "Comment",
    "DocumentField",
    "FeedbackDecision",
    "HolidaySchedule",
    "HolidayScheduleDay",
    "IndexNumberSequence",
    "InformationRequest",
    "Office",
    "OfficeProfileChange",
    "PersonalDataView",
    "Publication",
    "PublicationEvent",
    "PublicationQuerySet",
    "ReplyType",
    "RequestEvent",
    "RequestNumberSequence",
    "SiteProfile",
    "StaffMember",
    "tree_ordering",
]
