"""Counting attempts in the cache, so a limit holds across processes (with Redis as the cache) and
outlives no one's patience longer than its window: signing in and asking for a password reset.

A ``Throttle`` counts attempts per key (an account, a client's address, an e-mail address) in a
fixed window that starts with the first attempt; once ``limit`` attempts are counted, the key is
refused until the window ends. Keys are stored hashed: the cache holds no user names or addresses.
"""

from __future__ import annotations

import hashlib
import math
import time
from dataclasses import dataclass

from django.core.cache import cache


@dataclass(frozen=True)
class Throttle:
    name: str
    limit: int
    window: int  # seconds

    def _key(self, key: str) -> str:
        digest = hashlib.sha256(key.strip().casefold().encode()).hexdigest()[:32]
        return f"throttle:{self.name}:{digest}"

    def count(self, key: str) -> int:
        return cache.get(self._key(key), 0)

    def blocked(self, key: str) -> bool:
        return self.count(key) >= self.limit

    def wait_seconds(self, key: str) -> int:
        """Seconds until ``key`` may try again (0 if it may now)."""
        if not self.blocked(key):
            return 0
        started = cache.get(self._key(key) + ":start", time.time())
        return max(1, math.ceil(started + self.window - time.time()))

    def hit(self, key: str) -> int:
        """Count one attempt of ``key``; returns the count within the window.

        ``add`` starts a window only where none runs and ``incr`` is atomic in every cache backend
        (and keeps the key's expiry in Redis), so concurrent processes count every attempt."""
        stored = self._key(key)
        cache.add(stored, 0, timeout=self.window)
        cache.add(stored + ":start", time.time(), timeout=self.window)
        try:
            return cache.incr(stored)
        except ValueError:  # the window ended between add and incr
            cache.add(stored, 1, timeout=self.window)
            return 1

    def clear(self, key: str) -> None:
        cache.delete_many([self._key(key), self._key(key) + ":start"])


def client_address(request) -> str:
    """The address a request came from, as the server saw it."""
    return request.META.get("REMOTE_ADDR", "") or "unknown"
