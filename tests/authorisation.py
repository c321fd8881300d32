"""The authorisation matrix: what every role gets from every page and every API operation.

tests/test_authorisation_matrix.py walks every URL pattern of the project and every operation of
`/api/openapi.json` and checks it against the rules below. A page or an operation with no rule fails that
test: when you add one, add its line here. One line per route; the roles are the columns:

    anonymous · student · org_member · org_admin (of TidePay) · other_org_admin (of a Lingang company) ·
    coordinator · reviewer · mentor · zone_operator (of Harbour Innovation Hub, TidePay's zone) ·
    other_zone_operator (of Lingang) · superuser

Outcomes are classes of answer: OK is 2xx, or 3xx to anything but a sign-in page; LOGIN is a redirect to a
sign-in page; UNAUTHENTICATED is the API's 401; FORBIDDEN 403; NOT_FOUND 404; NOT_ALLOWED 405 (wrong method).
`hidden` lists what a role must not find in the answer (rows of a list, personal data on a page); its
keys are names from `MARKERS`, filled from the test world.
"""

from dataclasses import dataclass, field

ROLES = ("anonymous", "student", "org_member", "org_admin", "other_org_admin", "coordinator", "reviewer", "mentor",
         "zone_operator", "other_zone_operator", "superuser")
SIGNED_IN_ROLES = ROLES[1:]

OK, LOGIN, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, NOT_ALLOWED = "ok", "login", "401", "403", "404", "405"


def everyone(outcome: str = OK) -> dict[str, str]:
    """The same outcome for every role, anonymous included."""
    return dict.fromkeys(ROLES, outcome)


def signed_in(outcome: str = OK, *, anonymous: str = LOGIN) -> dict[str, str]:
    """`outcome` for every signed-in role; visitors are sent to sign in."""
    return {"anonymous": anonymous, **dict.fromkeys(SIGNED_IN_ROLES, outcome)}


def only(*roles: str, others: str = FORBIDDEN, anonymous: str = LOGIN) -> dict[str, str]:
    """OK for `roles`, `others` for the rest of the signed-in roles, `anonymous` for visitors."""
    unknown = set(roles) - set(ROLES)
    assert not unknown, f"unknown roles {unknown}"
    return {"anonymous": anonymous, **{role: OK if role in roles else others for role in SIGNED_IN_ROLES}}


def all_but(*roles: str) -> tuple[str, ...]:
    """Every role except `roles` (for `hidden`)."""
    return tuple(role for role in ROLES if role not in roles)


# Who may edit TidePay's profile: its admins, the operators of its home zone, superusers.
ORGANISATION_EDITORS = ("org_admin", "zone_operator", "superuser")
# Who sees the student's personal data (same zone, no consent given): the student, the zone's operators, superusers.
STUDENT_DATA_READERS = ("student", "zone_operator", "superuser")


@dataclass(frozen=True)
class Rule:
    """The expected outcome per role of one request to one route."""

    route: str
    expected: dict[str, str]
    method: str = "GET"
    # Path parameters that differ from PATH_VALUES for this case (e.g. a person who is not listed).
    params: dict[str, str] = field(default_factory=dict)
    # The form or JSON body; the query string of a GET.
    data: dict = field(default_factory=dict)
    # Marker name (see MARKERS) → roles that must not find it in the answer.
    hidden: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def id(self) -> str:
        """A readable test id: method, route and the parameters that make this case special."""
        special = ",".join(f"{name}={value}" for name, value in self.params.items())
        return f"{self.method} {self.route}" + (f" [{special}]" if special else "")


# Path parameters by name. Values starting with "@" are looked up in the test world (see the test module).
PATH_VALUES = {
    "lang": "en",
    "slug": "tidepay",
    "username": "student",
    "token_id": "@org_admin_token_id",
    "uidb64": "MQ",
    "token": "not-a-valid-token",
    "path": "logos/matrix.png",
    # The admin's parameters: an object of the model the route is about, and so on.
    "object_id": "@admin_object_id",
    "content_type_id": "@organisation_content_type_id",
    "id": "@student_id",
    "app_label": "directory",
    "url": "no-such-admin-page/",
    # Core's records: ids that exist for nobody (their owners' access is tested in tests/core).
    "file_id": "00000000-0000-4000-8000-000000000000",
    "job_id": "00000000-0000-4000-8000-000000000001",
    "notification_id": "999999",
}

# Strings a role must not find, by name; the test world makes each unique.
MARKERS = {
    "unlisted person": "hermit-unlisted",
    "inactive person": "departed-inactive",
    "student phone": "+852 5555 0101",
    "student e-mail": "student@contact.example",
}
NOT_LISTED = {"unlisted person": ROLES, "inactive person": ROLES}

