"""PostgreSQL: modelsearch's backend with segmented tsvectors and tsqueries (text search config 'simple')."""

from django.contrib.postgres.search import SearchQuery
from django.utils.functional import cached_property
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    ObjectIndexer,
    PostgresAutocompleteQueryCompiler,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.index import AutocompleteField, SearchField
from modelsearch.query import Phrase, PlainText
from modelsearch.utils import get_content_type_pk

from ..segmenter import index_text, parse_query
from .indexing import ReportingIndexMixin
from .queries import tsquery


class SegmentingObjectIndexer(ObjectIndexer):
    """Reads each field once, segments each text once, and repeats the title in the body vector.

    With the title in the body, `body @@ query` alone decides a match (its GIN index answers it);
    the title vector still ranks title matches higher. The plain-text mirrors used by fuzzy search
    keep the original, unsegmented text.
    """

    @cached_property
    def values(self):
        values = []
        for field in self.search_fields:
            values.extend(self.prepare_field(self.obj, field))
        return [(field, weight, text.strip()) for field, weight, text in values if text and text.strip()]

    @cached_property
    def segmented(self):
        return [(field, weight, index_text(text)) for field, weight, text in self.values]

    def _texts(self, keep):
        return [(text, weight) for field, weight, text in self.segmented if keep(field)]

    @cached_property
    def title_texts(self):
        return self._texts(is_title)

    @cached_property
    def body_texts(self):
        return self._texts(lambda field: isinstance(field, SearchField))

    @cached_property
    def autocomplete_texts(self):
        return self._texts(lambda field: isinstance(field, AutocompleteField))

    @cached_property
    def title_text(self):
        return " ".join(text for field, _weight, text in self.values if is_title(field))

    @cached_property
    def body_text(self):
        return " ".join(
            text for field, _weight, text in self.values if isinstance(field, SearchField) and not is_title(field)
        )


def is_title(field):
    return isinstance(field, SearchField) and field.field_name == "title"


class SegmentingPostgresIndex(ReportingIndexMixin, PostgresIndex):
    indexer_class = SegmentingObjectIndexer

    def write_items(self, model, objs):
        """Upsert index rows for objs (modelsearch's statement, with the tsvectors written directly)."""
        if not model.get_search_fields():
            return
        indexers = [self.indexer_class(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        rows, params = [], []
        for indexer in indexers:
            vectors = []
            params.extend((content_type_pk, indexer.id))
            for texts in (indexer.title_texts, indexer.autocomplete_texts, indexer.body_texts):
                sql, vector_params = tsvector_sql(texts, self.backend.config)
                vectors.append(sql)
                params.extend(vector_params)
            params.extend((indexer.title_text, indexer.body_text))
            rows.append(f"(%s, %s, {vectors[0]}, {vectors[1]}, {vectors[2]}, 1.0, %s, %s)")
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"""
                INSERT INTO {IndexEntry._meta.db_table}
                    (content_type_id, object_id, title, autocomplete, body, title_norm, title_text, body_text)
                VALUES {", ".join(rows)}
                ON CONFLICT (content_type_id, object_id)
                DO UPDATE SET title = EXCLUDED.title, title_norm = 1.0, autocomplete = EXCLUDED.autocomplete,
                              body = EXCLUDED.body, title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text
                """,
                params,
            )
        self._refresh_title_norms()


def tsvector_sql(texts, config):
    """SQL and parameters for a weighted tsvector of segmented texts: setweight(to_tsvector(...), 'A') || …"""
    if not texts:
        return "''::tsvector", []
    sql = " || ".join(["setweight(to_tsvector(%s::regconfig, %s), %s)"] * len(texts))
    params = [value for text, weight in texts for value in (config, text, weight)]
    return sql, params


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
        if not isinstance(self.query, (PlainText, Phrase)) or self.fields is not None:
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        search_query = self.build_tsquery(self.query, config=config)
        if search_query is None:
            return self.queryset.none()
        # The body vector repeats the title (see SegmentingObjectIndexer), so it alone decides a match.
        vectors = self.get_search_vectors(search_query)
        rank_expression = self._build_rank_expression(vectors, config)
        queryset = self.queryset.filter(**{f"{self.VECTOR}": search_query})
        return self._apply_ordering_and_scoring(queryset, rank_expression, start, stop, score_field)


class SegmentingPostgresSearchQueryCompiler(SegmentingQueryMixin, PostgresSearchQueryCompiler):
    VECTOR = "index_entries__body"


class SegmentingPostgresAutocompleteQueryCompiler(SegmentingQueryMixin, PostgresAutocompleteQueryCompiler):
    VECTOR = "index_entries__autocomplete"


class SegmentingPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = SegmentingPostgresSearchQueryCompiler
    autocomplete_query_compiler_class = SegmentingPostgresAutocompleteQueryCompiler
    index_class = SegmentingPostgresIndex

    def __init__(self, params):
        # Tokens arrive segmented and normalised; 'simple' only lower-cases, so nothing is stemmed twice.
        super().__init__({"SEARCH_CONFIG": "simple", **params})
        self.autocomplete_config = self.config
