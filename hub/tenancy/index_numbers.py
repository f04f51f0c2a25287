"""索引号 (disclosure index numbers): `<organisation code>/<yyyy>-<5-digit serial>`, per tenant.

A number is issued once per document (its translations share it) and never changes. The counter
row is locked while a number is issued, so concurrent saves on PostgreSQL never share a serial.
"""

from django.db import IntegrityError, transaction

from .models import IndexNumberCounter, IssuedIndexNumber


def format_index_number(org_code, year, serial):
    return f"{org_code}/{year:04d}-{serial:05d}"


def issue_index_number(department, year, translation_key):
    """The document's 索引号: the one already issued for its translation key, or the next serial."""
    issued = IssuedIndexNumber.objects.filter(translation_key=translation_key).first()
    if issued:
        return issued.number
    with transaction.atomic():
        try:
            with transaction.atomic():
                IndexNumberCounter.objects.get_or_create(department=department, year=year)
        except IntegrityError:
            pass  # another transaction created the row first; the lock below waits for it
        counter = IndexNumberCounter.objects.select_for_update().get(department=department, year=year)
        counter.last_serial += 1
        counter.save(update_fields=["last_serial"])
        number = format_index_number(department.org_code, year, counter.last_serial)
        IssuedIndexNumber.objects.create(number=number, translation_key=translation_key, department=department)
    return number
