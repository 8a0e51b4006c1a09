"""Browser fixtures for the curriculum tests, shared with tests/browser/ (see jupyter_servers.py)."""

from browser.jupyter_servers import chromium, jupyter_home, page

__all__ = ["chromium", "jupyter_home", "page"]
