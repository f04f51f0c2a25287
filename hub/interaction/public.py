"""What public pages share when a citizen submits or looks something up.

The receipt (code and password) is shown once, on the page the citizen is redirected to after the
submission was saved; it is kept in the session until then, so reloading never submits twice.
A correct look-up grants the session access to that one submission, so a follow-up message needs
no password in a hidden field.
"""

from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext_lazy as _

from . import antispam

RECEIPT_KEY = "hub_receipts"
ACCESS_KEY = "hub_access"
MAX_GRANTS = 20
TOO_MANY = _("提交过于频繁，请稍后再试。您填写的内容已保留。")


def submit(request, form, scope, save, refusal=None):
    """The one path a citizen's form takes: (redirect, 302) once stored, else (None, status) with errors.

    A refusal (the channel is closed) turns every post away (400); a form with errors, the
    honeypot's among them, is shown again (400); over the rate limit for `scope` nothing is stored
    (429); otherwise `save(cleaned_data)` stores it and returns where to go next (the receipt).
    """
    if request.method != "POST":
        return None, 200
    limit = antispam.for_request(request, scope)
    valid = form.is_valid()
    if refusal:
        form.add_error(None, refusal)
        return None, 400
    if not valid:
        return None, 400
    if limit.exceeded:
        form.add_error(None, TOO_MANY)
        return None, 429
    url = save(form.cleaned_data)
    limit.hit()
    return redirect(url), 302


def remember_receipt(request, kind, **values):
    receipts = request.session.get(RECEIPT_KEY, {})
    receipts[kind] = values
    request.session[RECEIPT_KEY] = receipts


def pop_receipt(request, kind):
    receipts = request.session.get(RECEIPT_KEY, {})
    values = receipts.pop(kind, None)
    if values is not None:
        request.session[RECEIPT_KEY] = receipts
    return values


def _label(instance):
    return f"{instance._meta.label_lower}:{instance.pk}"


def grant_access(request, instance):
    granted = [label for label in request.session.get(ACCESS_KEY, []) if label != _label(instance)]
    request.session[ACCESS_KEY] = (granted + [_label(instance)])[-MAX_GRANTS:]


def has_access(request, instance):
    return _label(instance) in request.session.get(ACCESS_KEY, [])


def private(response):
    """Answers that show a citizen's own data must not be cached anywhere."""
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    return response
