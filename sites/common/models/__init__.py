from .mixins import AttachmentsMixin, BasePage, DatedPageMixin, PageAttachment, SubjectMixin  # noqa: F401
from .pages import (  # noqa: F401
    AppointmentNoticePage,
    ArticlePage,
    ColumnIndexPage,
    FunctionPage,
    GovernmentDocumentPage,
    LeaderProfilePage,
    SpecialTopicPage,
    SpeechPage,
    StandardPage,
)
