"""Resolution: which names are one organisation, which same-name inventors are one person,
and how organisations form groups."""
