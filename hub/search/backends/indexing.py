"""What both database backends do alike when writing the index: report failures."""

import logging

from django.db import transaction

from .. import problems

logger = logging.getLogger("hub.search")


class ReportingIndexMixin:
    """Index writes run in a savepoint; a failure is logged and recorded for administrators, then raised.

    The savepoint keeps the caller's transaction usable (a page still publishes when its index row
    cannot be written), and the recorded problem stays visible in the admin until the object is
    indexed successfully again. Subclasses implement write_items().
    """

    def add_items(self, model, objs):
        objs = list(objs)
        try:
            with transaction.atomic(using=self.write_connection.alias):
                self.write_items(model, objs)
        except Exception as error:
            logger.exception("Indexing %d %s object(s) failed", len(objs), model._meta.label)
            problems.record(model, objs, error)
            raise
        problems.resolve(model, objs)

    def write_items(self, model, objs):
        raise NotImplementedError
