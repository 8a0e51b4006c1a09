"""Login attempts: five wrong codes within a minute block that account for a minute.

Kept in the hub's memory (a restart of the hub forgets them, which is acceptable: restarting
the hub is a trainer's action). Pure logic with an injectable clock, tested without a hub.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

MAX_FAILURES = 5
WINDOW_S = 60.0
BLOCK_S = 60.0


@dataclass
class LoginAttempts:
    """Wrong codes per username, and the accounts currently blocked."""

    clock: Callable[[], float] = time.monotonic
    _failures: dict[str, deque[float]] = field(default_factory=dict)
    _blocked_until: dict[str, float] = field(default_factory=dict)

    def blocked_for(self, username: str) -> float:
        """Seconds before `username` may try again (0 when not blocked)."""
        until = self._blocked_until.get(username, 0.0)
        return max(0.0, until - self.clock())

    def failed(self, username: str) -> None:
        """Record one wrong code; the fifth within a minute blocks the account for a minute."""
        now = self.clock()
        recent = self._failures.setdefault(username, deque())
        recent.append(now)
        while recent and now - recent[0] > WINDOW_S:
            recent.popleft()
        if len(recent) >= MAX_FAILURES:
            self._blocked_until[username] = now + BLOCK_S
            recent.clear()

    def succeeded(self, username: str) -> None:
        """A right code forgets the earlier wrong ones."""
        self._failures.pop(username, None)
