"""Finds a module of the same name in every installed app, so adding an area never means
editing a central list: the API's `api.py`, the demo's `demo.py`, the benches' `bench.py`."""

from importlib import import_module

from django.apps import apps
from django.utils.module_loading import module_has_submodule


def app_modules(module_name):
    """Each installed app's `<app>.<module_name>` module, in INSTALLED_APPS order (so an area
    listed later can build on what an earlier one made)."""
    for app_config in apps.get_app_configs():
        if module_has_submodule(app_config.module, module_name):
            yield import_module(f"{app_config.name}.{module_name}")
