"""Registrable domains from the public suffix list bundled with tldextract (no network fetch)."""

import ipaddress
from functools import lru_cache
from urllib.parse import urlsplit

import tldextract

from . import conf

# suffix_list_urls=() and no cache directory: the snapshot shipped with the package, never a download.
_extract = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


@lru_cache(maxsize=4096)
def registrable_domain(host):
    """The domain one can register for `host` (xj.gov.cn for www.xj.gov.cn); an IP address as is.

    Names under no known suffix (a.test, intranet names) count by their last two labels.
    """
    host = (host or "").lower().rstrip(".")
    try:
        ipaddress.ip_address(host.strip("[]"))
        return host
    except ValueError:
        pass
    parts = _extract(host)
    if parts.suffix and parts.domain:
        return f"{parts.domain}.{parts.suffix}"
    labels = host.split(".")
    return ".".join(labels[-2:])


def trusted(host):
    host = (host or "").lower().rstrip(".")
    return any(host == suffix or host.endswith("." + suffix) for suffix in conf.get("HUB_LINKCHECK_TRUSTED_SUFFIXES"))


def same_site(url, final_url):
    """Whether `final_url` is still on the registrable domain of `url` (or on a trusted suffix)."""
    first, last = urlsplit(url).hostname or "", urlsplit(final_url).hostname or ""
    if not last or registrable_domain(first) == registrable_domain(last):
        return True
    return trusted(last)
