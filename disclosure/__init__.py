"""The public-information portal: the catalogue, publishing, consultations and applications.

Layers, highest first (`lint-imports` checks them): `views`, `admin` and the
other entry points; `forms`; `services` (every change); `selectors` (shared
reads); `permissions` (one policy per model); `models`; `lib` (pure rules).
"""
