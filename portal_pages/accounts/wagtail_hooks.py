"""Admin and portal wiring of the accounts area."""

from wagtail import hooks

from portal_pages.accounts import demo

hooks.register("register_demo_content", demo.load, order=-50)
