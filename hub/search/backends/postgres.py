"""PostgreSQL: modelsearch's backend with segmented tsvectors and tsqueries (text search config 'simple')."""

from django.contrib.postgres.search import SearchQuery
from django.db.models.sql.subqueries import InsertQuery
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    ObjectIndexer,
    PostgresAutocompleteQueryCompiler,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.query import Phrase, PlainText
from modelsearch.utils import get_content_type_pk

from ..segmenter import parse_query
from .indexing import ReportingIndexMixin, segmented
from .queries import tsquery


class SegmentingObjectIndexer(ObjectIndexer):
    def prepare_field(self, obj, field):
        return segmented(super().prepare_field(obj, field))


class SegmentingPostgresIndex(ReportingIndexMixin, PostgresIndex):
    indexer_class = SegmentingObjectIndexer

    def write_items(self, model, objs):
        """Upsert index rows for objs; modelsearch's statement, with this backend's indexer."""
        if not model.get_search_fields():
            return
        indexers = [self.indexer_class(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        compiler = InsertQuery(IndexEntry).get_compiler(connection=self.write_connection)
        rows, params = [], []
        for indexer in indexers:
            params.extend((content_type_pk, indexer.id))
            vectors = []
            for field_name in ("title", "autocomplete", "body"):
                value = compiler.prepare_value(IndexEntry._meta.get_field(field_name), getattr(indexer, field_name))
                sql, value_params = value.as_sql(compiler, self.write_connection)
                vectors.append(sql)
                params.extend(value_params)
            params.extend((indexer.title_text, indexer.body_text))
            rows.append(f"(%s, %s, {vectors[0]}, {vectors[1]}, {vectors[2]}, 1.0, %s, %s)")
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"""
                INSERT INTO {IndexEntry._meta.db_table}
                    (content_type_id, object_id, title, autocomplete, body, title_norm, title_text, body_text)
                (VALUES {", ".join(rows)})
                ON CONFLICT (content_type_id, object_id)
                DO UPDATE SET title = EXCLUDED.title, title_norm = 1.0, autocomplete = EXCLUDED.autocomplete,
                              body = EXCLUDED.body, title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text
                """,
                params,
            )
        self._refresh_title_norms()


class SegmentingQueryMixin:
    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, (PlainText, Phrase)):
            # A phrase is matched as all of its words: search-mode token positions do not follow
            # the text's word order, so adjacency cannot be checked reliably.
            source = tsquery(
                parse_query(query.query_string),
                any_group=getattr(query, "operator", "and") == "or",
                prefix_last=self.LAST_TERM_IS_PREFIX,
                invert=invert,
            )
            return SearchQuery(source, search_type="raw", config=config) if source else None
        return super().build_tsquery_content(query, config=config, invert=invert)

    def search(self, config, start, stop, score_field=None, backend=None):
        if isinstance(self.query, (PlainText, Phrase)) and self.build_tsquery(self.query, config=config) is None:
            return self.queryset.none()
        return super().search(config, start, stop, score_field=score_field, backend=backend)


class SegmentingPostgresSearchQueryCompiler(SegmentingQueryMixin, PostgresSearchQueryCompiler):
    pass


class SegmentingPostgresAutocompleteQueryCompiler(SegmentingQueryMixin, PostgresAutocompleteQueryCompiler):
    pass


class SegmentingPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = SegmentingPostgresSearchQueryCompiler
    autocomplete_query_compiler_class = SegmentingPostgresAutocompleteQueryCompiler
    index_class = SegmentingPostgresIndex

    def __init__(self, params):
        # Tokens arrive segmented and normalised; 'simple' only lower-cases, so nothing is stemmed twice.
        super().__init__({"SEARCH_CONFIG": "simple", **params})
        self.autocomplete_config = self.config
