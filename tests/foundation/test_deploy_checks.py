import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def production_environment(**overrides):
    """This process's environment less what only the test run sets (the browser tests allow
    synchronous ORM calls beside Playwright's event loop, which production must never do)."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    return {**environment, "DJANGO_SETTINGS_MODULE": "portal_site.settings.production", **overrides}


def run_manage(*args, **env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=production_environment(**env),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_check_deploy_without_warnings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="a-long-random-production-secret-" + "x" * 40,
        ALLOWED_HOSTS="portal.example.gov.uk",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = run_manage("check")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


# A web process loads every app's `wagtail_hooks` and URLconf; none of the portal's modules it
# loads may import `django.test` (the demo and bench builders do, for their test clients).
# Wagtail itself imports `django.test.RequestFactory`, so the check records who imports it.
LOAD_WHAT_A_WEB_PROCESS_LOADS = textwrap.dedent(
    """
    import builtins, json, sys
    from importlib import import_module

    PORTAL_PACKAGES = {"portal_site", "portal_pages", "ehc_forms", "notices", "guidance"}
    importers = set()
    real_import = builtins.__import__

    def watching_import(name, globals=None, locals=None, fromlist=(), level=0):
        importer = (globals or {}).get("__name__", "")
        if name.split(".")[:2] == ["django", "test"] and importer.split(".")[0] in PORTAL_PACKAGES:
            importers.add(importer)
        return real_import(name, globals, locals, fromlist, level)

    builtins.__import__ = watching_import

    import django
    from django.apps import apps
    from django.urls import get_resolver
    from django.utils.module_loading import module_has_submodule

    django.setup()
    for app_config in apps.get_app_configs():
        for name in ("wagtail_hooks", "urls"):
            if module_has_submodule(app_config.module, name):
                import_module(f"{app_config.name}.{name}")
    get_resolver().url_patterns  # the root URLconf and everything it includes
    web_process = sorted(importers)
    loaded = sorted(m for m in sys.modules if m.split(".")[0] in PORTAL_PACKAGES)
    import_module(sys.argv[1])  # a module known to import django.test: the check must see it
    after_control = sorted(importers)
    print(json.dumps({"importers": web_process, "loaded": loaded, "after_control": after_control}))
    """
)


def test_wagtail_hooks_and_urlconfs_do_not_import_django_test(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", LOAD_WHAT_A_WEB_PROCESS_LOADS, "ehc_forms.bench"],
        cwd=ROOT,
        env=production_environment(
            SECRET_KEY="a-long-random-production-secret-" + "x" * 40,
            ALLOWED_HOSTS="portal.example.gov.uk",
            DATABASE_URL=f"sqlite:///{tmp_path / 'unused.sqlite3'}",
        ),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    modules = json.loads(result.stdout.strip().splitlines()[-1])

    assert modules["importers"] == []
    assert not [name for name in modules["loaded"] if name.rsplit(".", 1)[-1] in {"demo", "bench"}]
    assert "ehc_forms.wagtail_hooks" in modules["loaded"]
    assert "ehc_forms.bench" in modules["after_control"]
