from .directory import DepartmentIndexPage  # noqa: F401
from .home import PortalHomePage  # noqa: F401
from .topics import TopicIndexPage  # noqa: F401
