"""The page cache for anonymous visitors and its invalidation (app label `pagecache`).

Public API, for receivers, commands and a front-engine purger alike:

- ``invalidate(departments, reason)``: every cached page of these tenants is stale from now on
  (``departments=ALL`` for shared data every tenant shows);
- ``generation(department)``: the tenant's current generation number, part of every cache key;
- the ``generation_bumped`` signal, sent once per bump after the change is committed, with
  ``hostnames`` (the tenants' hostnames), ``everything`` (True for ``ALL``) and ``reason``.

See README.md (architecture: the page cache) for what is cached and why invalidation is complete.
"""

from .generations import ALL, generation, generation_bumped, invalidate

__all__ = ["ALL", "generation", "generation_bumped", "invalidate"]
