"""structlog set-up for the command line: key=value lines on stderr."""

from __future__ import annotations

import logging
import sys

import structlog


def configure_logging(level: str = "INFO") -> None:
    logging.basicConfig(level=level, stream=sys.stderr, format="%(message)s")
    structlog.configure(
        processors=[
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso"),
            structlog.processors.KeyValueRenderer(key_order=["timestamp", "level", "event"]),
        ],
        logger_factory=_stderr_logger,
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelName(level)),
    )


def _stderr_logger(*_args: object) -> structlog.PrintLogger:
    # sys.stderr as it is when logging, not when configured: a stream swapped in for one
    # command (a test runner's capture) may be closed by the time a later log line is written.
    return structlog.PrintLogger(file=sys.stderr)
