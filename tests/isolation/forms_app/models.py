from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField


class SurveyField(AbstractFormField):
    page = ParentalKey("SurveyPage", related_name="form_fields", on_delete=models.CASCADE)


class SurveyPage(AbstractForm):
    """An opinion survey (意见征集); never offered in the admin's page-type choices."""

    parent_page_types = []
    subpage_types = []
