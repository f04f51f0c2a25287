"""Inspection indicators about the common page types, declared into hub.inspection's registry.

政策解读: a document of a kind the tenant says needs interpretation (InterpretationOptions) must have
one published with it, at the latest within that many working days (three by default), counted on
hub.interaction's working-day calendar.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale

from hub.inspection.indicators import page_edit_url, today_of
from hub.inspection.registry import Finding, Indicator, Result, Severity, register
from hub.interaction.workdays import add_working_days
from hub.tenancy.scoping import pages_q

from .models import GovernmentDocumentPage, InterpretationOptions, PolicyInterpretationPage


def late_interpretations(department, today):
    """[(document, deadline)]: live documents needing an interpretation that had none by their deadline."""
    options = InterpretationOptions.for_site(department.site)
    if not options.genre_words():
        return []
    documents = GovernmentDocumentPage.objects.live().filter(pages_q([department]))
    locale = department.site.root_page.locale_id if department.site.root_page_id else Locale.get_default().pk
    documents = [doc for doc in documents.filter(locale_id=locale) if options.needs_interpretation(doc)]
    late = []
    for doc in documents:
        deadline = add_working_days(doc.date, options.working_days)
        if today <= deadline:
            continue
        in_time = (
            PolicyInterpretationPage.objects.live()
            .filter(documents__translation_key=doc.translation_key, date__lte=deadline)
            .exists()
        )
        if not in_time:
            late.append((doc, deadline))
    return late


@register
class MissingInterpretations(Indicator):
    code = "content.interpretations"
    name = gettext_lazy("政策解读")
    rule = "《关于全面推进政务公开工作的意见》 政策文件与解读材料同步发布，最迟3个工作日内"
    max_deduction = 0
    order = 90

    def evaluate(self, department, now):
        late = late_interpretations(department, today_of(now))
        result = Result(figures={"late": len(late)})
        for doc, deadline in late:
            result.findings.append(
                Finding(
                    severity=Severity.WARNING,
                    message=_("文件“%(title)s”（%(date)s发布）在%(deadline)s前未发布政策解读")
                    % {"title": doc.title, "date": doc.date.isoformat(), "deadline": deadline.isoformat()},
                    key=f"interpretation:{doc.translation_key}",
                    url=doc.full_url or "",
                    edit_url=page_edit_url(doc.pk),
                    label=doc.title,
                    data={"date": doc.date.isoformat(), "deadline": deadline.isoformat()},
                )
            )
        return result
