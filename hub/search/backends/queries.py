"""Writing a segmented query (groups of alternatives, see hub.search.segmenter) in each database's syntax."""


def _join(items, operator):
    items = [item for item in items if item]
    if len(items) == 1:
        return items[0]
    return "(" + f" {operator} ".join(items) + ")" if items else ""


def _write(groups, *, lexeme, and_, or_, any_group, prefix_last):
    written = []
    for number, group in enumerate(groups, start=1):
        prefix = prefix_last and number == len(groups)
        alternatives = [
            _join([lexeme(token, prefix and i == len(alt) - 1) for i, token in enumerate(alt)], and_)
            for alt in group.alternatives
        ]
        written.append(_join(alternatives, or_))
    return _join(written, or_ if any_group else and_)


def tsquery(groups, *, any_group=False, prefix_last=False, invert=False):
    """A PostgreSQL to_tsquery() source: '克州' & ('门户网站' | ('门户' & '网站'))."""

    def lexeme(token, prefix):
        return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'" + (":*" if prefix else "")

    query = _write(groups, lexeme=lexeme, and_="&", or_="|", any_group=any_group, prefix_last=prefix_last)
    if query and invert:
        return f"!({query})"
    return query


def fts5_query(groups, *, any_group=False, prefix_last=False):
    """An SQLite FTS5 MATCH expression: ("克州" AND ("门户网站" OR ("门户" AND "网站")))."""

    def lexeme(token, prefix):
        return '"' + token.replace('"', '""') + '"' + ("*" if prefix else "")

    query = _write(groups, lexeme=lexeme, and_="AND", or_="OR", any_group=any_group, prefix_last=prefix_last)
    return f"({query})" if query and not query.startswith("(") else query
