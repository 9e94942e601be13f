"""The GOV.UK form layer is the bottom of the import order: every app may use it, it uses no
app, and no app reaches into the project package for form pieces."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROJECT_PACKAGES = {"portal_site", "portal_pages", "ehc_forms", "notices", "guidance"}


def imported_modules(path):
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


def project_imports(folder):
    return {
        (str(path.relative_to(ROOT)), module)
        for path in (ROOT / folder).rglob("*.py")
        for module in imported_modules(path)
        if module.split(".")[0] in PROJECT_PACKAGES
    }


def test_the_govuk_layer_imports_no_other_app():
    outside = {
        (path, module)
        for path, module in project_imports("portal_pages/govuk")
        if not module.startswith("portal_pages.govuk")
    }
    assert outside == set()


def test_no_app_imports_the_project_package_for_forms():
    for folder in ("portal_pages", "ehc_forms", "notices", "guidance"):
        assert not {
            (path, module)
            for path, module in project_imports(folder)
            if module.startswith(("portal_site.forms", "portal_site.templatetags"))
        }
