"""Registers the demo site structure first, so every area's demo content can hang off it."""

from wagtail import hooks

from portal_site import demo

hooks.register("register_demo_content", demo.load, order=-100)
