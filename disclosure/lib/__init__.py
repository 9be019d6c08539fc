"""Pure rules: working days and deadlines, the law's periods, identity numbers, codes,
masking, upload checks, slugs. Nothing here imports a model or the ORM
(`lint-imports` checks it), so each can be tested without a database."""
