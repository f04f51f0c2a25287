"""SQLite: modelsearch's FTS5 backend with segmented index text and queries."""

from django.db.models import Value
from django.utils.functional import cached_property
from modelsearch.backends.database.sqlite.query import (
    BM25,
    LexemeCombinable,
    SearchQueryExpression,
    SearchQueryField,
    SQLiteFTSIndexEntry,
)
from modelsearch.backends.database.sqlite.sqlite import (
    IndexEntry,
    ObjectIndexer,
    SQLiteAutocompleteQueryCompiler,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.index import AutocompleteField, SearchField
from modelsearch.query import Phrase, PlainText
from modelsearch.utils import get_content_type_pk

from ..segmenter import index_text, parse_query
from .indexing import ReportingIndexMixin
from .queries import fts5_query


class SegmentingObjectIndexer(ObjectIndexer):
    """Reads each field once and segments each text once."""

    @cached_property
    def values(self):
        values = []
        for field in self.search_fields:
            values.extend(self.prepare_field(self.obj, field))
        return [(field, index_text(text)) for field, text in values if text and text.strip()]

    def _join(self, keep):
        return " ".join(text for field, text in self.values if keep(field))

    @cached_property
    def title(self):
        return self._join(lambda field: isinstance(field, SearchField) and field.field_name == "title")

    @cached_property
    def body(self):
        return self._join(lambda field: isinstance(field, SearchField) and field.field_name != "title")

    @cached_property
    def autocomplete(self):
        return self._join(lambda field: isinstance(field, AutocompleteField))


class SegmentingSQLiteIndex(ReportingIndexMixin, SQLiteIndex):
    indexer_class = SegmentingObjectIndexer

    def write_items(self, model, objs):
        """Insert or update index rows for objs (the FTS5 table follows through triggers)."""
        if not model.get_search_fields():
            return
        data = {}
        for obj in objs:
            indexer = self.indexer_class(obj, self.backend)
            data[indexer.id] = {"title": indexer.title, "autocomplete": indexer.autocomplete, "body": indexer.body}
        if not data:
            return
        entries = self.entries.filter(content_type_id=get_content_type_pk(model))
        indexed = set(entries.filter(object_id__in=data).values_list("object_id", flat=True))
        for object_id in indexed:
            entries.filter(object_id=object_id).update(**data[object_id])
        self.entries.bulk_create(
            IndexEntry(content_type_id=get_content_type_pk(model), object_id=object_id, **values)
            for object_id, values in data.items()
            if object_id not in indexed
        )
        self._refresh_title_norms()


class FTS5Query(LexemeCombinable, Value):
    """A ready-written FTS5 expression, parenthesised so it combines safely with NOT/AND/OR."""

    _output_field = SearchQueryField()

    def as_sql(self, compiler, connection):
        return "%s", [self.value]


class WeightedBM25(BM25):
    """bm25() with a title match worth ten body matches (FTS5 columns: autocomplete, body, title)."""

    def as_sql(self, compiler, connection, function=None, template=None):
        return f"bm25({SQLiteFTSIndexEntry._meta.db_table}, 0.0, 1.0, 10.0)", []


class SegmentingQueryMixin:
    def _build_rank_expression(self, vectors, config):
        # One bm25() over the row already weighs title and body; modelsearch adds it once per
        # vector and scales the title's copy by title_norm, which lifts every match on a page
        # with a short title (关于我们) above pages whose titles contain the words.
        return WeightedBM25()

    def build_search_query_content(self, query, config=None):
        if isinstance(query, (PlainText, Phrase)):
            source = fts5_query(
                parse_query(query.query_string),
                any_group=getattr(query, "operator", "and").lower() == "or",
                prefix_last=self.LAST_TERM_IS_PREFIX,
            )
            return SearchQueryExpression(FTS5Query(source)) if source else None
        return super().build_search_query_content(query, config=config)

    def search(self, config, start, stop, score_field=None):
        if isinstance(self.query, (PlainText, Phrase)) and self.build_search_query_content(self.query) is None:
            return self.queryset.none()
        return super().search(config, start, stop, score_field=score_field)


class SegmentingSQLiteSearchQueryCompiler(SegmentingQueryMixin, SQLiteSearchQueryCompiler):
    pass


class SegmentingSQLiteAutocompleteQueryCompiler(SegmentingQueryMixin, SQLiteAutocompleteQueryCompiler):
    pass


class SegmentingSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = SegmentingSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = SegmentingSQLiteAutocompleteQueryCompiler
    index_class = SegmentingSQLiteIndex
