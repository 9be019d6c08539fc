from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render

from minimal.rows.models import Row


def constant(request):
    return HttpResponse("ok")


def row_list(request):
    page = Paginator(Row.objects.all(), 20).get_page(request.GET.get("page"))
    return render(request, "rows/list.html", {"page": page})


def row_detail(request, pk):
    return render(request, "rows/detail.html", {"row": get_object_or_404(Row, pk=pk)})
