from django.apps import AppConfig


class SessionsConfig(AppConfig):
    """Dialogue sessions. Labelled `peer_sessions` (`sessions` is django.contrib.sessions)."""

    name = "sessions"
    label = "peer_sessions"
    verbose_name = "Dialogue sessions"
