"""Settings, index templates and domain dictionaries; the only place that builds clients."""
