"""The first edition of the listening path, written for PeerSupport (English).

Frozen here for the data migration that seeds it; after that the modules live in the database
and are edited in the admin. Each module: (slug, title, summary, minutes, for_facilitators, body,
examples, practice, questions). Examples: (message, weak, weak_why, strong, strong_why).
Practice: (message, hint). Questions: (message, reply_a, reply_b, better, explanation).
"""

MODULES = [
    (
        "attending-and-presence",
        "Attending and presence",
        "Before any technique: being fully there, so the other person feels it.",
        8,
        True,
        """Listening starts before you say a word. When a colleague brings you something hard, the
first thing they check, usually without knowing it, is whether you are really there.

### What presence looks like
- You stop what you were doing. In chat, you don't answer between two other threads.
- You let them finish. A pause is not a gap to fill; often the important part comes after it.
- You follow their story, not the one your mind starts writing ("this is like my old team...").
- In a session, your camera or your eyes say the same as your words: *I'm with you*.

### Small signals that carry a lot
"Mm." "Go on." "Take your time." Short words that hand the space back. They sound like little,
and they are how people learn they can keep talking.

### When you can't be present
It is kinder to say so than to half-listen: "I want to give this proper attention and I can't
right now. Can we talk at four?" Then keep the appointment.
""",
        [
            ("I don't even know why I'm bringing this up, it's probably nothing, but the way "
             "Dana spoke to me in stand-up has been bugging me all morning.",
             "Haha, Dana's like that with everyone. Anyway, did you see the release notes?",
             "It brushes the moment aside and changes the subject: the colleague learns it was "
             "not worth saying.",
             "It doesn't sound like nothing if it's stayed with you all morning. I'm here, "
             "tell me more.",
             "It takes the hesitation seriously, notices the weight (\"all morning\") and hands "
             "the space back with an invitation."),
        ],
        [
            ("Sorry to grab you, I know you're busy. Something happened with a client call "
             "and I just need to say it to someone.",
             "Show you're there and give them room before anything else."),
            ("I've started and deleted this message about five times.",
             "Let them know there is no rush and you are listening."),
        ],
        [
            ("Can I vent for a minute? Today has been a lot.",
             "Sure, go for it! Though you should really log off early today.",
             "Of course. I'm listening, take your time.",
             "b",
             "B gives the minute they asked for. A says yes and then jumps to advice before "
             "hearing a word."),
            ("I'm not sure this is the right place, but I've been feeling really shut out by "
             "my team.",
             "It is the right place. Being shut out sounds really lonely. I'd like to hear "
             "more.",
             "Everyone feels like that sometimes.",
             "a",
             "A welcomes them, names the feeling and invites more. B shrinks it to something "
             "ordinary, which tells them to stop."),
        ],
    ),
    (
        "reflecting-feelings",
        "Reflecting feelings",
        "Naming the feeling you hear, tentatively, so the person feels understood.",
        10,
        True,
        """People rarely say "I feel humiliated". They tell you what happened, and the feeling is
in how they tell it. Reflecting means putting a name to that feeling, gently, and checking.

### How to reflect
- Start tentatively: "It sounds like...", "I imagine you felt...", "You seem...".
- Name one feeling, not a list. If you are wrong, they will correct you, and that is useful too.
- Keep the feeling theirs. "You sound exhausted" stays with them; "I'd be exhausted" moves to you.

### A word list helps
Angry, hurt, embarrassed, invisible, undermined, anxious, drained, let down, torn, relieved.
The more precise the word, the more understood the person feels. "Upset" is fine; "humiliated"
often lands deeper, when it is right.

### When it lands
You will often hear "Yes, exactly" and then something new: the part they had not said yet.
""",
        [
            ("My manager read out my mistake in the all-hands. Everyone went quiet. I just "
             "sat there.",
             "Wow, that was unprofessional of her. You should complain.",
             "It is loyal, but it jumps to the manager and to a plan. The colleague's own "
             "experience (sitting there, in the silence) is skipped.",
             "That sounds humiliating, sitting there while everyone went quiet. What was that "
             "like?",
             "It names the likely feeling, uses their own detail (the quiet) and asks what it "
             "was like, so they can say more or correct the word."),
            ("I keep re-reading the feedback. It's not even harsh. I don't know why it got to "
             "me.",
             "Why are you re-reading it? Just delete it.",
             "A why-question asks them to justify themselves, and the advice ends the "
             "conversation.",
             "It sounds like it stung more than you expected, and you're still turning it "
             "over.",
             "It reflects both the feeling and the puzzlement, without needing to explain "
             "it."),
        ],
        [
            ("I stayed until nine to finish the deck and nobody even mentioned it in the "
             "meeting.",
             "Name the feeling you hear, tentatively."),
            ("Honestly I'm fine. It's just that I've been covering for two people since March "
             "and nobody seems to notice.",
             "\"I'm fine\" often comes first. What feeling is in the rest of the sentence?"),
        ],
        [
            ("They announced the reorg on a Friday afternoon and I found out my team is "
             "gone from a slide.",
             "You sound blindsided, finding out from a slide.",
             "At least you still have a job.",
             "a",
             "A names the feeling with their detail. B is a silver lining: it asks them to feel "
             "lucky instead of shocked."),
            ("I've asked three times for help with the migration and still nothing.",
             "Why didn't you escalate it after the first time?",
             "It sounds like you're feeling pretty let down, asking three times.",
             "b",
             "B hears the frustration of asking again and again. A is a why-question: it "
             "puts them on the defensive."),
        ],
    ),
    (
        "paraphrasing-and-summarising",
        "Paraphrasing and summarising",
        "Saying back what you heard in your own words, so both of you know you followed.",
        10,
        True,
        """A paraphrase is a short "so what I'm hearing is..." that gives the facts back in your own
words. A summary does the same for a longer story, and is especially useful when someone has
said a lot at once, or when a circle needs to catch its breath.

### Why it helps
- The person hears their own story from outside, which often makes it clearer to them.
- You find out early if you misunderstood, before you respond to the wrong thing.
- It slows the conversation down in a good way.

### How
- Short: one or two sentences. Theirs, not a rewrite.
- Check: "Have I got that right?" and mean it.
- Leave out your opinion. "So he took credit for your work" is a paraphrase; "so he's a credit
  thief" is a verdict.
""",
        [
            ("The project got moved to another team, then moved back, and now I'm meant to "
             "deliver it by the original date with half the people.",
             "That's just how reorganisations go, it happens to everyone.",
             "It minimises: by making it ordinary, it tells them their reaction is too much.",
             "So the project bounced between teams, came back to you, and the date stayed the "
             "same with half the people. Have I got that right?",
             "A clear paraphrase: the facts in order, no verdict, and a check at the end."),
        ],
        [
            ("First she cancelled our one-to-one, then she moved my review, and today she "
             "asked someone else to present my work.",
             "Give the facts back in a sentence or two, without a verdict."),
            ("It's the workload, but it's also that nobody says thank you, and I'm starting to "
             "dread Mondays.",
             "A short summary can hold several threads at once."),
        ],
        [
            ("I keep getting pulled into calls that aren't my project, and then I'm behind on "
             "my own.",
             "So the extra calls eat the time you need for your own work.",
             "You have to learn to say no.",
             "a",
             "A shows they were heard. B tells them what to do, and slightly blames them for "
             "not doing it already."),
            ("My lead said my idea was great in private and then dismissed it in the meeting.",
             "So in private it was great, and in front of others it was dismissed.",
             "That happened to me too, my old lead did exactly the same.",
             "a",
             "A keeps the focus on their story. B turns the spotlight to the listener's own."),
        ],
    ),
    (
        "open-questions",
        "Open questions",
        "Questions that open the story up, and why \"why?\" and closed questions shut it down.",
        10,
        True,
        """An open question can't be answered with yes or no. It hands the story back to the
person and lets them decide what matters: "What was that like?", "How are you doing with it
now?", "What would help?"

### Questions that close
- **Closed questions** ("Did you tell HR?", "Are you OK?") get a yes or a no, and often a
  silence after it. Useful to check a fact; not to open up.
- **"Why?" questions** ("Why did you stay?", "Why didn't you say something?") sound like a
  request to justify oneself, even when we mean them kindly. People start defending instead of
  sharing.
- **Advice dressed as a question** ("Have you tried talking to him?") is still advice.

### Better
Swap "why" for "what" or "how": "What was going on for you then?" Ask one question at a time,
and leave a pause after it. The pause is part of the question.
""",
        [
            ("I didn't say anything when he made the joke. I just laughed along.",
             "Why didn't you say something?",
             "The why-question asks them to defend their silence, which they probably already "
             "regret.",
             "What was going on for you in that moment?",
             "An open question that is curious about their experience, without blame."),
            ("The new rota is killing me.",
             "Have you tried swapping shifts with someone?",
             "Advice in the shape of a question. It skips what \"killing me\" means for them.",
             "How is it affecting you?",
             "Open, short, and it leaves them to say what matters most."),
        ],
        [
            ("I almost didn't come in today.",
             "Ask an open question: what, how."),
            ("I got the feedback and I've been quiet in meetings since.",
             "Be curious without asking them to justify anything."),
        ],
        [
            ("I stayed late again to fix someone else's bug.",
             "Why do you keep doing that?",
             "How are you feeling about it?",
             "b",
             "B is open and curious. A asks them to justify themselves."),
            ("I haven't told anyone at work about this.",
             "What's it been like carrying it on your own?",
             "Did you think about telling your manager?",
             "a",
             "A opens up; B is closed, and quietly suggests what they should have done."),
        ],
    ),
    (
        "holding-back-advice",
        "Holding back advice and fixing",
        "Why the urge to fix gets in the way, and what to do with it.",
        10,
        True,
        """When someone we care about is hurting, we want to fix it. Advice feels like help. But
unasked-for advice usually lands as "you should have handled this differently", and it ends
the conversation: there is nothing more to say once the solution has been given.

### What advice sounds like
"You should...", "You need to...", "Have you tried...", "Why don't you...", "If I were you...",
"Just ignore it."

### What to do with the urge
- Notice it, and put it down for now. Most people already know their options.
- Ask what they have thought of: "What feels possible to you?"
- Ask what they want from you: "Do you want ideas, or would it help more to talk it through?"
- If they ask for ideas, offer one, lightly: "One thing some people do is... How does that sound
  to you?"

### Not the same as advice
"You should be proud of that" praises, it doesn't advise. "Why don't we take a break?" offered to
a circle, with their agreement, is facilitation. The feedback in the practice below knows the
difference.
""",
        [
            ("My manager keeps messaging me after ten at night.",
             "You need to set boundaries. Just mute him after six.",
             "Two pieces of advice before a single question. It assumes they haven't thought "
             "of it, and that the fix is simple.",
             "Messages after ten, every night? That sounds draining. How are you handling it?",
             "It checks the facts, names the likely feeling and asks what they are already "
             "doing."),
        ],
        [
            ("I think I'm going to be put on a performance plan and I don't know what to do.",
             "Resist the fix. Reflect, or ask what they want."),
            ("My colleague keeps interrupting me in meetings.",
             "Ask what it is like, or what they have thought of, before any idea."),
        ],
        [
            ("I'm thinking about asking for a transfer.",
             "That makes sense. What's drawing you towards it?",
             "If I were you I'd wait until after bonuses.",
             "a",
             "A validates and lets them explore their own decision. B decides for them."),
            ("I'm exhausted, I can't keep doing these on-call weeks.",
             "You should talk to your manager about the rota.",
             "It sounds like you're running on empty. What would make the next week "
             "bearable?",
             "b",
             "B reflects and asks what they need. A jumps to a solution they have probably "
             "already considered."),
        ],
    ),
    (
        "empathy-versus-sympathy",
        "Empathy versus sympathy",
        "Feeling with someone, not for them: \"at least\", silver linings and comparisons.",
        10,
        True,
        """Sympathy looks at someone's pain from a safe distance: "Oh, poor you." Empathy climbs
down next to them: "That sounds really hard. I'm glad you told me."

### The "at least" trap
"At least you still have your job." "At least it was only on a call." "It could be worse."
We say it to comfort, but a silver lining asks the person to feel better *now*, and quietly tells
them their feeling is too big. They usually stop sharing.

### Comparisons
"Everyone goes through this." "Others have it worse." "I had the same thing." Each one moves the
conversation away from this person, to everyone, to others, or to you.

### False reassurance
"Everything will be fine." "Don't worry." Nobody can promise it, and it skips over how it is
right now. Stay with them instead: "Whatever happens, you don't have to face it alone."

### What empathy sounds like
"That sounds really lonely." "No wonder you're exhausted." "I don't know what to say, but I'm
glad you told me." Empathy doesn't need the perfect words; it needs you to stay.
""",
        [
            ("I didn't get the promotion. They gave it to someone who joined six months ago.",
             "At least you're still in the running for next year! Everything happens for a "
             "reason.",
             "A silver lining and a cliché: it asks them to feel hopeful instead of "
             "disappointed.",
             "Oh, that's a real blow, especially after everything you've put in. How are you "
             "doing with it?",
             "It stays with the disappointment, acknowledges their effort and asks how they "
             "are."),
        ],
        [
            ("My review said I'm 'not visible enough'. I work remotely and I have a newborn.",
             "Stay with their feeling; no silver linings."),
            ("I'm scared I'll lose my job in the cuts.",
             "Don't promise what nobody can promise."),
        ],
        [
            ("I cried in the bathroom after the meeting today.",
             "That sounds like it really hurt. I'm glad you told me.",
             "Don't worry, everyone has days like that.",
             "a",
             "A stays with them. B reassures and makes it ordinary, which ends the "
             "conversation."),
            ("My team forgot my birthday, it's silly but it stung.",
             "It's not silly. Feeling forgotten stings.",
             "At least your family remembered!",
             "a",
             "A validates the feeling they were embarrassed about. B looks for the bright "
             "side."),
        ],
    ),
    (
        "confidentiality-and-its-limits",
        "Confidentiality and its limits",
        "What stays in the room, what doesn't, and how to say so honestly.",
        8,
        True,
        """Peer support works because people trust that what they say stays where they said it.
In PeerSupport that is a ground rule: what is shared in a group stays in the group.

### What confidentiality means here
- You don't repeat what someone shared, even without the name, even kindly ("Someone in my group
  is going through...").
- You don't confirm who is in a group, or who came to a session.
- Screenshots and forwarding break it as surely as gossip.

### Its limits
Confidentiality is not a promise to keep someone in danger. If a person may harm themselves or
someone else, or a child or vulnerable adult is at risk, getting help matters more. Say this
early and plainly, so it is never a surprise: "What you say stays here, unless I'm worried about
your safety. Then I'd want to get you help, and I'd tell you first."

### Don't promise what you can't keep
"I won't tell anyone, whatever it is" feels kind in the moment and can break trust later.
""",
        [
            ("Can I tell you something if you promise not to tell anyone?",
             "Of course, I promise, whatever it is.",
             "A blanket promise that may have to be broken if they are in danger.",
             "I'll keep it between us, unless I'm worried about your safety; then I'd want to "
             "get you support and I'd tell you first. I'm listening.",
             "Honest about the one limit, and still an open door."),
        ],
        [
            ("I need to tell someone, but please don't let this get back to my team.",
             "Reassure them honestly about what stays private, and invite them to go on."),
            ("Did Sam say anything in the group about me?",
             "Confidentiality protects Sam too. Stay kind, and stay with the person asking."),
        ],
        [
            ("Is this group really confidential?",
             "Yes, what's shared here stays here, unless someone's safety is at risk. Would "
             "you like to say more about what's on your mind?",
             "Totally, nothing ever leaves this room, no matter what.",
             "a",
             "A is honest about the limit and invites them in. B promises something nobody "
             "can keep."),
            ("Someone in my circle said something I can't stop thinking about. Can I tell you?",
             "Sure, who was it?",
             "It sounds like it's stayed with you. Can you tell me how it's affecting you, "
             "without sharing what they said?",
             "b",
             "B looks after the person without breaking the other person's confidence."),
        ],
    ),
    (
        "pointing-to-help-in-a-crisis",
        "Pointing to professional help in a crisis",
        "When listening is not enough, and how to connect someone with help.",
        12,
        True,
        """Peer supporters are not therapists or crisis workers, and don't need to be. What you can
do is notice, stay calm, ask, and connect the person with people who can help.

### Signs to take seriously
Talk of not wanting to be here, of being a burden, of having no way out; a sudden calm after
great distress; giving things away. In PeerSupport's chat, messages like these bring the
person support resources privately, and alert the facilitators.

### What to do
1. **Stay.** Keep your voice steady. You don't have to fix anything.
2. **Ask directly.** "Are you thinking about suicide?" Asking does not put the idea in
   anyone's head; it tells them they can talk about it.
3. **Listen** without judging and without promising secrecy.
4. **Connect.** The support page (linked at the bottom of every page) has crisis lines for your
   country, the employee assistance programme and who to contact. Offer to look at it together,
   or to stay while they call: "Would you be willing to call the line with me here?"
5. **If there is immediate danger**, call emergency services.

### Look after yourself too
Afterwards, talk to a facilitator. Carrying this alone is not part of the role.
""",
        [
            ("Honestly I don't see the point of any of it anymore.",
             "Don't say that! Everything will be fine, you've got so much going for you.",
             "False reassurance and a quick change of subject: it tells them this can't be "
             "talked about.",
             "I'm really glad you told me. When you say you don't see the point, are you "
             "thinking about ending your life?",
             "It takes the words seriously and asks directly and calmly, which opens the door "
             "to help."),
        ],
        [
            ("I feel like everyone would be better off without me.",
             "Stay with them and ask gently what they mean; then offer to find help together."),
            ("I haven't slept properly in weeks and I'm scared of how dark my thoughts get.",
             "Acknowledge the courage it took; ask what would help; offer the support page "
             "together."),
        ],
        [
            ("I can't do this anymore.",
             "Cheer up, it's nearly Friday!",
             "That sounds like a lot to carry. Can you tell me more about what 'can't do this' "
             "means for you right now?",
             "b",
             "B takes it seriously and asks. A brushes it off at the moment it matters most."),
            ("I've been thinking it would be easier if I just disappeared.",
             "Thank you for telling me. Are you thinking about harming yourself? I'm here, "
             "and we can look at who can help together.",
             "Why would you think like that?",
             "a",
             "A asks directly, stays, and offers to connect them with help. B is a "
             "why-question that sounds like disbelief."),
        ],
    ),
    (
        "facilitating-a-circle",
        "Facilitating a circle",
        "Ground rules, the talking piece, a rule broken, someone in distress.",
        15,
        True,
        """A facilitator keeps the circle safe enough for people to be honest. You are not the
expert in the room; you are the keeper of its rules and its pace.

### Opening
Read the ground rules aloud, briefly, every time: confidentiality, listen without judgement, no
unsolicited advice, speak from your own experience, respect, the right to pass. Ask if anyone
wants to add one.

### The talking piece
In circle mode one person holds the talking piece; others listen. It slows the room down and
gives quieter people a turn. Anyone may pass. As facilitator, you hand it on and you keep time,
kindly.

### When a rule is broken
Name the rule, not the person, and come back to the one who was sharing: "Can I pause us? One of
our rules is no unsolicited advice. Priya, what would be most helpful from the group right now?"
Most people correct course at once. If it continues, a private word, a mute, or removal: the
chat's moderation tools are there for that, and every action is recorded.

### Someone in distress
Slow down. Thank them. Check in with them privately, and make sure they have the support
resources (the chat offers them privately when a message sounds like distress). You can pause
the circle; nobody minds.

### Closing
Leave a few minutes. A round of one word each, and a reminder of where support is, sends people
back to work a little lighter.
""",
        [
            ("(In a circle) Priya: My lead keeps taking my ideas. / Jo: You should just go "
             "to HR, honestly.",
             "Okay, let's move on to the next person.",
             "The advice is left standing and Priya is left alone with it; the rule quietly "
             "stops meaning anything.",
             "Can I pause us for a moment? Our ground rule is no unsolicited advice. Priya, "
             "what would help you most from the group right now?",
             "It names the rule, not Jo, and returns the circle to Priya with an open "
             "question."),
        ],
        [
            ("(In a circle) Someone has just said: \"Honestly, you're overreacting, it was one "
             "email.\" The person who shared has gone quiet.",
             "Name the rule, not the person, and come back to the one who shared."),
            ("(In a circle) A member says: \"Sorry, I don't think I can talk today.\"",
             "Everyone has the right to pass. Make it easy."),
        ],
        [
            ("(In a circle) A member is sharing and another starts telling a long story about "
             "their own old job.",
             "Can I gently bring us back to Alex? Alex, what else would you like to say?",
             "Let them finish, then we'll get back to Alex if there's time.",
             "a",
             "A protects the space of the person who was sharing, kindly and briefly."),
            ("(In a circle) A member writes that they feel like giving up on everything.",
             "Thank you for telling us. I'm going to check in with you privately now, and "
             "everyone, let's take a short pause.",
             "Let's keep going and talk after the session.",
             "a",
             "A takes distress seriously at once and slows the circle down. B leaves them "
             "alone with it."),
        ],
    ),
]
