"""Admin and portal wiring of the accounts area."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from portal_pages.accounts import services
from portal_pages.accounts.admin_views import (
    BULK_ACTIONS,
    AwaitingApprovalPanel,
    OrganisationViewSet,
    RegistrationViewSet,
)
from portal_pages.accounts.models import Registration
from portal_pages.pages.navigation import navigation_url

# The proxy gets its own policy (accounts.view_registration / change_registration, held
# by the SEND team group) instead of inheriting Wagtail's user-management one.
register_permission_policy(Registration, exact_class=True)
register_snippet(RegistrationViewSet)


@hooks.register("register_admin_viewset")
def register_organisation_viewset():
    return OrganisationViewSet()


for bulk_action in BULK_ACTIONS:
    hooks.register("register_bulk_action", bulk_action)


@hooks.register("register_log_actions")
def register_decision_log_actions(actions):
    for decision in services.DECISIONS:
        actions.register_action(decision.log_action, decision.label, decision.log_message)
    actions.register_action(
        services.MERGE_ACTION,
        "Merge organisations",
        "Merged a duplicate organisation into this one",
    )
    actions.register_action(
        services.ANONYMISE_ACTION,
        "Anonymise account",
        "Replaced the account's personal details under the retention rules",
    )


@hooks.register("construct_homepage_panels")
def add_awaiting_approval_panel(request, panels):
    if request.user.has_perm("accounts.change_registration"):
        panels.append(AwaitingApprovalPanel())


@hooks.register("register_portal_navigation_item")
def account_navigation(request):
    """ "Your account" for anyone signed in; current on every account page but sign-out."""
    if not request.user.is_authenticated:
        return None
    url = navigation_url("accounts:account")
    on_sign_out = request.path == navigation_url("accounts:sign_out")
    return {
        "text": "Your account",
        "href": url,
        "current": request.path.startswith(url) and not on_sign_out,
    }


@hooks.register("register_portal_navigation_item")
def sign_in_or_out_navigation(request):
    """ "Sign out" for anyone signed in, "Sign in" for visitors."""
    signed_in = request.user.is_authenticated
    url = navigation_url("accounts:sign_out" if signed_in else "two_factor:login")
    text = "Sign out" if signed_in else "Sign in"
    return {"text": text, "href": url, "current": request.path == url}


@hooks.register("register_portal_navigation_item")
def register_navigation(request):
    """ "Register" for visitors only."""
    if request.user.is_authenticated:
        return None
    url = navigation_url("accounts:register")
    return {"text": "Register", "href": url, "current": request.path.startswith(url)}
