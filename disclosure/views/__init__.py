from .health import healthz
from .public import directory, home, item_detail

__all__ = ["directory", "healthz", "home", "item_detail"]
