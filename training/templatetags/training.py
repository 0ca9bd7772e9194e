from django import template
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from peersupport.listening import MOVES
from peersupport.markdown import render_markdown
from training import content as training_content

register = template.Library()

LABELS = {
    "reflection": _("Reflecting a feeling"), "paraphrase": _("Paraphrase"),
    "open_question": _("Open question"), "validation": _("Validation"),
    "invitation": _("Invitation"), "advice": _("Advice"), "minimising": _("Minimising"),
    "judgement": _("Judgement"), "why_question": _("“Why” question"),
    "self_focus": _("Turning to your own story"), "false_reassurance": _("False reassurance"),
}


@register.filter
def module_markdown(text: str) -> SafeString:
    """Admin-written module text: followed links are fine (trusted authors), HTML never."""
    return render_markdown(text, link_rel="noopener")


@register.filter
def content(text: str) -> str:
    """The path's own words (a module's title, body, examples...) in the reader's language, when
    they are still the first edition's: see training/content.py."""
    return training_content.translate(text)


@register.filter
def code_label(code: str) -> str:
    return str(LABELS.get(code, code))


@register.filter
def is_move(code: str) -> bool:
    return code in MOVES


@register.inclusion_tag("training/_requirement_note.html")
def trained_facilitators_note(group) -> dict:
    """On a group's facilitator pages: says when only trained facilitators may act, with the
    link to the path."""
    from training.policies import group_requires_training

    return {"required": group is not None and group_requires_training(group)}
