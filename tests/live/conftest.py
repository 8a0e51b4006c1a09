"""Fixtures of the live view's tests (the class folder is built in `live.class_folders`)."""

from live.class_folders import class_folder, module_class_folder

__all__ = ["class_folder", "module_class_folder"]
