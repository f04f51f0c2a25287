"""Letters from citizens: submitting, following up, and what the public may see of them."""

import re

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import notifications, tracking
from .models import Letter, LetterEvent, Mailbox
from .uploads import attach, delete_stored
from .workdays import add_working_days

# What is masked in a letter's text before it is published (the writer's own name and contacts too).
PERSONAL_PATTERNS = [
    re.compile(r"(?<![0-9A-Za-z])[1-9][0-9]{5}(?:19|20)[0-9]{2}[0-9]{7}[0-9Xx](?![0-9A-Za-z])"),  # 身份证号
    re.compile(r"(?<![0-9])1[3-9][0-9][ -]?[0-9]{4}[ -]?[0-9]{4}(?![0-9])"),  # mobile
    re.compile(r"(?<![0-9])0[0-9]{2,3}-?[0-9]{7,8}(?![0-9])"),  # landline
    re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}"),  # e-mail
]
MASK = "＊＊＊"


def ensure_mailbox(department):
    """The tenant's default mailbox (州长信箱 for the portal, <简称>信箱 otherwise); created if missing."""
    existing = Mailbox.objects.filter(department=department).order_by("pk").first()
    if existing is not None:
        return existing, False
    name = "州长信箱" if department.is_portal else f"{department.short_name}信箱"[:50]
    return Mailbox.objects.create(department=department, name=name), True


# Forms of address that follow a surname in a reply (陈先生, 王女士): the surname is masked, the form kept.
ADDRESS_FORMS = "先生|女士|同志|老师|同学|师傅|阿姨|大姐|大爷|小朋友|家长"
NAME_SEPARATORS = re.compile(r"[·•．.\s]+")
HAN = re.compile(r"^[\u3400-\u9fff]+$")


def _name_forms(name):
    """The writer's name as it may appear in a text: whole, and each part of a name like 买买提·艾力."""
    name = (name or "").strip()
    forms = {name} | {part for part in NAME_SEPARATORS.split(name)}
    return sorted((form for form in forms if len(form) >= 2), key=len, reverse=True)


def mask_personal_data(text, letter=None):
    """The text with ID numbers, phone numbers, e-mail addresses and the writer's name and contacts masked.

    `letter` is any record with `name`, `phone` and `email` (what the writer gave in the form): those
    values are masked wherever they appear, the name also in its parts and as surname plus a form of
    address (陈先生 → ＊先生).
    """
    masked = text or ""
    if letter is not None:
        name = (getattr(letter, "name", "") or "").strip()
        values = _name_forms(name) + [getattr(letter, field, "") or "" for field in ("phone", "email")]
        for value in values:
            value = value.strip()
            if len(value) >= 2:
                masked = masked.replace(value, MASK)
        if HAN.match(name) and 2 <= len(name) <= 4:
            masked = re.sub(rf"{re.escape(name[0])}(?={ADDRESS_FORMS})", "＊", masked)
    for pattern in PERSONAL_PATTERNS:
        masked = pattern.sub(MASK, masked)
    return masked


def follow_ups(letter):
    """The exchange after the letter (the writer's additions and staff's answers), oldest first."""
    return letter.events.filter(kind__in=LetterEvent.FOLLOW_UPS).order_by("created_at", "pk")


def public_version(letter, *, subject="", body="", reply="", include_follow_ups=True):
    """Everything the public page would show of the letter, each text masked (the preview staff check).

    Texts staff leave empty are the letter's own, masked; whatever staff typed is masked again.
    """
    return {
        "subject": mask_personal_data((subject or "").strip() or letter.subject, letter)[:100],
        "body": mask_personal_data((body or "").strip() or letter.body, letter),
        "reply": mask_personal_data((reply or "").strip() or letter.reply, letter),
        "follow_ups": [(event, mask_personal_data(event.public_text, letter)) for event in follow_ups(letter)]
        if include_follow_ups
        else [],
    }


def published_follow_ups(letter):
    """The follow-ups shown on the public page, in the masked form fixed when the letter was published."""
    return follow_ups(letter).exclude(public_version="").only("kind", "created_at", "public_version")


def submit_letter(mailbox, data, *, attachment=None, now=None):
    """Save a letter and its first event in one transaction; returns (letter, password).

    The caller shows the code and password only after this returns, so a citizen never holds a
    code for a letter that was not stored.
    """
    now = now or timezone.now()
    password = tracking.new_password()
    letter = Letter(
        mailbox=mailbox,
        department_id=mailbox.department_id,
        name=data["name"],
        phone=data.get("phone", ""),
        email=data.get("email", ""),
        subject=data["subject"],
        category=data["category"],
        body=data["body"],
        publish_allowed=bool(data.get("publish_allowed")),
        submitted_at=now,
        deadline=add_working_days(timezone.localdate(now), mailbox.reply_days),
    )
    letter.set_password(password)
    try:
        with transaction.atomic():
            attach(letter, attachment)
            tracking.save_with_new_code(letter)
            LetterEvent.objects.create(letter=letter, kind=LetterEvent.Kind.SUBMITTED, to_department=mailbox.department)
            notifications.new_letter(letter)
    except BaseException:
        delete_stored([letter.attachment])
        raise
    return letter, password


def add_follow_up(letter, text):
    """The writer adds to their letter (after looking it up with code and password)."""
    with transaction.atomic():
        event = LetterEvent.objects.create(letter=letter, kind=LetterEvent.Kind.CITIZEN_MESSAGE, public_text=text)
        # An archived letter the writer writes to again comes back into the staff's working list.
        if Letter.objects.filter(pk=letter.pk, archived_at__isnull=False).update(archived_at=None):
            letter.archived_at = None
            LetterEvent.objects.create(letter=letter, kind=LetterEvent.Kind.RESTORED, note=_("来信人补充了内容"))
        notifications.follow_up(letter)
    return event


def citizen_events(letter):
    """The steps the writer is shown, oldest first."""
    return letter.events.filter(kind__in=LetterEvent.CITIZEN_VISIBLE).select_related("to_department")


def published_letters(mailbox=None):
    """Letters answered and published, with the fields the public may see (never name or contacts)."""
    letters = Letter.objects.filter(is_published=True, publish_allowed=True, status=Letter.Status.REPLIED)
    if mailbox is not None:
        letters = letters.filter(mailbox=mailbox)
    return (
        letters.select_related("reply_department", "mailbox")
        .only(
            "pk",
            "tracking_code",
            "category",
            "submitted_at",
            "replied_at",
            "published_at",
            "public_subject",
            "public_body",
            "public_reply",
            "reply_department__name",
            "reply_department__short_name",
            "mailbox__name",
            "status",
            "is_published",
            "publish_allowed",
        )
        .order_by("-replied_at", "-pk")
    )


def status_label(letter):
    """The status a writer sees, e.g. 已转州教育局办理."""
    if letter.status == Letter.Status.PROCESSING and letter.department_id != letter.mailbox.department_id:
        return _("已转%(department)s办理") % {"department": letter.department.short_name}
    return letter.get_status_display()
