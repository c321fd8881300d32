"""What the shared page frame shows on every page."""

from zonebridge.core.notifications import unread_count


def notification_bell(request) -> dict:
    """The unread count on the header's bell (one query for a signed-in user, none for a visitor)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": unread_count(user)}
