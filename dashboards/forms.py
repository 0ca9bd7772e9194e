"""The period and filter form (GET). Only public, non-sensitive groups can be chosen."""

from __future__ import annotations

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from accounts.models import Department
from dashboards.periods import PRESETS, Period, period_for
from dashboards.selectors.base import Scope, public_group
from groups.models import Group
from peersupport.bounds import BoundedDateField, IdChoiceField


class ListSelect(forms.Select):
    """A <select> written in one pass: Django renders each <option> through its own template,
    which for the ~300 groups of a large organisation cost more than a dashboard query."""

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        selected = {str(v) for v in self.format_value(value)}
        options = format_html_join(
            "", "<option value=\"{}\"{}>{}</option>",
            ((key, mark_safe(" selected") if str(key) in selected else "", label)
             for key, label in ((str(k) if k is not None else "", label)
                                for k, label in self.choices)))
        return format_html("<select name=\"{}\"{}>{}</select>", name, flatatt(attrs), options)


class DashboardFilterForm(forms.Form):
    period = forms.ChoiceField(choices=list(PRESETS.items()), initial="4w", required=False,
                               label=_("Period"))
    start = BoundedDateField(label=pgettext_lazy("start date", "From"), required=False,
                            widget=forms.DateInput(attrs={"type": "date"}),
                            help_text=_("Custom period only; snapped to whole weeks."))
    end = BoundedDateField(label=pgettext_lazy("end date", "To"), required=False,
                          widget=forms.DateInput(attrs={"type": "date"}))
    department = IdChoiceField(queryset=Department.objects.order_by("name"),
                                        required=False, empty_label=_("All departments"),
                                        widget=ListSelect, label=_("Department"))
    category = forms.ChoiceField(choices=[("", _("All categories")), *Group.Category.choices],
                                 required=False, label=_("Group category"))
    group = IdChoiceField(
        queryset=Group.objects.filter(public_group()).order_by("name"), required=False,
        empty_label=_("All groups"), widget=ListSelect, label=_("Group"),
        help_text=_("Only open and request-to-join groups that are not sensitive can be chosen."))

    def __init__(self, *args, now=None, **kwargs) -> None:
        """`now`: the moment periods are counted back from (the rollups' build time)."""
        super().__init__(*args, **kwargs)
        self.now = now

    def clean(self):
        data = super().clean()
        preset = data.get("period") or "4w"
        if preset != "custom" and (data.get("start") or data.get("end")):
            data["start"] = data["end"] = None
        try:
            data["resolved_period"] = period_for(preset=preset, start=data.get("start"),
                                                 end=data.get("end"), now=self.now)
        except ValueError as error:
            raise forms.ValidationError(str(error)) from error
        group = data.get("group")
        category = data.get("category")
        if group and category and group.category != category:
            self.add_error("group", gettext("That group is not in the chosen category."))
        return data

    def scope(self) -> Scope:
        data = self.cleaned_data
        period: Period = data["resolved_period"]
        department = data.get("department")
        group = data.get("group")
        return Scope(period=period, department_id=department.id if department else None,
                     category=data.get("category") or None, group_id=group.id if group else None)

    def filter_labels(self) -> list[tuple[str, str]]:
        data = self.cleaned_data
        category = dict(Group.Category.choices).get(data.get("category") or "",
                                                    _("All categories"))
        return [
            (_("Period"), data["resolved_period"].description),
            (_("Department"), str(data["department"]) if data.get("department")
             else _("All departments")),
            (_("Group category"), category),
            (_("Group"), data["group"].name if data.get("group") else _("All groups")),
        ]
