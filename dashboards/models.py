"""Rollups: the participation facts of every finished week and month, folded so that a
dashboard reads tens of thousands of rows instead of millions (built by `dashboards.rollups`).

Distinct people over any period are the costly part of the dashboard: they cannot be added up
from per-bucket counts. Periods are always whole weeks or whole months (dashboards.periods), so
each person's activity is kept as a bitmask: bit `(unit + shift) % BLOCK_UNITS` of the row for
block `(unit + shift) // BLOCK_UNITS` says "did this at least once in that week (or month)".
Rows are folded at build time per person and group, per person and category, per person, and
per person and category over the groups never named (`Level`), and kept at two shifts so any
period lies in one block: a figure about people is then a plain COUNT of rows whose mask meets
the period's bits, one row per person, no DISTINCT. Plain counts (attendance rows, going RSVPs,
recognitions, check-out answers) are summed per unit in the tallies.

These tables hold no more than the facts they are built from (who attended which group's
sessions when); they are never shown as they are: the selectors aggregate them and every
figure passes through `dashboards.privacy`. They are not registered in the admin.
"""

from django.conf import settings
from django.db import models

BLOCK_UNITS = 60  # bits 0..59 of a signed 64-bit integer: always positive, on every database
# Every row is kept twice, in blocks shifted by half a block, so that any period of up to
# 30 units (periods have at most 26 weeks or 25 months, +1 for "at the end") lies
# inside ONE block of one of the two: one row per person and group, no merging across blocks.
SHIFTS = (0, 30)


class Grain(models.TextChoices):
    WEEK = "w", "Week"
    MONTH = "m", "Month"


class Level(models.TextChoices):
    """How far a mask row is folded: per person in one group, in one category, or overall.
    Folding at build time is what lets a dashboard count people with a plain COUNT."""

    GROUP = "g", "Person and group"
    CATEGORY = "c", "Person and category"
    PERSON = "p", "Person"
    UNNAMED = "u", "Person and category, in groups never named (private or sensitive)"


class MaskRow(models.Model):
    """What every mask row has: its place (grain, shift, block, level) and whose it is."""

    grain = models.CharField(max_length=1, choices=Grain.choices)
    shift = models.PositiveSmallIntegerField()
    block = models.IntegerField()
    level = models.CharField(max_length=1, choices=Level.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="+")
    group = models.ForeignKey("groups.Group", null=True, on_delete=models.CASCADE,
                              related_name="+")  # level "g" only
    category = models.CharField(max_length=20, blank=True)  # levels "g" and "c"
    # The person's department when the rollup was built (the tallies use the same snapshot).
    department = models.ForeignKey("accounts.Department", null=True, on_delete=models.SET_NULL,
                                   related_name="+", db_constraint=False)

    class Meta:
        abstract = True


class RollupState(models.Model):
    """One row: when the rollups were last built (they hold every session started before)."""

    built_at = models.DateTimeField(null=True, blank=True)
    seconds = models.FloatField(default=0, help_text="How long the last build took.")

    class Meta:
        constraints = [models.CheckConstraint(condition=models.Q(id=1), name="rollup_state_one")]


class ActivityMask(MaskRow):
    """A person's activity (in a group, a category, or anywhere), one bit per unit."""

    attended = models.BigIntegerField(default=0)  # attended a held session
    going = models.BigIntegerField(default=0)  # had a "going" RSVP to a held session
    going_attended = models.BigIntegerField(default=0)  # ...and attended that same session
    checked_out = models.BigIntegerField(default=0)  # answered a session check-out

    class Meta:
        indexes = [models.Index(fields=["grain", "shift", "block", "level"],
                                name="activitymask_block")]


class ActivityTally(models.Model):
    """Counts per week (or month), group and department of the people counted."""

    grain = models.CharField(max_length=1, choices=Grain.choices)
    unit = models.IntegerField()
    group = models.ForeignKey("groups.Group", on_delete=models.CASCADE, related_name="+")
    department = models.ForeignKey("accounts.Department", null=True, on_delete=models.SET_NULL,
                                   related_name="+", db_constraint=False)
    attendance = models.IntegerField(default=0)  # attendance rows (for the average size)
    going = models.IntegerField(default=0)
    going_attended = models.IntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["grain", "unit"], name="activitytally_unit")]


class CheckoutTally(models.Model):
    """Anonymous check-out answers per week (or month) and group: how many, and their sum."""

    grain = models.CharField(max_length=1, choices=Grain.choices)
    unit = models.IntegerField()
    group = models.ForeignKey("groups.Group", on_delete=models.CASCADE, related_name="+")
    answers = models.IntegerField(default=0)
    score_total = models.IntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["grain", "unit"], name="checkouttally_unit")]


class MembershipMask(MaskRow):
    """Memberships folded into units: when active, present at a unit's start, begun, ended."""

    active = models.BigIntegerField(default=0)  # a member at some moment of the unit
    present = models.BigIntegerField(default=0)  # a member at the moment the unit began
    joined = models.BigIntegerField(default=0)
    left = models.BigIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["grain", "shift", "block", "level"],
                                name="membershipmask_block")]


class RecognitionMask(MaskRow):
    """Who took part in recognition, one bit per unit (hidden recognitions never count).

    role "g": `user` gave one; "v": gave one with `value` (null: none); "r": received one."""

    class Role(models.TextChoices):
        GAVE = "g", "Gave"
        GAVE_VALUE = "v", "Gave, by value"
        RECEIVED = "r", "Received"

    role = models.CharField(max_length=1, choices=Role.choices)
    value = models.ForeignKey("recognition.Value", null=True, on_delete=models.CASCADE,
                              related_name="+", db_constraint=False)
    mask = models.BigIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["grain", "shift", "block", "level"],
                                name="recognitionmask_block")]


class RecognitionTally(models.Model):
    """Recognitions per unit and group: "given" (by the giver's department), "value" (by
    giver's department and value), "received" (by the recipient's department). Each counts
    distinct recognitions, so a recognition to two people of one department counts once."""

    class Kind(models.TextChoices):
        GIVEN = "given", "Given"
        VALUE = "value", "By value"
        RECEIVED = "received", "Received"

    grain = models.CharField(max_length=1, choices=Grain.choices)
    unit = models.IntegerField()
    kind = models.CharField(max_length=8, choices=Kind.choices)
    group = models.ForeignKey("groups.Group", null=True, on_delete=models.CASCADE,
                              related_name="+")
    department = models.ForeignKey("accounts.Department", null=True, on_delete=models.SET_NULL,
                                   related_name="+", db_constraint=False)
    value = models.ForeignKey("recognition.Value", null=True, on_delete=models.CASCADE,
                              related_name="+", db_constraint=False)
    count = models.IntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["grain", "unit"], name="recognitiontally_unit")]
