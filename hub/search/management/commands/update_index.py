"""update_index with a progress report, and without giving up on a whole run for one bad object.

Replaces Wagtail's command of the same name (this app comes first in INSTALLED_APPS). For every
indexed model it prints objects done, the rate and the time left; a chunk that fails is retried
object by object, so only the objects that really cannot be indexed are left out, each recorded
as an indexing problem (see the admin's 站群搜索 → 索引问题). The exit status is non-zero then.
"""

import time

from django.core.management.base import CommandError
from modelsearch.backends import get_search_backend
from modelsearch.index import get_indexed_models
from modelsearch.management.commands.rebuild_modelsearch_index import Command as StockCommand
from modelsearch.management.commands.rebuild_modelsearch_index import group_models_by_index

from hub.search.models import IndexingProblem

REPORT_EVERY = 2.0  # seconds between progress lines


class Command(StockCommand):
    help = "Rebuild the search index, showing progress; objects that cannot be indexed are reported."

    def update_backend(self, backend_name, schema_only=False, chunk_size=1000):
        self.write(f"Updating backend: {backend_name}")
        backend = get_search_backend(backend_name)
        if not backend.rebuilder_class:
            self.write(f"Backend '{backend_name}' doesn't require rebuilding")
            return
        self.failed = getattr(self, "failed", 0)
        for index, models in group_models_by_index(backend, get_indexed_models()).items():
            self.write(f"{backend_name}: rebuilding {type(index).__name__}")
            rebuilder = backend.rebuilder_class(index)
            index = rebuilder.start()
            for model in models:
                index.add_model(model)
            total_done, started = 0, time.monotonic()
            if not schema_only:
                for model in models:
                    total_done += self.index_model(index, model, chunk_size)
            rebuilder.finish()
            elapsed = max(time.monotonic() - started, 1e-6)
            rate = total_done / elapsed
            self.write(f"{backend_name}: indexed {total_done:,} objects in {elapsed:.1f} s ({rate:,.0f}/s)")

    def index_model(self, index, model, chunk_size):
        queryset = model.get_indexed_objects().order_by("pk")
        total = queryset.count()
        label = f"{model._meta.label}"
        if not total:
            return 0
        done, last_pk, started, reported = 0, None, time.monotonic(), 0.0
        while True:
            chunk = list((queryset if last_pk is None else queryset.filter(pk__gt=last_pk))[:chunk_size])
            if not chunk:
                break
            last_pk = chunk[-1].pk
            self.add_chunk(index, model, chunk)
            done += len(chunk)
            elapsed = time.monotonic() - started
            if elapsed - reported >= REPORT_EVERY or done >= total:
                reported = elapsed
                rate = done / max(elapsed, 1e-6)
                left = (total - done) / rate if rate else 0
                percent = 100 * done / total
                self.write(f"  {label:40} {done:>9,}/{total:,} {percent:5.1f}%  {rate:7,.0f}/s  {left:5.0f} s left")
        return done

    def add_chunk(self, index, model, chunk):
        try:
            index.add_items(model, chunk)
        except Exception:
            # Find the objects that fail; the others are indexed. Each failure is recorded by the backend.
            for obj in chunk:
                try:
                    index.add_items(model, [obj])
                except Exception as error:
                    self.failed += 1
                    self.stderr.write(f"  could not index {model._meta.label} #{obj.pk}: {error}")

    def handle(self, **options):
        self.failed = 0
        super().handle(**options)
        if self.failed:
            raise CommandError(
                f"{self.failed} object(s) could not be indexed; {IndexingProblem.objects.count()} indexing "
                "problem(s) are listed in the admin (站群搜索 → 索引问题)."
            )
