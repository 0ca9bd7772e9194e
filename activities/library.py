"""The starter library: activities written for PeerSupport's groups.

Loaded once by the data migration `0002_starter_library` (and editable in the admin after
that). Each activity: (slug, title, purpose key, why, format, fewest, most, materials, tips,
accessibility and inclusion, ground-rule keys, steps). A step: (title, minutes, instructions,
prompt, appreciation).
"""

from __future__ import annotations

QUIET = ("Everything can be done in writing in the chat or on paper, so nobody has to speak "
         "aloud. ")
PASS = "Anyone may pass at any step, without giving a reason. "

def spec(**fields) -> dict:
    return fields


LIBRARY: list[dict] = [
    # --- Break the ice -------------------------------------------------------------------------
    spec(
        slug="two-good-things", title="Two good things", purpose="icebreaker",
        why="A gentle start that tunes the room to what is going well, without asking anyone "
            "to open up about anything personal.",
        format="both", min=3, max=20, materials="",
        tips="Go first with something small and real (\"the coffee machine was fixed\"): it "
             "shows that modest things count. Keep the pace light; this is a warm-up, not a "
             "discussion.",
        access=QUIET + PASS + "Work and non-work answers are equally welcome, so nobody has "
               "to share home life. Short answers in any language are fine; emoji count too.",
        rules=["right_to_pass", "respect"],
        steps=[
            ("Think", 2, "Everyone thinks of two good things from the past week. Tiny things "
             "are perfect: a kind email, a bug that finally made sense, a good sandwich.", "",
             False),
            ("Share", 6, "Each person shares their two good things in a sentence or two, in the "
             "chat or aloud. Listen without commenting yet.",
             "Two good things from your week (big or tiny)", False),
            ("Notice", 2, "The facilitator names one or two themes they heard, without singling "
             "anyone out, and thanks the group.", "", False),
        ],
    ),
    spec(
        slug="object-on-my-desk", title="The object on my desk", purpose="icebreaker",
        why="People learn a little about each other through an ordinary object they choose, "
            "so they decide exactly how much to share.",
        format="remote", min=3, max=12,
        materials="Any object within reach of each person (a mug, a plant, a pen).",
        tips="Remind people they can pick the most boring object in reach; the stories come "
             "anyway. If the group is large, ask for one sentence each.",
        access="Nobody needs to stand up or move: the object can be the one in your hand. "
               "Instead of showing it on camera you can describe it in the chat. " + PASS,
        rules=["right_to_pass", "listen_without_judgement"],
        steps=[
            ("Choose", 2, "Everyone picks one object they can reach without getting up.", "",
             False),
            ("Describe", 10, "In turn, each person says or writes what the object is and one "
             "thing about it: where it came from, why it is there, or what it says about "
             "their work.",
             "Your object, and one thing about it", False),
            ("Spot", 3, "Everyone writes one thing they found surprising or that they have in "
             "common with someone.", "Something you have in common with someone here", False),
        ],
    ),
    spec(
        slug="weather-report", title="Weather report check-in", purpose="icebreaker",
        why="A quick way to hear how everyone arrives today, in a picture rather than a "
            "confession.",
        format="both", min=2, max=25, materials="",
        tips="Accept every weather without follow-up questions. If someone reports a storm, "
             "thank them and, after the session, offer a private word; never in front of the "
             "group.",
        access="A weather word or emoji is enough; no explanation is expected. " + PASS +
               "Weather metaphors work across cultures; offer \"a colour\" as an alternative.",
        rules=["right_to_pass", "confidentiality", "listen_without_judgement"],
        steps=[
            ("Report", 5, "Everyone describes their inner weather today: sunny, foggy, a light "
             "drizzle, a heatwave. One word or a sentence.", "Your weather today", False),
            ("Acknowledge", 3, "The facilitator thanks the group and names the overall climate "
             "(\"mostly cloudy with sunny spells\"), never an individual.", "", False),
        ],
    ),
    spec(
        slug="common-ground", title="Common ground", purpose="icebreaker",
        why="Small groups discover surprising things they share, which makes later "
            "conversations easier.",
        format="both", min=4, max=30,
        materials="Remote: breakout rooms or chat threads. In person: paper and pens.",
        tips="Suggest light areas (food, travel wishes, first concerts, pets) and steer away "
             "from age, family status, religion or health. Mixing people who rarely work "
             "together works best.",
        access="Small groups of three or four make it easier for quieter people. " + QUIET +
               "Nobody should feel they must reveal something to belong: \"we all like tea\" "
               "is a fine result.",
        rules=["respect", "right_to_pass"],
        steps=[
            ("Form small groups", 2, "Split into groups of three or four.", "", False),
            ("Find common ground", 8, "Each small group finds three things all its members "
             "have in common that are not about work. The more unexpected, the better.", "", False),
            ("Share", 5, "Each group shares its most surprising one.",
             "The most surprising thing your group has in common", False),
        ],
    ),
    # --- Appreciate each other -----------------------------------------------------------------
    spec(
        slug="appreciation-round", title="Appreciation round", purpose="appreciation",
        why="People say out loud what they value in each other: specific thanks that often "
            "go unsaid in a busy week.",
        format="both", min=3, max=12, materials="",
        tips="Model a specific appreciation (\"thank you for staying late to pair with me on "
             "Tuesday\"), not a general one. Make sure nobody is left out: you can appreciate "
             "the people nobody has named yet. After the round, mention that each author can "
             "turn what they wrote into a recognition.",
        access=QUIET + PASS + "Nobody is asked to receive praise in front of everyone if they "
               "would rather not: appreciation can be for the group as a whole.",
        rules=["respect", "right_to_pass", "own_experience"],
        steps=[
            ("Think of someone", 3, "Everyone thinks of something a person in this group did "
             "recently that helped them, however small.", "", False),
            ("Appreciate", 9, "Write or say one specific appreciation. Name the person and "
             "what they did, and what difference it made to you.",
             "One thing you appreciated about someone this week", True),
            ("Close", 3, "The facilitator thanks everyone. Anyone who wrote an appreciation "
             "may turn it into a recognition, if they wish.", "", False),
        ],
    ),
    spec(
        slug="thank-you-notes", title="Thank-you notes", purpose="appreciation",
        why="Written thanks last: people can keep them and reread them on a hard day.",
        format="both", min=3, max=20,
        materials="In person: cards or sticky notes and pens. Remote: the chat.",
        tips="Give enough quiet time to write. Encourage notes to people who are less visible "
             "in the team's work. Notes can be signed or not.",
        access="Writing at your own pace suits people who find speaking up hard. Notes can be "
               "in any language. " + PASS,
        rules=["respect", "right_to_pass"],
        steps=[
            ("Write", 10, "Everyone writes one or two short thank-you notes to people in the "
             "group: what they did, and why it mattered.",
             "A thank-you note to someone here", True),
            ("Share", 7, "Volunteers read a note aloud, or post it in the chat. Others can "
             "stay private and be given afterwards.", "", False),
            ("Close", 3, "Thank everyone for the kindness in the room.", "", False),
        ],
    ),
    spec(
        slug="spotlight-on-a-helper", title="Spotlight on a helper", purpose="appreciation",
        why="Recognises the quiet support work that keeps a team going: reviews, answers, "
            "patience.",
        format="remote", min=4, max=15, materials="",
        tips="Ask for examples of invisible help specifically. If one person is named many "
             "times, ask who else helped in less obvious ways.",
        access=QUIET + "The person spotlighted never has to respond. " + PASS,
        rules=["respect", "own_experience"],
        steps=[
            ("Remember", 3, "Think of a moment in the past month when someone helped you in a "
             "way few people noticed.", "", False),
            ("Spotlight", 10, "Post your spotlight: who helped, and what they did.",
             "Who helped you in a way few people noticed?", True),
            ("Reflect", 2, "The facilitator reads out the kinds of help mentioned (not the "
             "names) and thanks the group.", "", False),
        ],
    ),
    spec(
        slug="kindness-circle", title="Kindness circle", purpose="appreciation",
        why="Each person, if they want, hears a few kind words from colleagues: a lift that "
            "stays with people.",
        format="both", min=4, max=10, materials="",
        tips="Only volunteers are in the centre. Keep each turn short (about a minute) and "
             "make sure every volunteer hears at least two appreciations; add your own if "
             "needed.",
        access="Volunteers only: nobody is put on the spot. Appreciations can be written "
               "in the chat instead of spoken. " + PASS,
        rules=["respect", "right_to_pass", "listen_without_judgement"],
        steps=[
            ("Volunteers", 3, "Ask who would like to hear some appreciation today.", "", False),
            ("Kind words", 14, "For each volunteer in turn, others share a quality they value "
             "in them, with an example if they have one.",
             "Something you value in today's volunteer", True),
            ("Thank", 3, "Each volunteer may say thank you, or simply smile and pass.", "", False),
        ],
    ),
    # --- Solve a problem together --------------------------------------------------------------
    spec(
        slug="small-fixes", title="Small fixes that would help", purpose="problem_solving",
        why="Turns everyday frustrations into small, doable improvements the group can own.",
        format="both", min=3, max=15,
        materials="A shared list: the chat, a whiteboard or sticky notes.",
        tips="Keep it about processes and habits, never about people. Pick fixes the group "
             "itself can act on within a week.",
        access=QUIET + "Ideas are collected without names attached in the summary. " + PASS,
        rules=["respect", "own_experience", "no_unsolicited_advice"],
        steps=[
            ("Collect", 7, "Everyone lists small things that make work harder than it needs to "
             "be (a meeting with no agenda, a missing checklist).",
             "One small thing that makes work harder than it needs to be", False),
            ("Group", 5, "Together, cluster similar items and pick two or three.", "", False),
            ("Fix", 10, "For each pick, agree on one small fix and who would like to try it.",
             "A small fix you would try this week", False),
            ("Recap", 3, "Read the fixes back. Check in on them next time.", "", False),
        ],
    ),
    spec(
        slug="pass-the-problem", title="Pass the problem", purpose="problem_solving",
        why="Everyone helps everyone: each shared challenge collects several fresh ideas.",
        format="both", min=4, max=12,
        materials="Remote: the chat. In person: one sheet of paper per challenge.",
        tips="Only people who volunteer share a challenge, and they decide what to do with "
             "the ideas. Ask for ideas, not verdicts (\"you could try...\").",
        access=QUIET + "Challenges must be work situations that can be shared safely; nobody "
               "names colleagues. " + PASS,
        rules=["no_unsolicited_advice", "confidentiality", "respect"],
        steps=[
            ("Share a challenge", 5, "Two or three volunteers each describe a work challenge "
             "in two sentences.", "", False),
            ("Ideas", 12, "Everyone offers one idea for each challenge, starting with \"you "
             "could try...\".", "An idea for one of the challenges", False),
            ("Take away", 5, "Each volunteer says which idea they will try, if any.", "", False),
        ],
    ),
    spec(
        slug="pre-mortem", title="Kind pre-mortem", purpose="problem_solving",
        why="Imagining a project went wrong helps a team spot risks early, without blame.",
        format="both", min=3, max=12, materials="A shared board or the chat.",
        tips="Set the frame clearly: \"it's six months from now and this went badly; what "
             "happened?\". Stay on causes, not culprits.",
        access=QUIET + "Risks are written anonymously on a shared board if the group prefers. "
               + PASS,
        rules=["respect", "no_unsolicited_advice"],
        steps=[
            ("Imagine", 3, "Picture the team's next project six months from now, having gone "
             "badly.", "", False),
            ("List causes", 10, "Everyone writes what might have caused it.",
             "One thing that could make our next project go badly", False),
            ("Prevent", 12, "Pick the three likeliest causes and agree on one prevention "
             "each.", "", False),
            ("Close", 5, "Name who will keep an eye on each prevention.", "", False),
        ],
    ),
    spec(
        slug="team-day-planner", title="Plan our team day", purpose="problem_solving",
        why="The group designs a day everyone could enjoy: practice at balancing different "
            "needs.",
        format="both", min=4, max=20, materials="",
        tips="Name the constraints first (budget, time, accessibility, diet) so the plan "
             "includes everyone from the start.",
        access="Every plan must work for people who do not drink alcohol, have dietary needs, "
               "use a wheelchair or are remote. " + QUIET + PASS,
        rules=["respect", "own_experience"],
        steps=[
            ("Needs", 5, "Everyone writes one thing that would make a team day good for them.",
             "One thing that would make a team day good for you", False),
            ("Ideas", 10, "In small groups, draft a day that meets as many needs as possible.",
             "", False),
            ("Choose", 10, "Share drafts and combine the best parts.", "", False),
        ],
    ),
    # --- Share stories -------------------------------------------------------------------------
    spec(
        slug="had-my-back", title="A time someone had my back", purpose="stories",
        why="Stories of support remind people what good colleagues do, and that they can do "
            "it too.",
        format="both", min=3, max=12, materials="",
        tips="Share a short story of your own first. Stories can come from any job, school or "
             "volunteering. Thank each storyteller; no follow-up questions unless invited.",
        access="Stories can be as short as a sentence and written in the chat. Nobody has to "
               "share a painful situation to tell a story of support. " + PASS,
        rules=["confidentiality", "listen_without_judgement", "right_to_pass"],
        steps=[
            ("Remember", 3, "Think of a time someone had your back at work.", "", False),
            ("Tell", 15, "Volunteers share their story in two or three minutes.",
             "A time someone had your back", False),
            ("Name it", 5, "Together, list what those people did: the habits of support.",
             "", False),
        ],
    ),
    spec(
        slug="story-of-a-name", title="The story of a name", purpose="stories",
        why="Everyone has a name story; sharing one is a warm, low-risk way to be known.",
        format="both", min=3, max=15, materials="",
        tips="Offer alternatives: a nickname, a pet's name, a street or a place that matters. "
             "Pronounce names as people say them, and ask if unsure.",
        access="Any name will do, so nobody has to talk about family or heritage. " + QUIET
               + PASS,
        rules=["respect", "right_to_pass", "listen_without_judgement"],
        steps=[
            ("Pick a name", 2, "Choose a name to talk about: yours, a nickname, a pet, a "
             "place.", "", False),
            ("Tell", 13, "Each person tells the story of that name in a minute or two.",
             "The story of a name", False),
            ("Thank", 3, "Thank everyone; note how many stories there were in the room.", "",
             False),
        ],
    ),
    spec(
        slug="first-job-stories", title="First job stories", purpose="stories",
        why="Funny and formative first-job memories break down hierarchy: everyone started "
            "somewhere.",
        format="both", min=3, max=20, materials="",
        tips="Keep stories short and light. If someone's first job was hard, thank them "
             "warmly and move on.",
        access="\"First job\" can be a chore, a school role or volunteering. " + QUIET + PASS,
        rules=["respect", "listen_without_judgement", "right_to_pass"],
        steps=[
            ("Remember", 2, "Think of your first job, paid or not.", "", False),
            ("Share", 13, "Share one thing it taught you, in a sentence or a short story.",
             "Your first job, and one thing it taught you", False),
            ("Collect", 5, "List the lessons together; which ones still matter here?", "",
             False),
        ],
    ),
    # --- Values and strengths ------------------------------------------------------------------
    spec(
        slug="strengths-spotting", title="Strengths spotting", purpose="values",
        why="Colleagues name the strengths they see in each other, which people often "
            "underrate in themselves.",
        format="both", min=3, max=10, materials="A list of strengths (optional).",
        tips="Offer a list of strengths words (patience, curiosity, clarity, courage) for "
             "people who find it hard to put into words. Make sure everyone is spotted.",
        access=QUIET + "People choose whether their spotted strengths are shared with the "
               "group. " + PASS,
        rules=["respect", "own_experience", "right_to_pass"],
        steps=[
            ("Observe", 3, "Think of one or two people here and a strength you have seen them "
             "use.", "", False),
            ("Spot", 12, "Write the strength and the moment you saw it.",
             "A strength you have seen in someone here, and when", True),
            ("Own it", 5, "Each person may say which spotted strength surprised them.", "",
             False),
        ],
    ),
    spec(
        slug="values-in-one-word", title="Our values in one word", purpose="values",
        why="The group finds the few words that describe how it wants to work together.",
        format="both", min=3, max=25, materials="A word cloud tool or the chat.",
        tips="Collect words first, discuss second. Aim for three words the group can live "
             "with, not a perfect statement.",
        access=QUIET + "Words in any language are welcome; translate together. " + PASS,
        rules=["respect", "listen_without_judgement"],
        steps=[
            ("Words", 5, "Everyone writes one word for how they want this group to work.",
             "One word for how you want us to work together", False),
            ("Cluster", 8, "Group similar words and talk about what they mean.", "", False),
            ("Choose", 7, "Agree on three words to keep in sight.", "", False),
        ],
    ),
    spec(
        slug="bring-and-need", title="What I bring, what I need", purpose="values",
        why="People say what they offer the team and what helps them do their best, so "
            "support can be offered where it fits.",
        format="both", min=3, max=15, materials="",
        tips="Model both halves: the \"need\" half is the brave one. Keep needs practical "
             "(\"a heads-up before deadlines\").",
        access=QUIET + "Needs do not have to be explained or justified. " + PASS,
        rules=["own_experience", "respect", "right_to_pass"],
        steps=[
            ("Think", 3, "Think of one thing you bring and one thing you need.", "", False),
            ("Share", 12, "Post both.", "One thing you bring, one thing you need", False),
            ("Match", 5, "Look for offers that meet needs.", "", False),
        ],
    ),
    # --- Reflect and close ---------------------------------------------------------------------
    spec(
        slug="one-word-check-out", title="One-word check-out", purpose="closing",
        why="Ends a session calmly, with everyone heard once.",
        format="both", min=2, max=30, materials="",
        tips="Go last. Do not comment on the words; a simple thank you is enough.",
        access=QUIET + PASS + "An emoji counts as a word.",
        rules=["right_to_pass", "listen_without_judgement"],
        steps=[
            ("Check out", 4, "Everyone shares one word for how they leave.",
             "One word for how you leave", False),
            ("Thank", 1, "Thank the group and close the session.", "", False),
        ],
    ),
    spec(
        slug="rose-bud-thorn", title="Rose, bud, thorn", purpose="closing",
        why="A balanced look back: what went well, what is growing, what was hard.",
        format="both", min=3, max=15, materials="",
        tips="It is fine to skip the thorn. Keep thorns about situations, not people.",
        access=QUIET + "Any of the three can be skipped. " + PASS,
        rules=["own_experience", "confidentiality", "right_to_pass"],
        steps=[
            ("Reflect", 3, "Think of a rose (a highlight), a bud (something you look forward "
             "to) and a thorn (something hard).", "", False),
            ("Share", 10, "Share as many of the three as you like.",
             "Your rose, bud and thorn", False),
            ("Close", 2, "Thank everyone.", "", False),
        ],
    ),
    spec(
        slug="taking-with-me", title="Something I'm taking with me", purpose="closing",
        why="Helps people notice what they will carry out of the session into the week.",
        format="both", min=2, max=25, materials="",
        tips="Collect the answers without discussion; read a few back if the group agrees.",
        access=QUIET + PASS,
        rules=["right_to_pass", "confidentiality"],
        steps=[
            ("Reflect", 3, "Quietly think about the session.", "", False),
            ("Share", 6, "Share one thing you are taking with you.",
             "One thing you are taking with you", False),
            ("Close", 1, "Thank everyone.", "", False),
        ],
    ),
    # --- Time together in person ---------------------------------------------------------------
    spec(
        slug="walking-pairs", title="Walking conversations in pairs", purpose="in_person",
        why="Conversations side by side feel easier than face to face; fresh air helps too.",
        format="in_person", min=2, max=20,
        materials="A route with a step-free option, or a quiet room for anyone staying in.",
        tips="Offer a sitting option from the start, as an equal choice. Give each pair one "
             "question to begin with.",
        access="Walking is optional: pairs can sit in a quiet corner or a café. Pick a "
               "step-free route with places to rest. " + PASS,
        rules=["confidentiality", "listen_without_judgement"],
        steps=[
            ("Pair up", 5, "Form pairs and choose walking or sitting.", "", False),
            ("Talk", 20, "Talk about the question: what has made work good lately?", "",
             False),
            ("Return", 5, "Come back together; each pair may share one thought.", "", False),
        ],
    ),
    spec(
        slug="table-questions-lunch", title="Shared lunch: table questions", purpose="in_person",
        why="A shared meal with a few good questions on the table makes space for new "
            "connections.",
        format="in_person", min=4, max=40,
        materials="Lunch (with vegetarian, vegan, halal and allergy-safe options), question "
                  "cards on each table.",
        tips="Mix tables so people meet someone new. Keep questions light (\"what's a skill "
             "you'd love to learn?\").",
        access="Food choices for every diet, and a seat for everyone. Nobody has to answer a "
               "card. " + PASS,
        rules=["respect", "right_to_pass"],
        steps=[
            ("Sit", 5, "Find a seat at a table with someone you don't know well.", "", False),
            ("Eat and talk", 35, "Use the cards as you like.", "", False),
            ("Close", 5, "Thank everyone for coming.", "", False),
        ],
    ),
    spec(
        slug="cooperative-games", title="Cooperative board-game lunch", purpose="in_person",
        why="Cooperative games put everyone on the same side: nobody loses.",
        format="in_person", min=3, max=24,
        materials="Cooperative games for two to six players, lunch for every diet.",
        tips="Choose games that take under half an hour and are easy to explain. Avoid games "
             "with hidden traitors.",
        access="Choose games with large print and simple rules; anyone may watch or help "
               "instead of play. " + PASS,
        rules=["respect"],
        steps=[
            ("Pick a table", 5, "Choose a game table.", "", False),
            ("Play", 45, "Play together.", "", False),
            ("Wrap up", 5, "Share one moment from your game.", "", False),
        ],
    ),
    spec(
        slug="gratitude-wall", title="Gratitude wall", purpose="in_person",
        why="A wall of thank-you notes people add to all week and read whenever they pass.",
        format="in_person", min=3, max=50, materials="Sticky notes, pens, a wall.",
        tips="Start the wall with a few notes of your own. Read some notes aloud at the end "
             "of the week.",
        access="Place the wall at a height everyone can reach. Notes can be anonymous. "
               + PASS,
        rules=["respect"],
        steps=[
            ("Open the wall", 5, "Explain the wall and put the first notes up.", "", False),
            ("Write", 10, "Everyone writes one or more notes.",
             "A thank-you note for the wall", True),
            ("Read", 5, "Read the wall together.", "", False),
        ],
    ),
    spec(
        slug="recipe-swap", title="Recipe swap", purpose="in_person",
        why="Sharing a favourite dish is a friendly way to learn about each other's worlds.",
        format="both", min=3, max=25, materials="A recipe each (written or remembered).",
        tips="Ask for simple dishes; collect recipes into a shared document afterwards.",
        access="Any dish counts, bought or cooked. " + QUIET + PASS,
        rules=["respect", "right_to_pass"],
        steps=[
            ("Think", 3, "Think of a dish you love.", "", False),
            ("Share", 15, "Share the dish and why you love it.",
             "A dish you love, and why", False),
            ("Collect", 2, "Agree where to collect the recipes.", "", False),
        ],
    ),
]


def load_library(Activity, ActivityStep) -> int:
    """Creates the library's activities that do not exist yet (by slug). Returns how many.

    Takes the models as arguments so the data migration can pass its historical ones."""
    created = 0
    for spec in LIBRARY:
        if Activity.objects.filter(slug=spec["slug"]).exists():
            continue
        activity = Activity.objects.create(
            slug=spec["slug"], title=spec["title"], category=spec["purpose"],
            purpose=spec["why"], format=spec["format"], min_people=spec["min"],
            max_people=spec["max"], materials=spec["materials"],
            facilitator_tips=spec["tips"], accessibility_notes=spec["access"].strip(),
            ground_rules=spec["rules"], is_published=True,
            duration_minutes=sum(step[1] for step in spec["steps"]))
        ActivityStep.objects.bulk_create([
            ActivityStep(activity=activity, position=position, title=title, minutes=minutes,
                         instructions=text, prompt=prompt, appreciation=appreciation)
            for position, (title, minutes, text, prompt, appreciation)
            in enumerate(spec["steps"])])
        created += 1
    return created
