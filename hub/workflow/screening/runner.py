"""Run every content check over one revision and record the result."""

import logging

from django.db import transaction

from hub.tenancy.scoping import page_department

from ..models.screening import Category, ContentCheck, Finding, Grade
from . import content as page_content
from . import links, metadata, wording, wordlists
from .findings import FindingData

logger = logging.getLogger(__name__)

# Each check takes (page, extracted content) and returns a list of FindingData.
CHECKS = [wording.check, links.check, metadata.check]


def run_checks(page):
    """Findings for one page instance, must-fix first. A check that fails is reported, not fatal."""
    extracted = page_content.extract(page)
    findings = []
    for check in CHECKS:
        try:
            findings += check(page, extracted)
        except Exception:
            logger.exception("Content check %s failed on page %s", check.__module__, page.pk)
            findings.append(
                FindingData(
                    grade=Grade.ADVISORY,
                    category=Category.SYSTEM,
                    message=f"检查项目“{check.__module__.rsplit('.', 1)[-1]}”未能完成，请人工核对",
                )
            )
    findings.sort(key=lambda f: 0 if f.grade == Grade.MUST_FIX else 1)
    return findings


def check_revision(revision, *, task_state=None, user=None, force=False):
    """The recorded check of a revision under the current rules; runs (and records) it when asked
    to (`force`) or when none exists yet."""
    version = wordlists.rules_version()
    if not force:
        existing = ContentCheck.objects.filter(revision=revision, rules_version=version).first()
        if existing is not None:
            return existing
    page = revision.as_object()
    findings = run_checks(page)
    with transaction.atomic():
        check = ContentCheck.objects.create(
            page_id=revision.object_id,
            revision=revision,
            task_state=task_state,
            department=page_department(page),
            checked_by=user,
            rules_version=version,
            must_fix_count=sum(1 for f in findings if f.grade == Grade.MUST_FIX),
            advisory_count=sum(1 for f in findings if f.grade == Grade.ADVISORY),
        )
        Finding.objects.bulk_create(
            Finding(
                check_run=check,
                grade=f.grade,
                category=f.category,
                source=f.source[:100],
                rule=f.rule[:200],
                message=f.message[:300],
                suggestion=f.suggestion[:200],
                field=f.field[:200],
                before=f.before[:100],
                matched=f.matched[:200],
                after=f.after[:100],
                sort_order=index,
            )
            for index, f in enumerate(findings)
        )
    return check
