"""The one error a workflow step raises when it may not run now."""


class WorkflowError(Exception):
    """A step that is not allowed now; the message is for the member of staff."""


def require(allowed: bool, message: str) -> None:
    """Refuse the step with `message` unless `allowed`."""
    if not allowed:
        raise WorkflowError(message)
