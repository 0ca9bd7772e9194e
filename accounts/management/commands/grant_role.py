from django.core.management.base import BaseCommand, CommandError

from accounts import services
from accounts.models import User


class Command(BaseCommand):
    help = "Grant (or with --revoke, take away) the facilitator or HR admin role."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("role", choices=services.ROLES)
        parser.add_argument("--revoke", action="store_true")

    def handle(self, *args, email: str, role: str, revoke: bool, **options):
        try:
            user = User.objects.get(email__iexact=email)
        except User.DoesNotExist as exc:
            raise CommandError(f"No user with email {email}.") from exc
        if revoke:
            services.user_role_revoke(user=user, role=role)
            self.stdout.write(f"{user.email} is no longer {role}.")
        else:
            services.user_role_grant(user=user, role=role)
            self.stdout.write(f"{user.email} is now {role}.")
