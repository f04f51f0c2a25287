from django.core.management.base import BaseCommand, CommandError

from hub.tenancy.models import Department
from hub.tenancy.scoping import pages_for

from ...screening.runner import run_checks


class Command(BaseCommand):
    help = (
        "Run the content checks over a tenant's live pages (e.g. after the word lists changed) and list "
        "what they find; nothing is changed or recorded."
    )

    def add_arguments(self, parser):
        parser.add_argument("code", nargs="?", help="the tenant's code (default: every tenant)")
        parser.add_argument("--must-fix", action="store_true", help="only must-fix findings")

    def handle(self, *args, code=None, must_fix=False, **options):
        departments = Department.objects.select_related("site__root_page")
        if code:
            departments = departments.filter(code=code)
            if not departments:
                raise CommandError(f"No tenant with code {code}")
        totals = {"pages": 0, "must_fix": 0, "advisory": 0}
        for department in departments:
            pages = pages_for(department).live().filter(depth__gt=2).specific().order_by("path")
            for page in pages.iterator(chunk_size=200):
                totals["pages"] += 1
                for finding in run_checks(page):
                    totals[finding.grade] += 1
                    if must_fix and finding.grade != "must_fix":
                        continue
                    grade = "必须修改" if finding.grade == "must_fix" else "提示"
                    where = f"[{finding.field}] " if finding.field else ""
                    text = f"“{finding.matched}” → {finding.suggestion}" if finding.matched else finding.suggestion
                    self.stdout.write(
                        f"{department.code}\t{page.pk}\t{page.title}\t{grade}\t{where}{finding.message} {text}"
                    )
        self.stdout.write(
            f"{totals['pages']} live page(s) checked: {totals['must_fix']} must-fix, {totals['advisory']} advisory."
        )
