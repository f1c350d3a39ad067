"""Analyst queries composed from store primitives, once for every store: paths and
neighbourhoods, links between organisations, competitors, group KPIs, standard-essential
patents."""
