from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@never_cache
@require_safe
def healthz(request):
    """200 when the database answers a query and the shared cache a ping, 503 when either does not.

    A cache kept in each process's memory (no REDIS_URL) has nothing to ask.
    """
    problems = []
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        problems.append("数据库不可用")
    is_reachable = getattr(cache, "is_reachable", None)
    if is_reachable is not None and not is_reachable():
        problems.append("缓存（Redis）不可用")
    if problems:
        return HttpResponse(
            "".join(f"{problem}\n" for problem in problems),
            status=503,
            content_type="text/plain; charset=utf-8",
        )
    return HttpResponse("ok\n", content_type="text/plain")
