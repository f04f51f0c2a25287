"""Inspect every site (or one) against the national inspection indicators, for cron.

    manage.py inspect_sites [--site CODE] [--links] [--probe] [--no-mail]

Prints progress and one summary line per site. Exit status: 0 when every site inspected passes,
1 when one has a veto item or scores under 60 (so cron mails the output), 2 on errors (an unknown
site, a collector or indicator that failed).
"""

import sys

from django.core.management.base import BaseCommand, CommandError

from hub.tenancy.models import Department

from ...runner import inspect_department


class Command(BaseCommand):
    help = "Inspect sites against the national inspection indicators (网站自查)."

    def add_arguments(self, parser):
        parser.add_argument("--site", action="append", default=[], help="tenant code (repeatable); default: all")
        parser.add_argument("--links", action="store_true", help="run the outside-link checker first")
        parser.add_argument("--probe", action="store_true", help="run the availability probe first")
        parser.add_argument("--no-mail", action="store_true", help="do not e-mail webmasters")

    def handle(self, *args, **options):
        departments = Department.objects.select_related("site__root_page").order_by("sort_order", "code")
        if options["site"]:
            codes = options["site"]
            departments = departments.filter(code__in=codes)
            unknown = sorted(set(codes) - set(departments.values_list("code", flat=True)))
            if unknown:
                raise CommandError(f"unknown site: {', '.join(unknown)}", returncode=2)
        collect = [name for name, wanted in (("links", options["links"]), ("probe", options["probe"])) if wanted]
        departments = list(departments)
        failing = errors = 0
        for number, department in enumerate(departments, start=1):
            self.stdout.write(f"[{number}/{len(departments)}] {department.code} …")
            outcome = inspect_department(
                department,
                collect=collect,
                trigger="cron",
                progress=self.stdout.write,
                notify=not options["no_mail"],
            )
            run = outcome.run
            verdict = "合格" if run.passed else "不合格"
            vetoes = "、".join(outcome.vetoes) or "无"
            self.stdout.write(
                f"{department.code:<8} {department.short_name}: 得分 {run.score} {verdict}；单项否决 {run.veto_count}"
                f"（{vetoes}）；预警 {run.warning_count}；页面 {run.pages_checked}；{outcome.seconds:.1f} 秒"
            )
            for error in outcome.errors:
                self.stderr.write(f"  错误: {error}")
            failing += not run.passed
            errors += bool(outcome.errors)
        passed = len(departments) - failing
        self.stdout.write(f"{len(departments)} 个站点，{passed} 个合格，{failing} 个不合格，{errors} 个出错")
        if errors:
            sys.exit(2)
        if failing:
            sys.exit(1)
