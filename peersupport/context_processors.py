from peersupport import permissions


def roles(request):
    """Exposes the viewer's roles to templates, from the one place that decides them."""
    user = request.user
    return {
        "viewer_is_facilitator": permissions.is_facilitator(user),
        "viewer_is_hr": permissions.is_hr(user),
    }
