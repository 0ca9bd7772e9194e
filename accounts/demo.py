"""Demo organisation: the people every other app's demo data builds on."""

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password

from accounts.models import Department, User

DEMO_PASSWORD = "peersupport-demo"

DEPARTMENTS = ["Engineering", "Customer Care", "Finance", "People & Culture", "Sales"]

# (email, display name, pronouns, department, time zone, roles)
PEOPLE = [
    ("facilitator@example.com", "Fran Facilitator", "she/her", "People & Culture",
     "Europe/Berlin", {"is_facilitator": True}),
    ("employee@example.com", "Sam Employee", "they/them", "Engineering",
     "America/New_York", {}),
    ("employee2@example.com", "Alex Colleague", "he/him", "Customer Care", "Europe/London", {}),
    ("hr@example.com", "Harper HR", "", "People & Culture", "Europe/London", {"is_hr": True}),
]
# Extra colleagues so aggregate figures pass the minimum-group-size rule.
EXTRA = [
    (f"colleague{n}@example.com", f"Colleague {n}", "", DEPARTMENTS[n % len(DEPARTMENTS)],
     "Europe/London", {})
    for n in range(1, 13)
]


def seed() -> dict[str, User]:
    departments = {name: Department.objects.get_or_create(name=name)[0] for name in DEPARTMENTS}
    people: dict[str, User] = {}
    password = None  # hashed once for every new account: each hash takes half a second
    for email, name, pronouns, dept, tz, roles in PEOPLE + EXTRA:
        user, created = User.objects.get_or_create(
            email=email,
            defaults={"display_name": name, "pronouns": pronouns, "department": departments[dept],
                      "time_zone": tz, **roles},
        )
        if created:
            password = password or make_password(DEMO_PASSWORD)
            user.password = password
            user.save(update_fields=["password"])
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        people[email] = user
    return people
