"""Fixtures of the browser tests; they live in `browser.jupyter_servers` so others can reuse them."""

from browser.jupyter_servers import chromium, jupyter_home, page, widget_notebook

__all__ = ["chromium", "jupyter_home", "page", "widget_notebook"]
