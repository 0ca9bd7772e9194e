"""Rollups: the participation facts of every finished week and month, folded so that a
dashboard reads tens of thousands of rows instead of millions (built by `dashboards.rollups`).

Distinct people over any period are the costly part of the dashboard: they cannot be added up
from per-bucket counts. Periods are always whole weeks or whole months (dashboards.periods), so
each person's activity in a group is kept as a bitmask: bit `unit % BLOCK_UNITS` of the row for
block `unit // BLOCK_UNITS` says "did this at least once in that week (or month)". Whether
someone was active in a period, or in each of its buckets, is then a bitwise AND on one row per
person, group and block. Plain counts (attendance rows, going RSVPs) are summed per unit in
`ActivityTally`.

These tables hold no more than the facts they are built from (who attended which group's
sessions when); they are never shown as they are: the selectors aggregate them and every
figure passes through `dashboards.privacy`. They are not registered in the admin.
"""

from django.conf import settings
from django.db import models

BLOCK_UNITS = 60  # bits 0..59 of a signed 64-bit integer: always positive, on every database


class Grain(models.TextChoices):
    WEEK = "w", "Week"
    MONTH = "m", "Month"


class RollupState(models.Model):
    """One row: when the rollups were last built (they hold every session started before)."""

    built_at = models.DateTimeField(null=True, blank=True)
    seconds = models.FloatField(default=0, help_text="How long the last build took.")

    class Meta:
        constraints = [models.CheckConstraint(condition=models.Q(id=1), name="rollup_state_one")]


class ActivityMask(models.Model):
    """One person's activity in one group, one bit per week (or month) of a block of units."""

    grain = models.CharField(max_length=1, choices=Grain.choices)
    block = models.IntegerField()
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="+")
    group = models.ForeignKey("groups.Group", on_delete=models.CASCADE, related_name="+")
    # The person's department when the rollup was built (the tallies use the same snapshot).
    department = models.ForeignKey("accounts.Department", null=True, on_delete=models.SET_NULL,
                                   related_name="+", db_constraint=False)
    attended = models.BigIntegerField(default=0)  # attended a held session
    going = models.BigIntegerField(default=0)  # had a "going" RSVP to a held session
    going_attended = models.BigIntegerField(default=0)  # ...and attended that same session
    checked_out = models.BigIntegerField(default=0)  # answered a session check-out

    class Meta:
        indexes = [models.Index(fields=["grain", "block"], name="activitymask_block")]


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


class MembershipMask(models.Model):
    """One membership, folded into units: when it was active, present at a unit's start,
    begun, ended. Built from memberships (a few per person), with the same blocks as
    `ActivityMask`."""

    grain = models.CharField(max_length=1, choices=Grain.choices)
    block = models.IntegerField()
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="+")
    group = models.ForeignKey("groups.Group", on_delete=models.CASCADE, related_name="+")
    department = models.ForeignKey("accounts.Department", null=True, on_delete=models.SET_NULL,
                                   related_name="+", db_constraint=False)
    active = models.BigIntegerField(default=0)  # a member at some moment of the unit
    present = models.BigIntegerField(default=0)  # a member at the moment the unit began
    joined = models.BigIntegerField(default=0)
    left = models.BigIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["grain", "block"], name="membershipmask_block")]


class RecognitionMask(models.Model):
    """Who took part in recognition, one bit per unit of a block (hidden ones never count).

    role "g": `user` gave a recognition with `value` (null: none) in `group` (null: not in a
    group); `department` is theirs. Role "r": `user` received one; `department` is theirs.
    Role "x": `user` gave one to someone of `department` (the receiving side's givers)."""

    class Role(models.TextChoices):
        GAVE = "g", "Gave"
        RECEIVED = "r", "Received"
        GAVE_TO = "x", "Gave to a department"

    grain = models.CharField(max_length=1, choices=Grain.choices)
    block = models.IntegerField()
    role = models.CharField(max_length=1, choices=Role.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="+")
    group = models.ForeignKey("groups.Group", null=True, on_delete=models.CASCADE,
                              related_name="+")
    value = models.ForeignKey("recognition.Value", null=True, on_delete=models.CASCADE,
                              related_name="+", db_constraint=False)
    department = models.ForeignKey("accounts.Department", null=True, on_delete=models.SET_NULL,
                                   related_name="+", db_constraint=False)
    mask = models.BigIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["grain", "block"], name="recognitionmask_block")]


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
