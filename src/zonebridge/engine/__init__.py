"""Framework-free algorithms: text normalisation, retrieval, placement, meeting scheduling.

Nothing in this package imports Django; it takes and returns plain data (see ../shared/contracts).
"""
