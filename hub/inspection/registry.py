"""What a site is inspected against: indicators that judge it and collectors that gather evidence.

An app declares its indicators and collectors in its `AppConfig.ready()`:

    from hub.inspection.registry import Indicator, collector, register

    @register
    class BrokenLinks(Indicator):
        code = "links.broken"
        ...

    @collector("links")
    def check_links(department, *, progress=None): ...

The inspection run asks every registered indicator for its result per tenant; `inspect_sites --links`
(and the admin's "check now") first runs the collector named "links", `--probe` the one named "probe".
The registry holds no state beyond these declarations, so inspection depends on no app that feeds it.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _


class Severity(models.TextChoices):
    VETO = "veto", _("单项否决")
    WARNING = "warning", _("预警")
    DEDUCTION = "deduction", _("扣分")
    NOTICE = "notice", _("提示")


@dataclass(frozen=True)
class Finding:
    """One thing found on one tenant: what, where it is seen and where to fix it.

    `key` is stable across runs for the same problem (e.g. "column:42", "letter:17", "link:<url>"), so
    a finding keeps its "since" date, is reported by e-mail once, and is resolved when it disappears.
    """

    severity: str
    message: str
    key: str
    url: str = ""
    edit_url: str = ""
    label: str = ""
    data: dict = field(default_factory=dict)


@dataclass
class Result:
    """An indicator's verdict on one tenant: veto or not, the points it costs and its findings."""

    vetoed: bool = False
    deduction: Decimal = Decimal(0)
    figures: dict = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)


class Indicator:
    """One indicator of the national rules. Subclasses set the class attributes and `evaluate()`."""

    code: str = ""
    name: str = ""
    # The rule it comes from, shown beside each result (e.g. "国办秘函〔2019〕19号 单项否决·站点无法访问").
    rule: str = ""
    veto: bool = False
    # The most points it may cost out of the 100 of the indicators; 0 for pure veto items.
    max_deduction: Decimal = Decimal(0)
    order: int = 100

    def evaluate(self, department, now) -> Result:
        raise NotImplementedError


_indicators: dict[str, Indicator] = {}
_collectors: dict[str, object] = {}


def register(indicator_class):
    """Class decorator: declare an indicator (its `code` must be unique)."""
    indicator = indicator_class()
    if not indicator.code or indicator.code in _indicators:
        raise ValueError(f"indicator code missing or registered twice: {indicator.code!r}")
    _indicators[indicator.code] = indicator
    return indicator_class


def collector(name):
    """Decorator: declare the callable `fn(department, *, progress=None) -> str` run for `name`."""

    def decorate(function):
        _collectors[name] = function
        return function

    return decorate


def indicators():
    return sorted(_indicators.values(), key=lambda indicator: (indicator.order, indicator.code))


def collectors():
    return dict(_collectors)
