"""Starter word lists in Spanish and French, next to the English ones of 0002.

Written for people, not for a dictionary: distress phrases are the words people actually use
when they are in a very dark place ("no puedo más", "je n'en peux plus"), specific enough that an
everyday sentence ("ce projet va me tuer") does not set them off. Matching ignores case and
accents (chat.filters), so "no puedo mas" typed without the accent is found too. Organisations
edit these lists in the admin.
"""

from django.db import migrations

NUDGES = {
    "es": [
        ("deberías", "no_unsolicited_advice"),
        ("tendrías que", "no_unsolicited_advice"),
        ("tienes que", "no_unsolicited_advice"),
        ("solo tienes que", "no_unsolicited_advice"),
        ("yo que tú", "no_unsolicited_advice"),
        ("yo en tu lugar", "no_unsolicited_advice"),
        ("por qué no haces", "no_unsolicited_advice"),
        ("es tu culpa", "respect"),
        ("la culpa es tuya", "respect"),
        ("siempre haces", "respect"),
        ("nunca haces", "respect"),
        ("supéralo", "listen_without_judgement"),
        ("estás exagerando", "listen_without_judgement"),
        ("no es para tanto", "listen_without_judgement"),
    ],
    "fr": [
        ("tu devrais", "no_unsolicited_advice"),
        ("vous devriez", "no_unsolicited_advice"),
        ("il faut que tu", "no_unsolicited_advice"),
        ("tu n'as qu'à", "no_unsolicited_advice"),
        ("t'as qu'à", "no_unsolicited_advice"),
        ("si j'étais toi", "no_unsolicited_advice"),
        ("si j'étais vous", "no_unsolicited_advice"),
        ("à ta place", "no_unsolicited_advice"),
        ("à votre place", "no_unsolicited_advice"),
        ("c'est ta faute", "respect"),
        ("c'est de ta faute", "respect"),
        ("tu fais toujours", "respect"),
        ("tu ne fais jamais", "respect"),
        ("passe à autre chose", "listen_without_judgement"),
        ("tu exagères", "listen_without_judgement"),
        ("vous exagérez", "listen_without_judgement"),
        ("tu dramatises", "listen_without_judgement"),
    ],
}
DISTRESS = {
    "es": [
        "no puedo más", "no aguanto más", "quiero desaparecer", "quiero morirme",
        "me quiero morir", "quiero morir", "ganas de morir", "ganas de morirme",
        "quitarme la vida", "acabar con todo", "acabar con mi vida", "suicidarme", "suicidio",
        "suicida", "quiero matarme", "voy a matarme", "hacerme daño", "autolesión",
        "autolesionarme", "no hay salida", "estarían mejor sin mí", "no vale la pena vivir",
        "no tengo motivos para vivir", "no quiero vivir", "no quiero despertar",
    ],
    "fr": [
        "je n'en peux plus", "j'en peux plus", "envie d'en finir", "en finir avec la vie",
        "je veux en finir", "envie de mourir", "je veux mourir", "me suicider", "suicide",
        "suicidaire", "envie de me tuer", "je vais me tuer", "me foutre en l'air",
        "me faire du mal", "automutilation", "me scarifier", "je veux disparaître",
        "plus aucune issue", "mieux sans moi", "plus de raison de vivre",
        "ne plus me réveiller", "je ne veux plus vivre",
    ],
}
BLOCKED = {
    "es": ["mátate", "suicídate", "muérete", "ojalá te mueras", "vete a morir"],
    "fr": ["tue-toi", "tue toi", "suicide-toi", "va crever", "va te pendre"],
}


def add_terms(apps, schema_editor):
    FilterTerm = apps.get_model("chat", "FilterTerm")
    for language, terms in NUDGES.items():
        for phrase, rule_key in terms:
            FilterTerm.objects.get_or_create(kind="nudge", language=language, phrase=phrase,
                                             defaults={"rule_key": rule_key})
    for kind, lists in (("distress", DISTRESS), ("blocked", BLOCKED)):
        for language, phrases in lists.items():
            for phrase in phrases:
                FilterTerm.objects.get_or_create(kind=kind, language=language, phrase=phrase)


class Migration(migrations.Migration):
    dependencies = [("chat", "0003_filter_term_language")]

    operations = [migrations.RunPython(add_terms, migrations.RunPython.noop)]
