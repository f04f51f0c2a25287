"""A form page type for the isolation tests only (installed by the test settings).

The site's own page types include no form yet; this one lets the tests prove that form submissions,
their export and deletion stay within a tenant.
"""
