"""The community values offered out of the box (admins may edit or add to them).

Stored in English; `Value.label` shows these names in the reader's language (an admin's own
names are shown as typed).
"""

from django.utils.translation import gettext_noop

DEFAULT_VALUES = [
    (gettext_noop("Empathy"), "empathy",
     gettext_noop("Understood how someone felt and showed it.")),
    (gettext_noop("Active listening"), "active-listening",
     gettext_noop("Listened fully, without judgement or interrupting.")),
    (gettext_noop("Inclusion"), "inclusion",
     gettext_noop("Made room for someone who might have been left out.")),
    (gettext_noop("Courage"), "courage",
     gettext_noop("Spoke up, or stood by someone, when it was hard.")),
    (gettext_noop("Support"), "support",
     gettext_noop("Was there for a colleague when it mattered.")),
    (gettext_noop("Teamwork"), "teamwork",
     gettext_noop("Worked with others so everyone could do well.")),
]
