"""Settings of the citizen channels with their defaults (override any of them in the settings)."""

from pathlib import Path

from django.conf import settings

MB = 1024 * 1024

# Files a citizen may attach: extension -> the bytes such a file starts with (any of them).
DEFAULT_UPLOAD_TYPES = {
    "pdf": [b"%PDF-"],
    "jpg": [b"\xff\xd8\xff"],
    "jpeg": [b"\xff\xd8\xff"],
    "png": [b"\x89PNG\r\n\x1a\n"],
    "doc": [b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"],
    "xls": [b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"],
    "docx": [b"PK\x03\x04"],
    "xlsx": [b"PK\x03\x04"],
    "ofd": [b"PK\x03\x04"],
}

# (how many, per how many seconds) for each kind of public action from one address.
DEFAULT_RATE_LIMITS = {
    "letter": (10, 3600),
    "follow_up": (20, 3600),
    "comment": (20, 3600),
    "error_report": (10, 3600),
    "disclosure": (10, 3600),
    "application": (10, 3600),
    # Failed look-ups (wrong code or password): per address, and per tracking code.
    "lookup": (20, 900),
    "lookup_code": (10, 3600),
}


def private_media_root():
    """Where citizens' files are kept: never under MEDIA_ROOT, never served by the web server."""
    default = Path(settings.BASE_DIR) / "var" / "private"
    return Path(getattr(settings, "HUB_PRIVATE_MEDIA_ROOT", default))


def letter_reply_days():
    """Working days a department has to answer a letter (a mailbox may set its own)."""
    return getattr(settings, "HUB_LETTER_REPLY_DAYS", 5)


def disclosure_reply_days():
    """Working days to answer a disclosure request (政府信息公开条例 art. 33: 20 working days)."""
    return getattr(settings, "HUB_DISCLOSURE_REPLY_DAYS", 20)


def upload_types():
    return getattr(settings, "HUB_UPLOAD_TYPES", DEFAULT_UPLOAD_TYPES)


def upload_max_size():
    return getattr(settings, "HUB_UPLOAD_MAX_SIZE", 10 * MB)


def rate_limit(scope):
    return getattr(settings, "HUB_RATE_LIMITS", {}).get(scope, DEFAULT_RATE_LIMITS[scope])


def client_ip_header():
    """The request.META key holding the client address set by a trusted proxy (e.g. HTTP_X_REAL_IP)."""
    return getattr(settings, "HUB_CLIENT_IP_HEADER", "") or "REMOTE_ADDR"
