from peersupport import permissions


def roles(request):
    """Exposes the viewer's roles to templates, from the one place that decides them.

    `facilitator_waiting`: for a facilitator (site role) who passed two-factor, what waits in
    their groups' inboxes, for the navigation's badge. A callable, so the one query it costs
    runs only when a page shows the navigation (peersupport.home.facilitator_nav_count)."""
    user = request.user
    context = {
        "viewer_is_facilitator": permissions.is_facilitator(user),
        "viewer_is_hr": permissions.is_hr(user),
        "facilitator_waiting": 0,
    }
    if context["viewer_is_facilitator"] and permissions.two_factor_satisfied(request):
        from peersupport.home import facilitator_nav_count

        def waiting() -> int:  # base.html reads it once, in a {% with %}
            return facilitator_nav_count(user=user)

        context["facilitator_waiting"] = waiting
    return context
