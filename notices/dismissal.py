"""Information notices a visitor has dismissed, kept in a cookie that lasts until the
browser closes (so dismissing works before signing in and writes no session)."""

DISMISSED_COOKIE = "portal_dismissed_notices"
# More would only mean an old cookie: live notices are a handful at any time.
MAX_REMEMBERED = 20


def dismissed_notice_ids(request):
    """The notice ids in the cookie; anything that is not an id is ignored."""
    raw = request.COOKIES.get(DISMISSED_COOKIE, "")
    return {int(part) for part in raw.split(".") if part.isdigit()}


def remember_dismissal(request, response, notice_id):
    ids = sorted(dismissed_notice_ids(request) | {notice_id})[-MAX_REMEMBERED:]
    response.set_cookie(
        DISMISSED_COOKIE,
        ".".join(str(notice_id) for notice_id in ids),
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )
