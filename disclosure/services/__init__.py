"""Every change to the portal's data, one module per domain: `<entity>_<action>` functions.

Each step checks who acts (`disclosure.permissions`), changes the rows in one
transaction and records what it did; a step that may not run now raises
`disclosure.exceptions.WorkflowError` with a message for the member of staff.
"""
