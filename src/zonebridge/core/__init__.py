"""What every app stands on, written once: trilingual texts, workflows, the audit trail, notifications,
jobs with progress, private files and domain errors. `core` imports no other app of ours."""
