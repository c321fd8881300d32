"""Layout details that only a browser shows."""

import pytest

# How many pixels narrower the button is than its label needs: a squeezed button breaks a Chinese label between
# its characters (measured by width, so it holds whatever fonts the machine has).
SQUEEZE = """(selector) => {
  const button = document.querySelector(selector);
  const shown = button.getBoundingClientRect().width;
  button.style.flex = "none";
  button.style.whiteSpace = "nowrap";
  const needed = button.getBoundingClientRect().width;
  button.style.flex = button.style.whiteSpace = "";
  return needed - shown;
}"""


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("device", ["browser_page", "phone_page"])
def test_the_home_search_button_is_never_squeezed(live_server_database, request, device):
    page = request.getfixturevalue(device)
    for language in ("en", "zh-hans", "zh-hant"):
        page.goto(f"{live_server_database.url}/{language}/")
        assert page.evaluate(SQUEEZE, "form[role=search] button") < 1, language
