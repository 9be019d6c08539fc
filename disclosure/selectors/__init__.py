"""Reads that more than one page shares: the admin and the public views import them.

Each module is one domain; callers import the module they need
(`from disclosure.selectors import compliance`). A selector queries and
returns data; it changes nothing and builds no HTTP response.
"""
