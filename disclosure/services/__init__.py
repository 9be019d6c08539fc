from .catalogue import (
    ImportSummary,
    catalogue_import,
    catalogue_item_save,
    catalogue_items_set_active,
)
from .offices import (
    office_change_approve,
    office_change_return,
    office_change_save_draft,
    office_change_submit,
)
from .publications import (
    WorkflowError,
    next_index_number,
    publication_approve,
    publication_restore,
    publication_return,
    publication_save_draft,
    publication_start_revision,
    publication_submit,
    publication_withdraw,
)

__all__ = [
    "ImportSummary",
    "WorkflowError",
    "catalogue_import",
    "catalogue_item_save",
    "catalogue_items_set_active",
    "next_index_number",
    "office_change_approve",
    "office_change_return",
    "office_change_save_draft",
    "office_change_submit",
    "publication_approve",
    "publication_restore",
    "publication_return",
    "publication_save_draft",
    "publication_start_revision",
    "publication_submit",
    "publication_withdraw",
]
