"""Login attempts: limits per account *and* client address, and per client address alone.

* Five wrong codes within a minute for one username **from one address** block that username from
  that address for a minute. Someone typing wrong codes under another person's name therefore
  blocks only themselves: the person, on their own device, still logs in.
* Ten wrong codes within a minute from one address, whatever the usernames (a « password spray »
  over the room's accounts), block that address for a minute.

Kept in the hub's memory (a restart of the hub forgets them, which is acceptable: restarting
the hub is a trainer's action). Pure logic with an injectable clock, tested without a hub.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field

#: Wrong codes for one username from one address before that pair is blocked.
MAX_FAILURES = 5
#: Wrong codes from one address, any usernames, before the address is blocked.
MAX_FAILURES_PER_ADDRESS = 10
WINDOW_S = 60.0
BLOCK_S = 60.0


@dataclass
class _Limit:
    """At most `limit` failures within `WINDOW_S` per key, then the key waits `BLOCK_S`."""

    limit: int
    clock: Callable[[], float]
    _failures: dict[Hashable, deque[float]] = field(default_factory=dict)
    _blocked_until: dict[Hashable, float] = field(default_factory=dict)

    def blocked_for(self, key: Hashable) -> float:
        return max(0.0, self._blocked_until.get(key, 0.0) - self.clock())

    def failed(self, key: Hashable) -> None:
        now = self.clock()
        recent = self._failures.setdefault(key, deque())
        recent.append(now)
        while recent and now - recent[0] > WINDOW_S:
            recent.popleft()
        if len(recent) >= self.limit:
            self._blocked_until[key] = now + BLOCK_S
            recent.clear()

    def forget(self, key: Hashable) -> None:
        self._failures.pop(key, None)


@dataclass
class LoginAttempts:
    """Wrong codes per (username, address) and per address, and what is blocked now."""

    clock: Callable[[], float] = time.monotonic
    _per_account: _Limit = field(init=False)
    _per_address: _Limit = field(init=False)

    def __post_init__(self) -> None:
        self._per_account = _Limit(MAX_FAILURES, self.clock)
        self._per_address = _Limit(MAX_FAILURES_PER_ADDRESS, self.clock)

    def blocked_for(self, username: str, address: str) -> float:
        """Seconds before `username` may try again from `address` (0 when not blocked)."""
        return max(
            self._per_account.blocked_for((username, address)),
            self._per_address.blocked_for(address),
        )

    def failed(self, username: str, address: str) -> None:
        """Record one wrong code for `username` typed from `address`."""
        self._per_account.failed((username, address))
        self._per_address.failed(address)

    def succeeded(self, username: str, address: str) -> None:
        """A right code forgets the earlier wrong ones of that username from that address."""
        self._per_account.forget((username, address))
