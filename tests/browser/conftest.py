"""Every browser test fails when a page it showed in a Chinese UI had Chinese in the other script or a Taiwan word."""

import pytest

from tests.browser.checks import LANGUAGE_WATCHES


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """After the test's own steps (and only when they passed), assert what its pages' watches saw."""
    result = yield
    problems = [problem for watch in item.stash.get(LANGUAGE_WATCHES, []) for problem in watch.problems()]
    assert problems == [], "Chinese a reader of this UI would not take for their own:\n" + "\n".join(problems)
    return result
