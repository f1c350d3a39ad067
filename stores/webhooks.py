"""Alert webhooks: POST a JSON body to the configured URL, signed with HMAC-SHA256, retried
with a doubling back-off. The outcome of every delivery is returned, never raised: a receiver
that is down must not fail the ingest; the caller records it where users see it.

Signature: header `X-Ipgraph-Signature: sha256=<hex HMAC-SHA256 of the raw body>` with the
configured secret (no header without a secret); `X-Ipgraph-Delivery` carries the alert id, so a
receiver can drop a repeat.
"""

from __future__ import annotations

import hashlib
import hmac
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass

import structlog

log = structlog.get_logger(__name__)
SIGNATURE_HEADER = "X-Ipgraph-Signature"
DELIVERY_HEADER = "X-Ipgraph-Delivery"


@dataclass(frozen=True)
class DeliveryResult:
    delivered: bool
    attempts: int
    error: str | None


def sign(secret: bytes, body: bytes) -> str:
    return "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()


class WebhookSender:
    """Built by stores/backends.py from settings; `sleep` is injectable for tests' timing."""

    def __init__(
        self,
        url: str,
        secret: bytes | None,
        attempts: int = 4,
        backoff_s: float = 0.5,
        timeout_s: float = 5.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.url = url
        self._secret = secret
        self._attempts = attempts
        self._backoff_s = backoff_s
        self._timeout_s = timeout_s
        self._sleep = sleep

    def deliver(self, delivery_id: str, body: bytes) -> DeliveryResult:
        headers = {"Content-Type": "application/json; charset=utf-8", DELIVERY_HEADER: delivery_id}
        if self._secret is not None:
            headers[SIGNATURE_HEADER] = sign(self._secret, body)
        error: str | None = None
        for attempt in range(1, self._attempts + 1):
            error = self._post(body, headers)
            if error is None:
                return DeliveryResult(True, attempt, None)
            log.warning("webhook_failed", delivery=delivery_id, attempt=attempt, error=error)
            if attempt < self._attempts:
                self._sleep(self._backoff_s * 2 ** (attempt - 1))
        return DeliveryResult(False, self._attempts, error)

    def _post(self, body: bytes, headers: dict[str, str]) -> str | None:
        request = urllib.request.Request(self.url, data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=self._timeout_s) as response:
                status = int(response.status)
        except urllib.error.HTTPError as exc:
            return f"HTTP {exc.code}"
        except (urllib.error.URLError, OSError) as exc:
            return f"{type(exc).__name__}: {exc}"
        return None if 200 <= status < 300 else f"HTTP {status}"
