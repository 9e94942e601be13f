from wagtail import hooks


def test_signed_in_professional_sees_a_tile_per_registered_area(professional_client, demo_site):
    def tile(request):
        return {"title": "Reports", "href": "/reports/", "count": 7, "description": "Ready"}

    with hooks.register_temporarily("register_portal_home_tile", tile):
        html = professional_client.get("/").content.decode()

    assert 'href="/reports/">Reports</a>' in html
    assert "Sign in" not in html


def test_visitors_see_the_welcome_text_and_no_tiles(client, demo_site):
    def tile(request):
        return {"title": "Reports", "href": "/reports/", "count": 7, "description": "Ready"}

    with hooks.register_temporarily("register_portal_home_tile", tile):
        html = client.get("/").content.decode()

    assert "Reports" not in html
    assert "Who can register" in html
