"""An e-mail back end for tests that refuses some addresses and records every attempt (then delivers to
`mail.outbox` like Django's test back end)."""

from django.core.mail.backends.locmem import EmailBackend

FAIL: set[str] = set()
ATTEMPTS: list[str] = []


class FlakyBackend(EmailBackend):
    """Django's in-memory back end that raises for the addresses in `FAIL`."""

    def send_messages(self, messages):
        """Deliver each message to `mail.outbox`, raising for an address in `FAIL`."""
        for message in messages:
            ATTEMPTS.append(message.to[0])
            if message.to[0] in FAIL:
                raise ConnectionError(f"refused {message.to[0]}")
        return super().send_messages(messages)
