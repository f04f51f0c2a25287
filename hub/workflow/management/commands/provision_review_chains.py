from django.core.management.base import BaseCommand

from hub.tenancy.models import Department

from ...chains import CHAINS
from ...provisioning import ensure_standard_chains, provision_tenant


class Command(BaseCommand):
    help = "Create or bring in line the standard review chains (三审) and give every tenant its chain."

    def handle(self, *args, **options):
        workflows = ensure_standard_chains()
        for key, workflow in workflows.items():
            steps = " → ".join(workflow.tasks.values_list("name", flat=True))
            self.stdout.write(f"{CHAINS[key].name}: {steps}")
        for department in Department.objects.select_related("site__root_page"):
            changed = provision_tenant(department)
            state = f"{len(changed)} locale root(s) given the default chain" if changed else "already provisioned"
            self.stdout.write(f"{department.code}: {state}")
