"""Every model of the portal, each in the module its name says.

`site` the bureau's own particulars and the version of what citizens see; `offices` the offices, their staff and
changes to their particulars; `catalogue` the catalogue tree and channels;
`publications` documents and attachments; `consultations` comments and
feedback; `applications` 依申请公开; `calendar` the working-day calendar;
`audit` who did what (workflow events) and who saw personal data;
`links` the last check of every link citizens can follow; `ratelimit`
the counters that guard the citizens' forms; `search` the site search
index; `reports` the annual report and the figures staff enter for it;
`statements` the dated statements of columns with nothing new to publish;
`words` the checked words (错敏词) documents and comments are checked for;
`schedule` the day each of the site's daily jobs last ran.
"""

from disclosure.models.applications import (
    FeeNotice,
    InformationRequest,
    ReplyType,
    RequestNumberSequence,
)
from disclosure.models.audit import PersonalDataView, PublicationEvent, RequestEvent
from disclosure.models.calendar import STATUTORY_HOLIDAYS, Holiday, HolidaySchedule
from disclosure.models.catalogue import (
    MAX_LEVEL,
    CatalogueItem,
    CatalogueItemQuerySet,
    Channel,
    DocumentField,
    tree_ordering,
)
from disclosure.models.consultations import Comment, FeedbackDecision
from disclosure.models.links import LinkCheck
from disclosure.models.offices import PROFILE_FIELDS, Office, OfficeProfileChange, StaffMember
from disclosure.models.publications import (
    Attachment,
    IndexNumberSequence,
    Publication,
    PublicationQuerySet,
)
from disclosure.models.ratelimit import ClientAttempt, ClientLock
from disclosure.models.reports import AnnualReport, Appeal, YearlyFigures
from disclosure.models.schedule import ScheduledRun
from disclosure.models.search import HasPieces, Holds, SearchEntry
from disclosure.models.site import BUREAU_NAME, ContentVersion, SiteProfile
from disclosure.models.statements import STATEMENT_MAX_LENGTH, ItemStatement
from disclosure.models.words import CheckedWord

__all__ = [
    "BUREAU_NAME",
    "MAX_LEVEL",
    "PROFILE_FIELDS",
    "STATEMENT_MAX_LENGTH",
    "STATUTORY_HOLIDAYS",
    "AnnualReport",
    "Appeal",
    "Attachment",
    "CatalogueItem",
    "CatalogueItemQuerySet",
    "Channel",
    "CheckedWord",
    "ClientAttempt",
    "ClientLock",
    "Comment",
    "ContentVersion",
    "DocumentField",
    "FeeNotice",
    "FeedbackDecision",
    "HasPieces",
    "Holds",
    "Holiday",
    "HolidaySchedule",
    "IndexNumberSequence",
    "InformationRequest",
    "ItemStatement",
    "LinkCheck",
    "Office",
    "OfficeProfileChange",
    "PersonalDataView",
    "Publication",
    "PublicationEvent",
    "PublicationQuerySet",
    "ReplyType",
    "RequestEvent",
    "RequestNumberSequence",
    "ScheduledRun",
    "SearchEntry",
    "SiteProfile",
    "StaffMember",
    "YearlyFigures",
    "tree_ordering",
]