PAGES = [
    Rule("api/", everyone(NOT_FOUND)),
    Rule("api/openapi.json", everyone()),
    Rule("api/docs", everyone()),
    Rule("i18n/switch/", everyone(), method="POST", data={"language": "zh-hant"}),
    Rule("media/<path:path>", everyone()),  # logos are public; private files will never live under MEDIA_ROOT
    Rule("<lang>/", everyone()),
    Rule("<lang>/organisations/", everyone()),
    Rule("<lang>/organisations/<slug:slug>/", everyone(), hidden=NOT_LISTED),
    Rule("<lang>/organisations/<slug:slug>/", everyone(NOT_FOUND), params={"slug": "no-such-organisation"}),
    Rule("<lang>/organisations/<slug:slug>/edit/", only(*ORGANISATION_EDITORS)),
    Rule("<lang>/organisations/<slug:slug>/edit/", only(*ORGANISATION_EDITORS), method="POST",
         data={"name_en": "Renamed by the matrix", "kind": "startup", "chinese_source": "zh_hant"}),
    Rule("<lang>/people/<str:username>/", everyone(),
         hidden={"student phone": all_but(*STUDENT_DATA_READERS), "student e-mail": all_but(*STUDENT_DATA_READERS)}),
    Rule("<lang>/people/<str:username>/", everyone(NOT_FOUND), params={"username": "hermit"}),
    Rule("<lang>/people/<str:username>/", everyone(NOT_FOUND), params={"username": "departed"}),
    Rule("<lang>/accounts/sign-in/", everyone()),
    Rule("<lang>/accounts/sign-out/", everyone(), method="POST"),
    Rule("<lang>/accounts/password-reset/", everyone()),
    Rule("<lang>/accounts/password-reset/sent/", everyone()),
    Rule("<lang>/accounts/password-reset/<uidb64>/<token>/", everyone()),
    Rule("<lang>/accounts/password-reset/done/", everyone()),
    Rule("<lang>/accounts/settings/", signed_in()),
    Rule("<lang>/accounts/settings/consent/", signed_in(), method="POST", data={"action": "grant"}),
    Rule("<lang>/accounts/settings/consent/", signed_in(NOT_ALLOWED)),
    Rule("<lang>/accounts/settings/api-tokens/", signed_in()),
    # Anyone signed in may ask; only the owner's request revokes (test_revoking_is_for_the_token_owner).
    Rule("<lang>/accounts/settings/api-tokens/<int:token_id>/revoke/", signed_in(), method="POST"),
    # Core: a person's own notifications and jobs; private files only as their kind's rule allows.
    Rule("files/<uuid:file_id>/", everyone(NOT_FOUND)),
    Rule("<lang>/notifications/", signed_in()),
    Rule("<lang>/notifications/read-all/", signed_in(), method="POST"),
    Rule("<lang>/notifications/settings/", signed_in()),
    Rule("<lang>/notifications/<int:notification_id>/open/", signed_in(NOT_FOUND), method="POST"),
    Rule("<lang>/jobs/<uuid:job_id>/", signed_in(NOT_FOUND)),
    Rule("<lang>/jobs/<uuid:job_id>/progress/", signed_in(NOT_FOUND)),
]

# The whole Django admin, one rule: staff only. Everyone else is sent to the admin's sign-in page; a superuser
# is let in (what the admin answers then, e.g. a 404 for a missing object, is the admin's own business).
ADMIN_PREFIX = "<lang>/admin/"
ADMIN = only("superuser", others=LOGIN)
# Except: the sign-in page itself, and signing out by GET (only POST signs out; visitors go to the index).
ADMIN_EXCEPTIONS = {
    "<lang>/admin/login/": everyone(),
    "<lang>/admin/logout/": {**everyone(), "superuser": NOT_ALLOWED},
}

API = [
    Rule("/api/v1/zones", everyone()),
    Rule("/api/v1/sectors", everyone()),
    Rule("/api/v1/organisations", everyone()),
    Rule("/api/v1/organisations/{slug}", everyone()),
    Rule("/api/v1/organisations/{slug}", everyone(NOT_FOUND), params={"slug": "no-such-organisation"}),
    Rule("/api/v1/organisations/{slug}", only(*ORGANISATION_EDITORS, anonymous=UNAUTHENTICATED), method="PATCH",
         data={"summary_en": "Patched by the matrix"}),
    Rule("/api/v1/people", everyone(), data={"page_size": 100},
         hidden={**NOT_LISTED, "student phone": ROLES, "student e-mail": ROLES}),
    Rule("/api/v1/people/{username}", everyone(), hidden={"student phone": ROLES, "student e-mail": ROLES}),
    Rule("/api/v1/people/{username}", everyone(NOT_FOUND), params={"username": "hermit"}),
    Rule("/api/v1/people/{username}", everyone(NOT_FOUND), params={"username": "departed"}),
]


def _app_tables() -> list:
    """The rule modules of the apps: `tests/<app>/authorisation.py`, each with PAGES, API and optionally
    PATH_VALUES, MARKERS and `build_world(world) -> dict` (the app's objects for its path parameters)."""
    import importlib
    from pathlib import Path

    here = Path(__file__).parent
    return [importlib.import_module(f"tests.{path.parent.name}.authorisation")
            for path in sorted(here.glob("*/authorisation.py"))]


# An app that lands adds its rules in its own module, so apps built side by side never edit the same lines.
APP_TABLES = _app_tables()
def _with_own_values(rules: list, values: dict) -> list:
    """An app's rules carry the app's own path values: two apps may both name a parameter `request_id`."""
    import dataclasses

    return [dataclasses.replace(rule, params={**{name: value for name, value in values.items()
                                                 if f"{name}>" in rule.route or f"{{{name}}}" in rule.route},
                                              **rule.params}) for rule in rules]


for _table in APP_TABLES:
    _values = getattr(_table, "PATH_VALUES", {})
    PAGES += _with_own_values(getattr(_table, "PAGES", []), _values)
    API += _with_own_values(getattr(_table, "API", []), _values)
    MARKERS.update(getattr(_table, "MARKERS", {}))
