"""parler_kit — a training kit for a 3-day course on early language for early-childhood professionals.

The importable core (content, i18n, errors…) loads without ipywidgets or IPython; the widgets live
in `parler_kit.widgets` and are imported only by notebooks.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("parler_kit")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0+unknown"

__all__ = ["__version__"]
