"""Settings of the link checker and the availability probe, with their defaults.

Every value can be set in the Django settings under the same name.
"""

from datetime import timedelta

from django.conf import settings

DEFAULTS = {
    # Link checker
    "HUB_LINKCHECK_CONCURRENCY": 16,  # requests in flight at once
    "HUB_LINKCHECK_PER_HOST": 2,  # requests in flight to one host
    "HUB_LINKCHECK_HOST_DELAY": 0.5,  # seconds between two requests starting to one host
    "HUB_LINKCHECK_CONNECT_TIMEOUT": 5.0,
    "HUB_LINKCHECK_READ_TIMEOUT": 10.0,
    "HUB_LINKCHECK_MAX_REDIRECTS": 10,
    "HUB_LINKCHECK_READ_LIMIT": 256 * 1024,  # bytes of a page read to look for forbidden words
    "HUB_LINKCHECK_RECHECK": timedelta(days=7),  # a working link is checked again after this
    "HUB_LINKCHECK_RECHECK_FAILED": timedelta(hours=20),  # a failing or flagged one after this
    "HUB_LINKCHECK_FAILURES_TO_REPORT": 2,  # a broken link is reported once it failed this often in a row
    "HUB_LINKCHECK_WORDLISTS": ["illicit"],  # word lists whose words on a linked page flag it
    # Final hosts under these suffixes are not "another domain" (their registration is controlled).
    "HUB_LINKCHECK_TRUSTED_SUFFIXES": ["gov.cn"],
    # Points per reported broken link and at most (the indicators' figures are unconfirmed).
    "HUB_LINKCHECK_DEDUCTION_PER_LINK": "0.5",
    "HUB_LINKCHECK_MAX_DEDUCTION": "5",
    # {hostname: IP address} used instead of DNS (tests, the bench, closed networks).
    "HUB_LINKCHECK_RESOLVE": {},
    # Availability probe
    "HUB_PROBE_TIMEOUT": 15.0,  # a visit fails when it has not answered within this many seconds
    "HUB_PROBE_SAMPLE": 3,  # pages probed besides the home page on each round
    # Where probes connect, e.g. "http://127.0.0.1:8000" with each site's hostname in the Host header;
    # empty: each site's own address (its hostname through DNS).
    "HUB_PROBE_ADDRESS": "",
    "HUB_PROBE_VETO_PERCENT": 5,  # veto when at least this share of a week's probes fail
    "HUB_PROBE_MIN_PER_DAY": 20,  # the week is judged only with at least this many probes every day
}


def get(name):
    return getattr(settings, name, DEFAULTS[name])
