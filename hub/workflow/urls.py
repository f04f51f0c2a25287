from django.urls import path

from .views.actions import ReviewActionView
from .views.chains import ChainSettingsView
from .views.export import ExportView
from .views.queue import ReviewQueueView
from .views.record import PageRecordView
from .views.translations import SubmitTranslationView
from .views.wordlists import WordListEditView, WordListIndexView

app_name = "workflow"
urlpatterns = [
    path("queue/", ReviewQueueView.as_view(), name="queue"),
    path("action/<int:page_id>/<slug:action_name>/<int:task_state_id>/", ReviewActionView.as_view(), name="action"),
    path("pages/<int:page_id>/record/", PageRecordView.as_view(), name="page_record"),
    path("translations/<int:translation_id>/submit/", SubmitTranslationView.as_view(), name="submit_translation"),
    path("export/", ExportView.as_view(), name="export"),
    path("chains/", ChainSettingsView.as_view(), name="chains"),
    path("wordlists/", WordListIndexView.as_view(), name="wordlists"),
    path("wordlists/<str:name>/", WordListEditView.as_view(), name="wordlist_edit"),
]
