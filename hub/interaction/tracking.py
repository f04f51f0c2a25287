"""Tracking codes and query passwords for citizens' submissions.

The code says which submission (it is printed on receipts and may be read out on the phone); the
password proves it is the writer asking. Only a hash of the password is stored (Django's password
hashers). A wrong code and a wrong password get the same answer, in about the same time.
"""

import re
import secrets
import unicodedata

from django.contrib.auth.hashers import make_password
from django.db import IntegrityError, transaction
from django.utils import timezone

# No 0/O, 1/I/L: codes and passwords are read aloud and copied by hand.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
PASSWORD_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"
CODE_RANDOM_LENGTH = 6
PASSWORD_LENGTH = 8
ATTEMPTS = 8


def new_code(prefix, today=None):
    """e.g. XJ261127K7M2QD: kind, date of receipt, six random characters."""
    today = today or timezone.localdate()
    tail = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_RANDOM_LENGTH))
    return f"{prefix}{today:%y%m%d}{tail}"


def new_password():
    return "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(PASSWORD_LENGTH))


def normalise_code(value):
    """A typed code: full-width characters (中文输入法) folded, all but letters and digits dropped."""
    return re.sub(r"[^0-9A-Za-z]", "", unicodedata.normalize("NFKC", str(value or ""))).upper()[:24]


def normalise_password(value):
    return re.sub(r"\s", "", unicodedata.normalize("NFKC", str(value or ""))).lower()[:64]


def save_with_new_code(instance, field="tracking_code", prefix=None):
    """Save a new submission under a fresh unique code, retrying on the rare collision.

    The code's date is the submission's own (`submitted_at`, in local time), so a submission
    recorded with an earlier date (an import, the demo) is not coded with the day it was stored.
    """
    prefix = prefix or instance.tracking_prefix
    submitted = getattr(instance, "submitted_at", None)
    day = timezone.localdate(submitted) if submitted else None
    for attempt in range(ATTEMPTS):
        code = new_code(prefix, day)
        setattr(instance, field, code)
        try:
            with transaction.atomic():
                instance.save()
            return instance
        except IntegrityError:
            # Only a clash of codes is worth another try; any other constraint failure is final.
            taken = type(instance)._default_manager.filter(**{field: code}).exists()
            if attempt == ATTEMPTS - 1 or not taken:
                raise
            instance.pk = None
    return instance


def find(model, code, password):
    """The submission with this code if the password is right; otherwise None, whichever was wrong."""
    code = normalise_code(code)
    password = normalise_password(password)
    instance = model.objects.filter(tracking_code=code).first() if code else None
    if instance is None:
        make_password(password)  # spend the same time as a real check
        return None
    return instance if instance.check_password(password) else None
