def test_skip_link_appears_on_keyboard_focus_and_moves_to_main_content(page, live_site):
    page.goto(live_site.url + "/")
    skip_link = page.locator(".govuk-skip-link")
    assert not skip_link.is_visible() or skip_link.bounding_box()["height"] <= 1

    page.keyboard.press("Tab")

    assert skip_link.evaluate("element => element === document.activeElement")
    assert skip_link.bounding_box()["height"] > 1
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main-content"


def test_govuk_frontend_script_initialises(page, live_site):
    page.goto(live_site.url + "/")
    page.wait_for_function("document.body.classList.contains('govuk-frontend-supported')")
    # initAll marks each component it starts; the skip link is on every page.
    page.wait_for_selector(".govuk-skip-link[data-govuk-skip-link-init]")


def test_the_content_security_policy_blocks_nothing_the_page_needs(page, live_site):
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.goto(live_site.url + "/")
    page.wait_for_selector(".govuk-skip-link[data-govuk-skip-link-init]")

    assert violations == []
