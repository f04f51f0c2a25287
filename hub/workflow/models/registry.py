"""Which Wagtail objects are the standard chains and steps of hub.workflow.chains."""

from django.db import models


class StandardChain(models.Model):
    """Marks a Wagtail Workflow as the provisioned form of one standard chain (三审, 二审, 一审)."""

    key = models.CharField(max_length=20, unique=True)
    workflow = models.OneToOneField("wagtailcore.Workflow", on_delete=models.CASCADE, related_name="standard_chain")

    def __str__(self):
        return self.key


class StandardStep(models.Model):
    """Marks a Wagtail Task as the provisioned form of one standard step (机器检查, 初审, 复审, 终审)."""

    key = models.CharField(max_length=20, unique=True)
    task = models.OneToOneField("wagtailcore.Task", on_delete=models.CASCADE, related_name="standard_step")

    def __str__(self):
        return self.key
