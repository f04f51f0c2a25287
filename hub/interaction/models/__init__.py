from .calendar import CalendarDay  # noqa: F401
from .consultations import ConsultationComment  # noqa: F401
from .disclosure import DisclosureRequest  # noqa: F401
from .error_reports import ErrorReport  # noqa: F401
from .letters import Letter, LetterEvent, Mailbox  # noqa: F401
from .tracking import TrackedSubmission  # noqa: F401
