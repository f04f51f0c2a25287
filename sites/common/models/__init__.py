from .directory import ContactPage, LeaderProfilePage, LeadershipPage  # noqa: F401
from .disclosure import AnnualReportPage, DisclosureCataloguePage, DisclosureGuidePage  # noqa: F401
from .interaction import ConsultationPage, DisclosureRequestPage, MailboxPage, ServiceIndexPage  # noqa: F401
from .interpretation import InterpretationOptions, PolicyInterpretationPage  # noqa: F401
from .mixins import AttachmentsMixin, BasePage, DatedPageMixin, PageAttachment, SubjectMixin  # noqa: F401
from .pages import (  # noqa: F401
    AppointmentNoticePage,
    ArticlePage,
    ColumnIndexPage,
    ColumnKind,
    FunctionPage,
    GovernmentDocumentPage,
    SpecialTopicPage,
    SpeechPage,
    StandardPage,
)
