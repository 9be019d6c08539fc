from disclosure.models.calendar import STATUTORY_HOLIDAYS, Holiday, HolidaySchedule
from disclosure.models.catalogue import (
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
from disclosure.models.consultations import Comment, FeedbackDecision
from disclosure.models.offices import PROFILE_FIELDS, OfficeProfileChange
from disclosure.models.publications import (
    Attachment,
    IndexNumberSequence,
    Publication,
    PublicationEvent,
    PublicationQuerySet,
    StaffMember,
)
from disclosure.models.requests import (
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
    "STATUTORY_HOLIDAYS",
    "Attachment",
    "CatalogueItem",
    "CatalogueItemQuerySet",
    "Channel",
    "ClientAttempt",
    "ClientLock",
    "Comment",
    "DocumentField",
    "FeedbackDecision",
    "Holiday",
    "HolidaySchedule",
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
