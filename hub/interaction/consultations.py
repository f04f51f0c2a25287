"""Public consultation (意见征集): whether a consultation is open, and storing the comments."""

import datetime
from enum import Enum

from django.utils import timezone

from . import tracking
from .models import ConsultationComment


class Phase(Enum):
    UPCOMING = "upcoming"
    OPEN = "open"
    CLOSED = "closed"


def phase(opens_on, closes_on, today=None):
    """Before the opening date, from opening to closing date inclusive, or after it."""
    today = today or timezone.localdate()
    if opens_on and today < opens_on:
        return Phase.UPCOMING
    if closes_on and today > closes_on:
        return Phase.CLOSED
    return Phase.OPEN


def days_left(closes_on, today=None):
    today = today or timezone.localdate()
    return max((closes_on - today).days, 0) if isinstance(closes_on, datetime.date) else None


def submit_comment(page, department, data, now=None):
    """Store a comment in one transaction; returns it (its receipt_code is shown to the writer)."""
    comment = ConsultationComment(
        department=department,
        page=page,
        page_title=page.title[:255],
        name=data.get("name", ""),
        organisation=data.get("organisation", ""),
        contact=data.get("contact", ""),
        section=data.get("section", ""),
        text=data["text"],
        submitted_at=now or timezone.now(),
    )
    return tracking.save_with_new_code(comment, field="receipt_code", prefix=ConsultationComment.receipt_prefix)
