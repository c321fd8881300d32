"""Errors the engine raises for input it cannot accept."""


class InvalidInput(ValueError):
    """Raised with every problem found in an input document, each naming the item (`applicants[3].prefs[1]: ...`)."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        super().__init__("; ".join(self.problems))
