"""La première édition du parcours d'écoute, en français.

The French of training/migrations/_content_v1.py, with exactly its structure (a test holds it to
it: tests/training/test_content_translations.py). The course speaks to the learner as "vous";
the colleagues in the examples say "tu" to each other, as peers in most French teams do. Read at
runtime by training/content.py; nothing is seeded from it.
"""

MODULES = [
    (
        "attending-and-presence",
        "Attention et présence",
        "Avant toute technique : être vraiment là, pour que l'autre le sente.",
        8,
        True,
        """L'écoute commence avant le premier mot. Quand un collègue vient vous parler de quelque
chose de difficile, la première chose qu'il vérifie, souvent sans le savoir, c'est si vous êtes
vraiment là.

### À quoi ressemble la présence
- Vous arrêtez ce que vous faisiez. Dans le chat, vous ne répondez pas entre deux autres fils.
- Vous le laissez finir. Un silence n'est pas un vide à combler ; souvent, l'essentiel arrive
  juste après.
- Vous suivez son histoire, pas celle que votre tête commence à écrire (« c'est comme dans mon
  ancienne équipe... »).
- En séance, votre caméra ou votre regard disent la même chose que vos mots : *je suis avec
  toi*.

### De petits signaux qui disent beaucoup
« Mm. » « Vas-y. » « Prends ton temps. » Des mots courts qui lui rendent la parole. Ils ont
l'air de rien, et c'est grâce à eux qu'on comprend qu'on peut continuer.

### Quand vous ne pouvez pas être là
Mieux vaut le dire que d'écouter à moitié : « J'ai envie de t'écouter vraiment et là, je ne
peux pas. On en parle à seize heures ? » Puis tenez ce rendez-vous.
""",
        [
            ("Je ne sais même pas pourquoi je t'en parle, ce n'est sans doute rien, mais la "
             "façon dont Sophie m'a parlé au point d'équipe ce matin me trotte dans la tête "
             "depuis.",
             "Ha ha, Sophie est comme ça avec tout le monde. Au fait, tu as vu les notes de "
             "version ?",
             "La réponse balaie le moment et change de sujet : le collègue apprend que ça ne "
             "valait pas la peine d'en parler.",
             "Si ça te trotte dans la tête depuis ce matin, ce n'est pas rien. Je suis là, "
             "raconte-moi.",
             "Elle prend l'hésitation au sérieux, relève le poids de la chose (« depuis ce "
             "matin ») et lui rend la parole par une invitation."),
        ],
        [
            ("Désolée de te déranger, je sais que tu es débordé. Il s'est passé un truc "
             "pendant un appel client et j'ai juste besoin de le dire à quelqu'un.",
             "Montrez que vous êtes là et laissez-lui de la place avant toute chose."),
            ("J'ai écrit puis effacé ce message au moins cinq fois.",
             "Faites-lui sentir que rien ne presse et que vous l'écoutez."),
        ],
        [
            ("Je peux vider mon sac deux minutes ? La journée a été lourde.",
             "Bien sûr, vas-y ! Mais franchement, tu devrais te déconnecter tôt ce soir.",
             "Bien sûr. Je t'écoute, prends ton temps.",
             "b",
             "B lui donne les deux minutes demandées. A dit oui, puis passe au conseil avant "
             "d'avoir entendu un seul mot."),
            ("Je ne sais pas si c'est le bon endroit, mais je me sens vraiment mise à l'écart "
             "par mon équipe.",
             "C'est le bon endroit. Être mise à l'écart, ça a l'air très isolant. J'aimerais "
             "en savoir plus.",
             "Tout le monde ressent ça de temps en temps.",
             "a",
             "A l'accueille, nomme le ressenti et l'invite à continuer. B le rend banal, ce "
             "qui revient à lui dire d'arrêter."),
        ],
    ),
    (
        "reflecting-feelings",
        "Refléter les émotions",
        "Nommer avec prudence l'émotion que vous entendez, pour que la personne se sente "
        "comprise.",
        10,
        True,
        """On dit rarement « je me sens humiliée ». On raconte ce qui s'est passé, et l'émotion
est dans la manière de le raconter. Refléter, c'est mettre un nom sur cette émotion, avec
douceur, et vérifier.

### Comment refléter
- Commencez prudemment : « On dirait que... », « J'imagine que tu t'es senti... », « Tu as
  l'air... ».
- Nommez une émotion, pas une liste. Si vous vous trompez, la personne vous corrigera, et c'est
  utile aussi.
- Laissez l'émotion de son côté. « Tu as l'air épuisée » reste avec elle ; « moi, je serais
  épuisée » la ramène vers vous.

### Avoir des mots sous la main aide
En colère, blessé, gênée, invisible, rabaissé, angoissée, vidé, déçue, partagé, soulagée. Plus
le mot est juste, plus la personne se sent comprise. « Contrarié » convient ; « humilié » touche
souvent plus profond, quand c'est le bon mot.

### Quand ça touche juste
Vous entendrez souvent « oui, c'est exactement ça », puis quelque chose de nouveau : ce qu'elle
n'avait pas encore dit.
""",
        [
            ("Ma manager a lu mon erreur à voix haute devant tout le service. Plus personne "
             "n'a parlé. Je suis restée assise là.",
             "Waouh, pas très professionnel de sa part. Tu devrais te plaindre.",
             "C'est loyal, mais ça saute à la manager et à un plan d'action. Ce que la "
             "collègue a vécu (rester assise là, dans ce silence) passe à la trappe.",
             "Ça a dû être humiliant, rester assise là pendant que tout le monde se taisait. "
             "Comment tu l'as vécu ?",
             "Elle nomme l'émotion probable, reprend son propre détail (le silence) et demande "
             "comment ça a été, pour que la collègue puisse en dire plus ou corriger le mot."),
            ("Je n'arrête pas de relire ce retour. Il n'est même pas dur. Je ne sais pas "
             "pourquoi ça m'a autant touché.",
             "Pourquoi tu le relis ? Supprime-le, c'est tout.",
             "Une question en « pourquoi » lui demande de se justifier, et le conseil clôt la "
             "conversation.",
             "On dirait que ça t'a piqué plus que tu ne l'aurais cru, et que tu le tournes "
             "encore dans ta tête.",
             "Elle reflète à la fois l'émotion et la perplexité, sans avoir besoin de les "
             "expliquer."),
        ],
        [
            ("Je suis resté jusqu'à vingt et une heures pour finir la présentation et personne "
             "n'en a parlé pendant la réunion.",
             "Nommez avec prudence l'émotion que vous entendez."),
            ("Franchement, ça va. C'est juste que je couvre deux personnes depuis mars et que "
             "personne n'a l'air de s'en rendre compte.",
             "« Ça va » vient souvent en premier. Quelle émotion y a-t-il dans la suite de la "
             "phrase ?"),
        ],
        [
            ("Ils ont annoncé la réorganisation un vendredi après-midi et j'ai appris sur une "
             "diapo que mon équipe disparaissait.",
             "Tu as l'air sonné, l'apprendre comme ça, sur une diapo.",
             "Au moins, tu as encore un poste.",
             "a",
             "A nomme l'émotion avec son propre détail. B cherche le bon côté : il lui demande "
             "de se sentir chanceux au lieu d'être sous le choc."),
            ("J'ai demandé trois fois de l'aide pour la migration et toujours rien.",
             "Pourquoi tu n'as pas fait remonter le problème dès la première fois ?",
             "On dirait que tu te sens assez déçue, après l'avoir demandé trois fois.",
             "b",
             "B entend la frustration de devoir redemander encore et encore. A est une question "
             "en « pourquoi » : elle la met sur la défensive."),
        ],
    ),
    (
        "paraphrasing-and-summarising",
        "Reformuler et résumer",
        "Redire avec vos mots ce que vous avez entendu, pour que vous sachiez tous les deux que "
        "vous avez suivi.",
        10,
        True,
        """Reformuler, c'est un court « si je comprends bien... » qui redonne les faits avec vos
propres mots. Résumer fait la même chose pour une histoire plus longue, et c'est
particulièrement utile quand quelqu'un a dit beaucoup de choses d'un coup, ou quand un cercle a
besoin de reprendre son souffle.

### Pourquoi ça aide
- La personne entend son histoire de l'extérieur, ce qui l'éclaire souvent.
- Vous découvrez tôt si vous avez mal compris, avant de répondre à côté.
- Ça ralentit la conversation, dans le bon sens du terme.

### Comment
- Court : une ou deux phrases. Ses mots à elle, pas une réécriture.
- Vérifiez : « Est-ce que j'ai bien compris ? », et posez vraiment la question.
- Laissez votre avis de côté. « Donc il s'est attribué ton travail » est une reformulation ;
  « donc c'est un voleur d'idées » est un verdict.
""",
        [
            ("Le projet a été confié à une autre équipe, puis on me l'a rendu, et maintenant "
             "je dois le livrer à la date prévue au départ avec deux fois moins de monde.",
             "C'est comme ça, les réorganisations, ça arrive à tout le monde.",
             "Elle minimise : en rendant la chose banale, elle lui dit que sa réaction est "
             "excessive.",
             "Donc le projet est passé d'une équipe à l'autre, il t'est revenu, et la date n'a "
             "pas bougé alors que vous êtes deux fois moins nombreux. C'est bien ça ?",
             "Une reformulation claire : les faits dans l'ordre, aucun verdict, et une "
             "vérification à la fin."),
        ],
        [
            ("D'abord elle a annulé notre point individuel, puis elle a déplacé mon entretien "
             "annuel, et aujourd'hui elle a demandé à quelqu'un d'autre de présenter mon "
             "travail.",
             "Redonnez les faits en une phrase ou deux, sans verdict."),
            ("Il y a la charge de travail, mais il y a aussi que personne ne dit jamais merci, "
             "et je commence à redouter le lundi.",
             "Un court résumé peut tenir plusieurs fils à la fois."),
        ],
        [
            ("On me colle sans arrêt dans des réunions qui ne concernent pas mon projet, et "
             "après je suis en retard sur le mien.",
             "Donc ces réunions en plus te prennent le temps dont tu as besoin pour ton "
             "propre travail.",
             "Il faut que tu apprennes à dire non.",
             "a",
             "A montre qu'on l'a entendu. B lui dit quoi faire, et lui reproche un peu de ne "
             "pas l'avoir déjà fait."),
            ("Mon responsable m'a dit en privé que mon idée était géniale, puis il l'a écartée "
             "en réunion.",
             "Donc en privé, c'était génial, et devant les autres, elle a été écartée.",
             "Ça m'est arrivé aussi, mon ancien chef faisait exactement pareil.",
             "a",
             "A garde l'attention sur son histoire. B braque le projecteur sur celle de la "
             "personne qui écoute."),
        ],
    ),
    (
        "open-questions",
        "Les questions ouvertes",
        "Des questions qui ouvrent le récit, et pourquoi le « pourquoi ? » et les questions "
        "fermées le referment.",
        10,
        True,
        """On ne peut pas répondre à une question ouverte par oui ou par non. Elle rend l'histoire
à la personne et la laisse décider de ce qui compte : « Comment tu l'as vécu ? », « Où tu en es
avec ça aujourd'hui ? », « Qu'est-ce qui t'aiderait ? »

### Les questions qui ferment
- **Les questions fermées** (« Tu l'as dit aux RH ? », « Ça va ? ») obtiennent un oui ou un non,
  et souvent un silence ensuite. Utiles pour vérifier un fait, pas pour ouvrir.
- **Les questions en « pourquoi »** (« Pourquoi tu es resté ? », « Pourquoi tu n'as rien dit ? »)
  sonnent comme une demande de justification, même quand on les pose avec gentillesse. La
  personne se met à se défendre au lieu de se confier.
- **Un conseil déguisé en question** (« Tu as essayé de lui en parler ? ») reste un conseil.

### Mieux
Remplacez « pourquoi » par « qu'est-ce que » ou « comment » : « Qu'est-ce qui se passait pour
toi à ce moment-là ? » Posez une question à la fois, et laissez un silence après. Le silence
fait partie de la question.
""",
        [
            ("Je n'ai rien dit quand il a fait sa blague. J'ai ri avec les autres.",
             "Pourquoi tu n'as rien dit ?",
             "La question en « pourquoi » lui demande de défendre son silence, qu'il regrette "
             "sans doute déjà.",
             "Qu'est-ce qui se passait pour toi à ce moment-là ?",
             "Une question ouverte, curieuse de ce qu'il a vécu, sans reproche."),
            ("Le nouveau planning me tue.",
             "Tu as essayé d'échanger des créneaux avec quelqu'un ?",
             "Un conseil qui a la forme d'une question. Il passe à côté de ce que « me tue » "
             "veut dire pour elle.",
             "Qu'est-ce que ça change pour toi ?",
             "Ouverte, courte, et elle la laisse dire ce qui compte le plus."),
        ],
        [
            ("J'ai failli ne pas venir aujourd'hui.",
             "Posez une question ouverte : qu'est-ce que, comment."),
            ("J'ai eu mon retour et depuis, je ne dis plus rien en réunion.",
             "Soyez curieux sans lui demander de se justifier."),
        ],
        [
            ("Je suis encore resté tard pour corriger le bug de quelqu'un d'autre.",
             "Pourquoi tu continues à faire ça ?",
             "Qu'est-ce que tu ressens par rapport à ça ?",
             "b",
             "B est ouverte et curieuse. A lui demande de se justifier."),
            ("Je n'en ai parlé à personne au travail.",
             "Comment c'est, de porter ça toute seule ?",
             "Tu as pensé à en parler à ta manager ?",
             "a",
             "A ouvre ; B est fermée, et suggère au passage ce qu'elle aurait dû faire."),
        ],
    ),
    (
        "holding-back-advice",
        "Retenir les conseils et l'envie de réparer",
        "Pourquoi l'envie de réparer fait obstacle, et quoi en faire.",
        10,
        True,
        """Quand quelqu'un à qui l'on tient va mal, on a envie de réparer. Donner un conseil donne
l'impression d'aider. Mais un conseil que personne n'a demandé sonne souvent comme « tu aurais dû
t'y prendre autrement », et il clôt la conversation : une fois la solution donnée, il n'y a plus
rien à dire.

### À quoi ressemble un conseil
« Tu devrais... », « Il faut que tu... », « Tu as essayé de... ? », « Pourquoi tu ne... pas ? »,
« À ta place... », « Ignore-le. »

### Que faire de cette envie
- Remarquez-la, et posez-la de côté pour l'instant. La plupart des gens connaissent déjà leurs
  options.
- Demandez ce que la personne a envisagé : « Qu'est-ce qui te semble possible ? »
- Demandez ce qu'elle attend de vous : « Tu as envie d'idées, ou ça t'aiderait plus d'en
  parler ? »
- Si elle demande des idées, proposez-en une, légèrement : « Certaines personnes font... Qu'en
  penses-tu ? »

### Ce qui n'est pas un conseil
« Tu peux être fier de toi » est un compliment, pas un conseil. « Et si on faisait une pause ? »,
proposé au cercle et avec son accord, c'est de l'animation. Le retour de l'exercice ci-dessous
fait la différence.
""",
        [
            ("Mon manager n'arrête pas de m'envoyer des messages après vingt-deux heures.",
             "Il faut que tu poses des limites. Mets-le en sourdine après dix-huit heures, "
             "point.",
             "Deux conseils avant la moindre question. La réponse suppose qu'il n'y a pas "
             "pensé, et que la solution est simple.",
             "Des messages après vingt-deux heures, tous les soirs ? Ça a l'air épuisant. "
             "Comment tu fais avec ça ?",
             "Elle vérifie les faits, nomme l'émotion probable et demande ce qu'il fait "
             "déjà."),
        ],
        [
            ("Je crois que je vais être mis sous plan d'amélioration et je ne sais pas quoi "
             "faire.",
             "Résistez à l'envie de réparer. Reflétez, ou demandez ce qu'il souhaite."),
            ("Une collègue me coupe sans arrêt la parole en réunion.",
             "Demandez comment elle le vit, ou ce qu'elle a envisagé, avant toute idée."),
        ],
        [
            ("Je pense demander une mutation.",
             "Ça se comprend. Qu'est-ce qui t'attire dans cette idée ?",
             "Si j'étais toi, j'attendrais que les primes soient versées.",
             "a",
             "A valide et la laisse explorer sa propre décision. B décide à sa place."),
            ("Je suis épuisé, je ne peux plus enchaîner ces semaines d'astreinte.",
             "Tu devrais parler du planning à ton manager.",
             "On dirait que tu es à bout de réserves. Qu'est-ce qui rendrait la semaine "
             "prochaine supportable ?",
             "b",
             "B reflète et demande ce dont il a besoin. A saute à une solution qu'il a "
             "sûrement déjà envisagée."),
        ],
    ),
    (
        "empathy-versus-sympathy",
        "Empathie ou compassion",
        "Ressentir avec quelqu'un, pas pour lui : le « au moins », le bon côté des choses et les "
        "comparaisons.",
        10,
        True,
        """La compassion regarde la peine de quelqu'un d'une distance sûre : « Oh, mon pauvre. »
L'empathie descend à côté de la personne : « Ça a l'air vraiment dur. Je suis content que tu
m'en parles. »

### Le piège du « au moins »
« Au moins, tu as encore ton travail. » « Au moins, ce n'était qu'en visio. » « Ça aurait pu être
pire. » On le dit pour réconforter, mais chercher le bon côté demande à la personne d'aller
mieux *tout de suite*, et lui dit à demi-mot que ce qu'elle ressent est trop. En général, elle
arrête de se confier.

### Les comparaisons
« Tout le monde passe par là. » « D'autres vivent bien pire. » « J'ai vécu la même chose. »
Chacune éloigne la conversation de cette personne : vers tout le monde, vers les autres, ou vers
vous.

### Les fausses promesses
« Tout va bien se passer. » « Ne t'inquiète pas. » Personne ne peut le promettre, et ça passe
par-dessus ce qu'elle vit maintenant. Restez avec elle : « Quoi qu'il arrive, tu n'auras pas à y
faire face seul. »

### À quoi ressemble l'empathie
« Ça a l'air très isolant. » « Pas étonnant que tu sois épuisée. » « Je ne sais pas quoi dire,
mais je suis content que tu m'en aies parlé. » L'empathie n'a pas besoin des mots parfaits ;
elle a besoin que vous restiez.
""",
        [
            ("Je n'ai pas eu la promotion. Ils l'ont donnée à quelqu'un qui est arrivé il y a "
             "six mois.",
             "Au moins, tu restes dans la course pour l'an prochain ! Tout arrive pour une "
             "raison.",
             "Le bon côté des choses et un cliché : la réponse lui demande d'avoir de l'espoir "
             "au lieu d'être déçu.",
             "Aïe, c'est un vrai coup dur, surtout après tout ce que tu as donné. Comment tu "
             "le vis ?",
             "Elle reste avec la déception, reconnaît ses efforts et demande comment il va."),
        ],
        [
            ("Mon entretien annuel dit que je ne suis « pas assez visible ». Je suis en "
             "télétravail et j'ai un nouveau-né.",
             "Restez avec ce qu'elle ressent ; pas de bon côté des choses."),
            ("J'ai peur de perdre mon poste avec les suppressions.",
             "Ne promettez pas ce que personne ne peut promettre."),
        ],
        [
            ("J'ai pleuré dans les toilettes après la réunion aujourd'hui.",
             "On dirait que ça t'a vraiment blessée. Je suis contente que tu m'en parles.",
             "Ne t'inquiète pas, tout le monde a des jours comme ça.",
             "a",
             "A reste avec elle. B rassure et rend la chose banale, ce qui clôt la "
             "conversation."),
            ("Mon équipe a oublié mon anniversaire, c'est bête, mais ça m'a piqué.",
             "Ce n'est pas bête. Se sentir oublié, ça pique.",
             "Au moins, ta famille y a pensé !",
             "a",
             "A valide l'émotion dont il avait un peu honte. B cherche le bon côté."),
        ],
    ),
    (
        "confidentiality-and-its-limits",
        "La confidentialité et ses limites",
        "Ce qui reste dans la pièce, ce qui n'y reste pas, et comment le dire honnêtement.",
        8,
        True,
        """Le soutien entre pairs fonctionne parce que chacun a confiance : ce qu'il dit reste là
où il l'a dit. Dans PeerSupport, c'est une règle du groupe : ce qui est partagé dans un groupe
reste dans le groupe.

### Ce que la confidentialité veut dire ici
- Vous ne répétez pas ce que quelqu'un a partagé, même sans le nom, même avec bienveillance
  (« Quelqu'un dans mon groupe traverse... »).
- Vous ne confirmez pas qui fait partie d'un groupe, ni qui est venu à une séance.
- Les captures d'écran et les transferts la brisent aussi sûrement que les commérages.

### Ses limites
La confidentialité n'est pas une promesse de laisser quelqu'un en danger. Si une personne risque
de se faire du mal ou d'en faire à quelqu'un d'autre, ou si un enfant ou un adulte vulnérable est
en danger, obtenir de l'aide passe avant. Dites-le tôt et simplement, pour que ce ne soit
jamais une surprise : « Ce que tu me dis reste ici, sauf si je m'inquiète pour ta sécurité.
Dans ce cas, je voudrais te trouver de l'aide, et je te le dirais avant. »

### Ne promettez pas ce que vous ne pouvez pas tenir
« Je ne le dirai à personne, quoi que ce soit » paraît gentil sur le moment et peut briser la
confiance plus tard.
""",
        [
            ("Je peux te dire un truc si tu me promets de ne le répéter à personne ?",
             "Bien sûr, promis, quoi que ce soit.",
             "Une promesse sans condition qu'il faudra peut-être rompre si la personne est en "
             "danger.",
             "Ça restera entre nous, sauf si je m'inquiète pour ta sécurité ; dans ce cas, je "
             "voudrais te trouver du soutien, et je te le dirais avant. Je t'écoute.",
             "Honnête sur la seule limite, et la porte reste ouverte."),
        ],
        [
            ("J'ai besoin d'en parler à quelqu'un, mais s'il te plaît, il ne faut pas que ça "
             "revienne aux oreilles de mon équipe.",
             "Rassurez-la honnêtement sur ce qui reste privé, et invitez-la à continuer."),
            ("Est-ce que Samia a dit quelque chose sur moi dans le groupe ?",
             "La confidentialité protège aussi Samia. Restez bienveillant, et restez avec la "
             "personne qui pose la question."),
        ],
        [
            ("Ce groupe est vraiment confidentiel ?",
             "Oui, ce qui est partagé ici reste ici, sauf si la sécurité de quelqu'un est en "
             "jeu. Tu veux m'en dire un peu plus sur ce qui te préoccupe ?",
             "Complètement, rien ne sort jamais de cette pièce, quoi qu'il arrive.",
             "a",
             "A est honnête sur la limite et l'invite à entrer. B promet quelque chose que "
             "personne ne peut tenir."),
            ("Quelqu'un de mon cercle a dit un truc auquel je n'arrête pas de penser. Je peux "
             "te le raconter ?",
             "Bien sûr, c'était qui ?",
             "On dirait que ça t'est resté en tête. Tu peux me dire comment ça te touche, toi, "
             "sans répéter ce que la personne a dit ?",
             "b",
             "B prend soin de la personne sans trahir la confiance de l'autre."),
        ],
    ),
    (
        "pointing-to-help-in-a-crisis",
        "Orienter vers une aide professionnelle en cas de crise",
        "Quand l'écoute ne suffit plus, et comment mettre quelqu'un en lien avec de l'aide.",
        12,
        True,
        """Les pairs aidants ne sont ni thérapeutes ni écoutants de crise, et n'ont pas à l'être.
Ce que vous pouvez faire : remarquer, garder votre calme, poser la question, et mettre la
personne en lien avec ceux qui peuvent l'aider.

### Les signes à prendre au sérieux
Parler de ne plus vouloir être là, d'être un poids, de ne pas voir d'issue ; un calme soudain
après une grande détresse ; donner ses affaires. Dans le chat de PeerSupport, ce genre de
message envoie en privé des ressources de soutien à la personne, et alerte les personnes
facilitatrices.

### Que faire
1. **Restez.** Gardez une voix posée. Vous n'avez rien à réparer.
2. **Posez la question directement.** « Est-ce que tu penses au suicide ? » Poser la question
   ne met l'idée dans la tête de personne ; ça lui dit qu'elle peut en parler.
3. **Écoutez** sans juger et sans promettre le secret.
4. **Mettez en lien.** La page de soutien (en lien en bas de chaque page) indique les lignes
   d'écoute de crise de votre pays, le programme d'aide aux salariés et les contacts utiles.
   Proposez de la regarder ensemble, ou de rester pendant l'appel : « Tu serais d'accord pour
   appeler la ligne avec moi, là, maintenant ? »
5. **En cas de danger immédiat**, appelez les secours.

### Prenez soin de vous aussi
Ensuite, parlez-en à une personne facilitatrice. Porter ça seul ne fait pas partie du rôle.
""",
        [
            ("Franchement, je ne vois plus l'intérêt de rien.",
             "Ne dis pas ça ! Tout va bien se passer, tu as tellement de choses pour toi.",
             "Une fausse promesse et un changement de sujet rapide : la réponse lui dit qu'on "
             "ne peut pas parler de ça.",
             "Je suis vraiment content que tu me le dises. Quand tu dis que tu ne vois plus "
             "l'intérêt, est-ce que tu penses à mettre fin à tes jours ?",
             "Elle prend les mots au sérieux et pose la question directement, calmement, ce "
             "qui ouvre la porte à l'aide."),
        ],
        [
            ("J'ai l'impression que tout le monde serait mieux sans moi.",
             "Restez avec lui et demandez doucement ce qu'il veut dire ; puis proposez de "
             "chercher de l'aide ensemble."),
            ("Je dors mal depuis des semaines et j'ai peur de jusqu'où vont mes idées noires.",
             "Reconnaissez le courage qu'il lui a fallu ; demandez ce qui l'aiderait ; "
             "proposez de regarder ensemble la page de soutien."),
        ],
        [
            ("Je n'en peux plus.",
             "Allez, courage, c'est bientôt vendredi !",
             "Ça a l'air très lourd à porter. Tu peux m'en dire plus sur ce que « je n'en peux "
             "plus » veut dire pour toi, là, maintenant ?",
             "b",
             "B prend la chose au sérieux et pose la question. A la balaie au moment où elle "
             "compte le plus."),
            ("Je me dis que ce serait plus simple si je disparaissais.",
             "Merci de me le dire. Est-ce que tu penses à te faire du mal ? Je suis là, et on "
             "peut regarder ensemble qui peut t'aider.",
             "Pourquoi tu penses des choses pareilles ?",
             "a",
             "A pose la question directement, reste là et propose de la mettre en lien avec "
             "de l'aide. B est une question en « pourquoi » qui sonne comme de "
             "l'incrédulité."),
        ],
    ),
    (
        "facilitating-a-circle",
        "Animer un cercle",
        "Les règles du groupe, le bâton de parole, une règle enfreinte, quelqu'un en "
        "détresse.",
        15,
        True,
        """La personne facilitatrice garde le cercle assez sûr pour que chacun puisse être
sincère. Vous n'êtes pas l'expert de la pièce ; vous êtes garant de ses règles et de son
rythme.

### Ouvrir
Lisez les règles du groupe à voix haute, brièvement, à chaque fois : confidentialité, écoute
sans jugement, pas de conseils non sollicités, parler de sa propre expérience, respect, le
droit de passer son tour. Demandez si quelqu'un veut en ajouter une.

### Le bâton de parole
En mode cercle, une personne tient le bâton de parole ; les autres écoutent. Cela ralentit la
pièce et donne leur tour aux plus discrets. Chacun peut passer. En tant que personne
facilitatrice, vous faites circuler le bâton et vous gardez le temps, avec bienveillance.

### Quand une règle est enfreinte
Nommez la règle, pas la personne, et revenez à celle qui parlait : « Je peux nous arrêter une
seconde ? L'une de nos règles, c'est pas de conseils non sollicités. Camille, qu'est-ce qui
t'aiderait le plus de la part du groupe, là, maintenant ? » La plupart des gens se reprennent
tout de suite. Si ça continue : un mot en privé, une mise en sourdine ou un retrait ; les outils
de modération du chat sont là pour ça, et chaque action est consignée.

### Quelqu'un en détresse
Ralentissez. Remerciez la personne. Prenez de ses nouvelles en privé, et vérifiez qu'elle a les
ressources de soutien (le chat les lui propose en privé quand un message évoque une détresse).
Vous pouvez faire une pause dans le cercle ; personne ne vous en voudra.

### Clore
Gardez quelques minutes. Un tour d'un mot chacun, et un rappel des endroits où trouver du
soutien, renvoient les gens au travail un peu plus légers.
""",
        [
            ("(Dans un cercle) Camille : Mon responsable n'arrête pas de s'approprier mes "
             "idées. / Julien : Franchement, tu devrais aller voir les RH.",
             "Bon, on passe à la personne suivante.",
             "Le conseil reste en l'air et Camille reste seule avec ; la règle cesse "
             "discrètement de vouloir dire quoi que ce soit.",
             "Je peux nous arrêter une seconde ? Notre règle, c'est pas de conseils non "
             "sollicités. Camille, qu'est-ce qui t'aiderait le plus de la part du groupe, là, "
             "maintenant ?",
             "Elle nomme la règle, pas Julien, et ramène le cercle vers Camille avec une "
             "question ouverte."),
        ],
        [
            ("(Dans un cercle) Quelqu'un vient de dire : « Franchement, tu exagères, c'était un "
             "mail. » La personne qui s'était confiée s'est tue.",
             "Nommez la règle, pas la personne, et revenez à celle qui s'était confiée."),
            ("(Dans un cercle) Un membre dit : « Désolé, je crois que je ne peux pas parler "
             "aujourd'hui. »",
             "Chacun a le droit de passer son tour. Rendez-le facile."),
        ],
        [
            ("(Dans un cercle) Un membre parle et un autre se lance dans une longue histoire "
             "sur son ancien poste.",
             "Je peux nous ramener doucement vers Alex ? Alex, qu'est-ce que tu aimerais "
             "ajouter ?",
             "Laissons-le finir, et on reviendra à Alex s'il reste du temps.",
             "a",
             "A protège l'espace de la personne qui parlait, avec douceur et en peu de mots."),
            ("(Dans un cercle) Un membre écrit qu'il a envie de tout laisser tomber.",
             "Merci de nous l'avoir dit. Je vais prendre de tes nouvelles en privé tout de "
             "suite, et pour tout le monde, faisons une courte pause.",
             "Continuons, on en parlera après la séance.",
             "a",
             "A prend la détresse au sérieux tout de suite et ralentit le cercle. B le laisse "
             "seul avec."),
        ],
    ),
]
