from .registry import StandardChain, StandardStep  # noqa: F401
from .screening import Category, ContentCheck, Finding, Grade  # noqa: F401
from .tasks import ApprovalBlocked, CentralReviewTask, ContentCheckTask, TenantReviewTask  # noqa: F401
from .wordlists import WordListEdit  # noqa: F401
