"""The community values offered out of the box (admins may edit or add to them)."""

DEFAULT_VALUES = [
    ("Empathy", "empathy", "Understood how someone felt and showed it."),
    ("Active listening", "active-listening", "Listened fully, without judgement or interrupting."),
    ("Inclusion", "inclusion", "Made room for someone who might have been left out."),
    ("Courage", "courage", "Spoke up, or stood by someone, when it was hard."),
    ("Support", "support", "Was there for a colleague when it mattered."),
    ("Teamwork", "teamwork", "Worked with others so everyone could do well."),
]
