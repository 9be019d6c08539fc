import logging


class ClientErrorsWithoutTraceback(logging.Filter):
    """A refused request (400, 403) is logged in one line: it is not an error of the site."""

    def filter(self, record: logging.LogRecord) -> bool:
        if 400 <= getattr(record, "status_code", 0) < 500:
            record.exc_info = None
            record.exc_text = None
        return True
