from disclosure.lib import legal
from disclosure.models import SiteProfile


def site_profile(request):
    return {"site_profile": SiteProfile.load()}


def legal_numbers(request):
    return {"legal": legal.as_dict()}
