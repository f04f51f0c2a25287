"""E-mails about submissions, sent through Django's e-mail backend once the transaction has committed.

They never carry a citizen's personal data or password: staff are told that something arrived and
where to find it, writers that their submission has an answer (with its code).
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


def _send(subject, message, recipients):
    recipients = [address for address in recipients if address]
    if not recipients:
        return

    def send():
        try:
            send_mail(subject, message, None, recipients)
        except Exception:  # a mail server failure must not undo a stored submission
            logger.exception("Could not send %r to %d recipients", subject, len(recipients))

    transaction.on_commit(send)


def _admin_link(path):
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{path}"


def new_letter(letter):
    mailbox = letter.mailbox
    _send(
        _("【%(mailbox)s】收到新来信 %(code)s") % {"mailbox": mailbox.name, "code": letter.tracking_code},
        _("%(mailbox)s收到一封新来信（查询码 %(code)s），答复期限 %(deadline)s。请登录后台处理：%(link)s")
        % {
            "mailbox": mailbox.name,
            "code": letter.tracking_code,
            "deadline": f"{letter.deadline:%Y-%m-%d}",
            "link": _admin_link("/admin/snippets/interaction/letter/"),
        },
        [mailbox.notify_email],
    )


def forwarded(letter, department):
    _send(
        _("来信 %(code)s 已转交贵单位办理") % {"code": letter.tracking_code},
        _("来信（查询码 %(code)s）已转交%(department)s办理，答复期限 %(deadline)s。请登录后台处理：%(link)s")
        % {
            "code": letter.tracking_code,
            "department": department.name,
            "deadline": f"{letter.deadline:%Y-%m-%d}",
            "link": _admin_link("/admin/snippets/interaction/letter/"),
        },
        [department.email],
    )


def follow_up(letter):
    mailbox = letter.mailbox
    recipients = [mailbox.notify_email] if letter.department_id == mailbox.department_id else []
    recipients.append(letter.department.email)
    _send(
        _("来信 %(code)s 有新的补充说明") % {"code": letter.tracking_code},
        _("来信人对来信（查询码 %(code)s）作了补充说明，请登录后台查看：%(link)s")
        % {"code": letter.tracking_code, "link": _admin_link("/admin/snippets/interaction/letter/")},
        recipients,
    )


def answered(submission, where):
    """Tell the writer (if they gave an e-mail address) that their submission has an answer."""
    _send(
        _("您提交的事项 %(code)s 已有答复") % {"code": submission.tracking_code},
        _("您提交的事项（查询码 %(code)s）已有答复。请凭查询码和查询密码在%(where)s查看。")
        % {"code": submission.tracking_code, "where": where},
        [getattr(submission, "email", "")],
    )
