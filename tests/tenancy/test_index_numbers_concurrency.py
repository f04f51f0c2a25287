"""索引号 stay unique and gap-free when several editors save documents at the same moment."""

import datetime
import threading

import pytest
from django.db import connection

from hub.tenancy.models import IssuedIndexNumber
from sites.common.models import GovernmentDocumentPage
from tests import factories

THREADS = 6
DOCUMENTS_PER_THREAD = 5


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_saves_get_unique_contiguous_numbers():
    department = factories.make_site()
    policy_column = factories.column(department, "xxgk", "zcwj")
    # One column per editor: the page tree itself is not what is under test, the counter is.
    columns = [factories.make_column(policy_column, title=f"专栏{n}") for n in range(THREADS)]
    start = threading.Barrier(THREADS)
    errors = []

    def editor(parent):
        try:
            start.wait(timeout=30)
            for _ in range(DOCUMENTS_PER_THREAD):
                factories.make_document(parent, date=datetime.date(2024, 7, 1))
        except Exception as exc:  # reported below; a thread's exception would otherwise be lost
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=editor, args=(column,)) for column in columns]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert not errors, errors
    numbers = list(
        GovernmentDocumentPage.objects.filter(path__startswith=department.site.root_page.path).values_list(
            "index_number", flat=True
        )
    )
    total = THREADS * DOCUMENTS_PER_THREAD
    assert len(numbers) == total
    assert len(set(numbers)) == total
    prefix = f"{department.org_code}/2024-"
    assert all(number.startswith(prefix) for number in numbers)
    assert sorted(int(number.removeprefix(prefix)) for number in numbers) == list(range(1, total + 1))
    assert IssuedIndexNumber.objects.filter(department=department).count() == total
