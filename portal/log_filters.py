import logging


class ForbiddenWithoutTraceback(logging.Filter):
    """A refused request (403) is logged in one line: it is not an error of the site."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) == 403:
            record.exc_info = None
            record.exc_text = None
        return True
