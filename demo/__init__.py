"""Demo content for a local run: staff, documents, consultations and applications.

Installed only when the DEMO setting is on (`make run`, `make dev`, the
tests); production runs without it. Nothing in `disclosure` imports it: the
demo builds everything through the services in `disclosure.services`, as
staff and citizens would.
"""
