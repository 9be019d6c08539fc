#!/usr/bin/env python
"""The minimal Django project the portal's pages are measured against (bench/pages.py)."""

import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "minimal.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
