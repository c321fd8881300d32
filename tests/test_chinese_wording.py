"""Chinese pages read as Hong Kong and mainland readers write: Django's own strings in our wording, no Taiwan
words on 繁 pages, no characters of the other script in the page frame."""

import re

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from tests.browser.checks import TAIWAN_WORDS
from tests.world import PASSWORD

# Machine-made or mixed-script phrases seen in Django's own catalogs.
MACHINE_MADE = ("个人資訊", "该帐号", "选择一个有效的选项", "不在可用的选项中", "新密碼確認")


def visible_text(response) -> str:
    """The text a reader sees: tags, scripts and styles removed."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture
def pages_with_django_strings(client, student, fintech_startup):
    """Pages whose text comes largely from Django: sign-in errors, reset, set-password, form errors."""
    def collect(language: str) -> dict[str, str]:
        client.logout()
        pages = {
            "sign-in error": client.post(f"/{language}/accounts/sign-in/", {"username": "student",
                                                                            "password": "wrong"}),
            "empty sign-in": client.post(f"/{language}/accounts/sign-in/", {}),
            "reset": client.get(f"/{language}/accounts/password-reset/"),
            "reset error": client.post(f"/{language}/accounts/password-reset/", {"email": "not-an-address"}),
            "bad filter": client.get(f"/{language}/organisations/", {"kind": "bogus"}),
        }
        student.refresh_from_db()  # signing in (below, for the other language) changes the token
        token = default_token_generator.make_token(student)
        uid = urlsafe_base64_encode(force_bytes(student.pk))
        set_password = client.get(f"/{language}/accounts/password-reset/{uid}/{token}/", follow=True)
        pages["set password"] = client.post(set_password.redirect_chain[-1][0], {
            "new_password1": "a-long-new-secret-1", "new_password2": "different-secret-2"})
        client.login(username="student", password=PASSWORD)
        pages["settings error"] = client.post(f"/{language}/accounts/settings/", {
            "account-display_name": "", "account-preferred_language": "zh-hant",
            "profile-contact_email": "not-an-address", "profile-date_of_birth": "yesterday"})
        return {name: visible_text(response) for name, response in pages.items()}
    return collect


def test_traditional_pages_use_hong_kong_words(pages_with_django_strings):
    found = [(page, word) for page, text in pages_with_django_strings("zh-hant").items()
             for word in TAIWAN_WORDS + MACHINE_MADE if word in text]
    assert found == []


def test_simplified_pages_have_no_machine_made_phrases(pages_with_django_strings):
    found = [(page, word) for page, text in pages_with_django_strings("zh-hans").items()
             for word in MACHINE_MADE if word in text]
    assert found == []


def test_django_messages_read_as_ours(pages_with_django_strings):
    hant = pages_with_django_strings("zh-hant")
    assert "電郵地址" in hant["reset"]
    assert "此欄位必須填寫" in hant["empty sign-in"]
    assert "兩次輸入的密碼不一致" in hant["set password"] and "確認新密碼" in hant["set password"]
    assert "用戶名稱或密碼不正確" in hant["sign-in error"] or "或密碼不正確" in hant["sign-in error"]
    hans = pages_with_django_strings("zh-hans")
    assert "邮箱地址" in hans["reset"]
    assert "请选择有效的选项" in hans["bad filter"]


def test_the_admin_pages_operators_use_have_no_taiwan_words(client, superuser, student, fintech_startup):
    client.force_login(superuser)
    pages = ["/zh-hant/admin/", "/zh-hant/admin/accounts/user/", f"/zh-hant/admin/accounts/user/{student.pk}/change/",
             f"/zh-hant/admin/directory/organisation/{fintech_startup.pk}/change/",
             f"/zh-hant/admin/auth/user/{student.pk}/password/".replace("auth/user", "accounts/user")]
    found = []
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        found += [(path, word) for word in TAIWAN_WORDS if word in visible_text(response)]
    assert found == []
