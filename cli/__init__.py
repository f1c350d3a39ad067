"""The `ipgraph` command: a thin typer layer over importable functions."""
