"""Site inspection (网站自查): every tenant checked against the national inspection indicators.

The indicators and the collectors that gather outside evidence (link checks, availability probes) are
declared in `registry`, so this app never imports the apps that feed it.
"""
