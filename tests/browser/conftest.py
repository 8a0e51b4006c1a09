"""The browser fixtures are registered once, in tests/conftest.py, from `browser.jupyter_servers`."""
