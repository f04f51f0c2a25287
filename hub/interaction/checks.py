"""System checks: citizens' files must never be reachable through the public media address."""

from pathlib import Path

from django.conf import settings
from django.core.checks import Error, register

from . import conf


@register()
def private_files_outside_media_root(app_configs, **kwargs):
    private = Path(conf.private_media_root()).resolve()
    media = Path(settings.MEDIA_ROOT).resolve()
    static = Path(settings.STATIC_ROOT).resolve()
    for public in (media, static):
        if private == public or public in private.parents or private in public.parents:
            return [
                Error(
                    f"HUB_PRIVATE_MEDIA_ROOT ({private}) overlaps a public folder ({public}).",
                    hint="Keep citizens' attachments in a folder the web server does not serve.",
                    id="interaction.E001",
                )
            ]
    return []
