"""The public site, one module per domain.

`catalogue` (home, directory, item pages), `publications` (document pages and
lists), `consultations` (consultation lists and comments), `applications`
(依申请公开), `files` (attachment and photo downloads), `errors` and `health`.
`disclosure.urls` names each view by its module.
"""
