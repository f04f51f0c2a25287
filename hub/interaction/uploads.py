"""Citizens' files: checked for type and size, stored outside the public media folder.

They are kept in `HUB_PRIVATE_MEDIA_ROOT`, which no web server serves; staff download them through
a permission-checked view. Stored names are random, the original name is kept in the database.
"""

import os
import uuid

from django import forms
from django.core.files.storage import FileSystemStorage
from django.core.signals import setting_changed
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.functional import cached_property, lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from . import conf

# How much of a file is read to recognise its type.
SNIFF_BYTES = 16


@deconstructible(path="hub.interaction.uploads.PrivateStorage")
class PrivateStorage(FileSystemStorage):
    """File system storage under HUB_PRIVATE_MEDIA_ROOT with no public URL."""

    def __init__(self):
        super().__init__(base_url=None)
        setting_changed.connect(self._forget_location)

    def _forget_location(self, setting, **kwargs):
        if setting == "HUB_PRIVATE_MEDIA_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)

    @cached_property
    def base_location(self):
        return str(conf.private_media_root())

    def url(self, name):
        raise ValueError("Private files have no public address; staff download them through the admin.")


private_storage = PrivateStorage()


def upload_path(instance, filename):
    """A random name in a per-kind, per-month folder; only the extension of the citizen's name is kept."""
    extension = os.path.splitext(filename)[1].lower()[:8]
    now = timezone.localdate()
    return f"{instance._meta.model_name}/{now:%Y/%m}/{uuid.uuid4().hex}{extension}"


def extension_of(name):
    return os.path.splitext(name or "")[1].lower().lstrip(".")


def check_upload(upload):
    """Raise ValidationError unless the upload is an allowed type, within the size limit and looks like its type."""
    types = conf.upload_types()
    extension = extension_of(upload.name)
    if extension not in types:
        raise forms.ValidationError(
            _("不支持此文件类型。可上传：%(types)s。") % {"types": "、".join(sorted(types))}, code="file_type"
        )
    if upload.size is not None and upload.size > conf.upload_max_size():
        raise forms.ValidationError(
            _("文件过大（%(size)s），单个文件不能超过 %(limit)s。")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(conf.upload_max_size())},
            code="file_size",
        )
    if not upload.size:
        raise forms.ValidationError(_("文件是空的，请重新选择。"), code="file_empty")
    upload.seek(0)
    head = upload.read(SNIFF_BYTES)
    upload.seek(0)
    if not any(head.startswith(magic) for magic in types[extension]):
        raise forms.ValidationError(
            _("文件内容与扩展名 .%(extension)s 不符，请上传真实的 %(extension)s 文件。") % {"extension": extension},
            code="file_content",
        )


def clean_name(name, limit=120):
    """The citizen's file name, without folders and control characters, short enough to store."""
    base = os.path.basename((name or "").replace("\\", "/"))
    base = "".join(ch for ch in base if ch.isprintable()) or "file"
    if len(base) > limit:
        stem, extension = os.path.splitext(base)
        base = stem[: limit - len(extension)] + extension
    return base


def _upload_rules():
    return _("支持 %(types)s，单个文件不超过 %(limit)s。") % {
        "types": "、".join(sorted(conf.upload_types())),
        "limit": filesizeformat(conf.upload_max_size()),
    }


# Evaluated when shown, so it follows the language of the request and the current settings.
upload_rules = lazy(_upload_rules, str)


class AttachmentField(forms.FileField):
    """A file field that applies `check_upload`; its help text states the rules."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", format_lazy("{}{}", _("可选。"), upload_rules()))
        kwargs.setdefault("max_length", 255)
        super().__init__(*args, **kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs["accept"] = ",".join(f".{extension}" for extension in sorted(conf.upload_types()))
        return attrs

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if upload:
            check_upload(upload)
        return upload


def attach(instance, upload, field="attachment"):
    """Put an uploaded file on a model instance (not yet saved): random stored name, original name and size."""
    if not upload:
        return
    original = clean_name(upload.name)
    getattr(instance, field).save(original, upload, save=False)
    setattr(instance, f"{field}_name", original)
    setattr(instance, f"{field}_size", upload.size)


def delete_stored(files):
    """Remove stored files (after a failed transaction, so none is left without its record)."""
    for stored in files:
        try:
            if stored and stored.name:
                stored.storage.delete(stored.name)
        except OSError:
            pass
