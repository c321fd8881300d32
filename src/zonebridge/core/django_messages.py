"""Django's own messages that reach our pages, so that our catalogs translate them in our wording.

Our `locale/` comes first in LOCALE_PATHS, so a message listed here (exactly as Django writes it) is read from our
catalog instead of Django's: Django's zh_Hant uses Taiwan words (電子信箱, 使用者名稱) and some of its zh_Hans
strings read machine-made (该帐号未激活, 选择一个有效的选项). Nothing imports this module: it exists so that
`make catalogs` extracts the messages. `tests/test_chinese_wording.py` checks the pages.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

MESSAGES = (
    # django.forms and django.core.validators
    gettext_noop("This field is required."),
    gettext_noop("Enter a valid value."),
    gettext_noop("Enter a valid URL."),
    gettext_noop("Enter a valid email address."),
    gettext_noop("Enter a whole number."),
    gettext_noop("Enter a number."),
    gettext_noop("Enter a valid date."),
    gettext_noop("Select a valid choice. %(value)s is not one of the available choices."),
    gettext_noop("Select a valid choice. That choice is not one of the available choices."),
    gettext_noop("Ensure this value is less than or equal to %(limit_value)s."),
    gettext_noop("Ensure this value is greater than or equal to %(limit_value)s."),
    ngettext_lazy("Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
                  "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
                  "limit_value"),
    # django.contrib.auth: sign-in, password reset, new password
    gettext_noop("Please enter a correct %(username)s and password. Note that both fields may be case-sensitive."),
    gettext_noop("This account is inactive."),
    gettext_noop("username"),
    gettext_noop("Email"),
    gettext_noop("Password"),
    gettext_noop("New password"),
    gettext_noop("New password confirmation"),
    gettext_noop("The two password fields didn’t match."),
    ngettext_lazy("This password is too short. It must contain at least %(min_length)d character.",
                  "This password is too short. It must contain at least %(min_length)d characters.", "min_length"),
    gettext_noop("The password is too similar to the %(verbose_name)s."),
    gettext_noop("This password is too common."),
    gettext_noop("This password is entirely numeric."),
    ngettext_lazy("Your password must contain at least %(min_length)d character.",
                  "Your password must contain at least %(min_length)d characters.", "min_length"),
    gettext_noop("Your password can’t be too similar to your other personal information."),
    gettext_noop("Your password can’t be a commonly used password."),
    gettext_noop("Your password can’t be entirely numeric."),
    # django.contrib.admin and auth in the admin, where operators work: the messages whose zh_Hant reads Taiwanese
    gettext_noop("user"),
    gettext_noop("users"),
    gettext_noop("User"),
    gettext_noop("Personal info"),
    gettext_noop("superuser status"),
    gettext_noop("user permissions"),
    gettext_noop("Specific permissions for this user."),
    gettext_noop("A user with that username already exists."),
    gettext_noop("Enter a new password for the user <strong>%(username)s</strong>."),
    gettext_noop("Forgotten your login credentials?"),
    gettext_noop("Email address:"),
    gettext_noop("Enter a valid username. This value may contain only letters, numbers, and @/./+/-/_ characters."),
    gettext_noop("Enter a valid username. This value may contain only unaccented lowercase a-z and uppercase A-Z "
                 "letters, numbers, and @/./+/-/_ characters."),
    gettext_noop("Something’s wrong with your database installation. Make sure the appropriate database tables have "
                 "been created, and make sure the database is readable by the appropriate user."),
)
