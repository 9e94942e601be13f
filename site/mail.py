"""Email backend for local runs: every message is echoed to the console and also kept as
an .eml file under var/mail/, so a person trying the demo can open links and codes."""

from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.core.mail.backends.console import EmailBackend as ConsoleBackend
from django.utils.crypto import get_random_string


class LocalMailBackend(ConsoleBackend):
    """Console backend that also writes one .eml file per message."""

    def __init__(self, *args, mail_dir=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.mail_dir = Path(mail_dir or settings.EMAIL_MAIL_DIR)

    def send_messages(self, email_messages):
        self.mail_dir.mkdir(parents=True, exist_ok=True)
        for message in email_messages:
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            path = self.mail_dir / f"{stamp}-{get_random_string(6)}.eml"
            path.write_bytes(message.message().as_bytes())
        return super().send_messages(email_messages)
