# The chat app fills this in (issue: live moderated group chat).
websocket_urlpatterns: list = []
