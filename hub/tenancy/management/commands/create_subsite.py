from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from hub.tenancy.models import Department
from hub.tenancy.onboarding import onboard_site


class Command(BaseCommand):
    help = "Onboard a department subsite in one step: site, home page, columns, media collection, groups."

    def add_arguments(self, parser):
        parser.add_argument("code", help="short code, e.g. jyj")
        parser.add_argument("name", help="full name, e.g. 克孜勒苏柯尔克孜自治州教育局")
        parser.add_argument("--hostname", required=True, help="e.g. jyj.localhost")
        parser.add_argument("--short-name", default="", help="e.g. 教育局")
        parser.add_argument("--org-code", default="", help="organisation code used in 索引号")
        parser.add_argument("--port", type=int, default=80)
        parser.add_argument("--portal", action="store_true", help="this tenant is the prefecture portal")
        parser.add_argument("--theme", default="red", help="theme variant")
        parser.add_argument("--phone", default="")
        parser.add_argument("--address", default="")
        parser.add_argument("--email", default="")
        parser.add_argument("--sponsor", default="", help="主办单位 (required before the site goes online)")
        parser.add_argument("--organizer", default="", help="承办单位")
        parser.add_argument("--site-identifier", default="", help="网站标识码 (required before the site goes online)")
        parser.add_argument("--icp-number", default="", help="ICP备案号 (required before the site goes online)")

    def handle(self, *args, **options):
        try:
            result = onboard_site(
                code=options["code"],
                name=options["name"],
                hostname=options["hostname"],
                short_name=options["short_name"],
                org_code=options["org_code"],
                port=options["port"],
                kind=Department.Kind.PORTAL if options["portal"] else Department.Kind.DEPARTMENT,
                theme_variant=options["theme"],
                phone=options["phone"],
                address=options["address"],
                email=options["email"],
                sponsor=options["sponsor"],
                organizer=options["organizer"],
                site_identifier=options["site_identifier"],
                icp_number=options["icp_number"],
            )
        except ValidationError as exc:
            lines = [f"{key}: {' '.join(msgs)}" for key, msgs in exc.message_dict.items()]
            raise CommandError("Nothing was changed.\n" + "\n".join(lines)) from exc
        self.stdout.write(self.style.SUCCESS(result.summary()))
