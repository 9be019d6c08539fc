from django.shortcuts import render


def csrf_failure(request, reason=""):
    """A form sent without a valid security token: explained in Chinese, with the way back."""
    return render(request, "403_csrf.html", status=403)
