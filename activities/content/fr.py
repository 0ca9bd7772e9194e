"""La bibliothèque d'activités en français (vouvoiement). Même forme que activities.library
(en anglais) : {slug: {title, why, materials, tips, access, steps: [(titre, consignes,
question)]}}. Voir activities/content/__init__.py."""

QUIET = ("Tout peut se faire par écrit, dans le chat ou sur papier : personne n’est obligé "
         "de parler à voix haute.")
PASS = "Chacun peut passer son tour à n’importe quelle étape, sans avoir à se justifier."


def activity(**fields) -> dict:
    return fields


CONTENT = {
    # --- Briser la glace ---------------------------------------------------------------------
    "two-good-things": activity(
        title="Deux bonnes choses",
        why="Un démarrage en douceur qui oriente le groupe vers ce qui va bien, sans demander "
            "à quiconque de se livrer sur sa vie personnelle.",
        materials="",
        tips="Commencez par quelque chose de petit et de vrai (« la machine à café est enfin "
             "réparée ») : cela montre que les petites choses comptent. Gardez un rythme "
             "léger ; c’est un échauffement, pas une discussion.",
        access=f"{QUIET} {PASS} Les réponses liées au travail ou non sont tout aussi "
               "bienvenues : personne n’a à parler de sa vie privée. Les réponses courtes, "
               "dans n’importe quelle langue, conviennent très bien ; les emojis comptent aussi.",
        steps=[
            ("Réfléchir", "Chacun pense à deux bonnes choses de la semaine passée. Les toutes "
             "petites sont parfaites : un mail sympathique, un bug enfin compris, un bon "
             "déjeuner.", ""),
            ("Partager", "Chacun partage ses deux bonnes choses en une ou deux phrases, dans "
             "le chat ou à voix haute. On écoute sans commenter pour l’instant.",
             "Deux bonnes choses de votre semaine (grandes ou minuscules)"),
            ("Remarquer", "La personne facilitatrice nomme un ou deux thèmes entendus, sans "
             "désigner personne, et remercie le groupe.", ""),
        ],
    ),
    "object-on-my-desk": activity(
        title="L’objet sur mon bureau",
        why="On apprend à se connaître un peu à travers un objet ordinaire que chacun choisit : "
            "chacun décide exactement de ce qu’il partage.",
        materials="N’importe quel objet à portée de main (une tasse, une plante, un stylo).",
        tips="Rappelez qu’on peut choisir l’objet le plus banal à portée de main ; les "
             "histoires viennent quand même. Si le groupe est grand, demandez une seule phrase "
             "par personne.",
        access="Personne n’a besoin de se lever ni de bouger : l’objet peut être celui que "
               "vous tenez en main. Plutôt que de le montrer à la caméra, vous pouvez le "
               f"décrire dans le chat. {PASS}",
        steps=[
            ("Choisir", "Chacun choisit un objet qu’il peut attraper sans se lever.", ""),
            ("Décrire", "À tour de rôle, chacun dit ou écrit ce qu’est l’objet et une chose à "
             "son sujet : d’où il vient, pourquoi il est là ou ce qu’il dit de son travail.",
             "Votre objet, et une chose à son sujet"),
            ("Repérer", "Chacun écrit une chose qui l’a surpris ou qu’il a en commun avec "
             "quelqu’un.", "Une chose que vous avez en commun avec quelqu’un ici"),
        ],
    ),
    "weather-report": activity(
        title="La météo du jour",
        why="Une façon rapide de savoir dans quel état chacun arrive aujourd’hui, avec une "
            "image plutôt qu’une confidence.",
        materials="",
        tips="Accueillez chaque météo sans poser de questions. Si quelqu’un annonce un orage, "
             "remerciez-le et, après la séance, proposez-lui d’en parler en privé ; jamais "
             "devant le groupe.",
        access=f"Un mot ou un emoji météo suffit ; aucune explication n’est attendue. {PASS} "
               "Les métaphores météo parlent à toutes les cultures ; proposez « une couleur » "
               "comme alternative.",
        steps=[
            ("Annoncer", "Chacun décrit sa météo intérieure du jour : grand soleil, "
             "brouillard, petite bruine, canicule. Un mot ou une phrase.",
             "Votre météo du jour"),
            ("Accueillir", "La personne facilitatrice remercie le groupe et résume le climat "
             "général (« plutôt nuageux avec des éclaircies »), jamais celui d’une personne.",
             ""),
        ],
    ),
    "common-ground": activity(
        title="Nos points communs",
        why="En petits groupes, on découvre des choses étonnantes en commun, ce qui facilite "
            "les conversations suivantes.",
        materials="À distance : des salles de sous-groupes ou des fils de discussion. En "
                  "présentiel : du papier et des stylos.",
        tips="Suggérez des thèmes légers (cuisine, voyages rêvés, premier concert, animaux) et "
             "évitez l’âge, la situation familiale, la religion ou la santé. Cela marche "
             "mieux en mélangeant des personnes qui travaillent rarement ensemble.",
        access=f"Des groupes de trois ou quatre facilitent la participation des personnes "
               f"plus discrètes. {QUIET} Personne ne doit se sentir obligé de révéler quelque "
               "chose pour faire partie du groupe : « nous aimons tous le thé » est un très "
               "bon résultat.",
        steps=[
            ("Former des petits groupes", "Répartissez-vous en groupes de trois ou quatre.",
             ""),
            ("Trouver des points communs", "Chaque petit groupe cherche trois choses que tous "
             "ses membres ont en commun, en dehors du travail. Plus c’est inattendu, mieux "
             "c’est.", ""),
            ("Partager", "Chaque groupe partage son point commun le plus surprenant.",
             "Le point commun le plus surprenant de votre groupe"),
        ],
    ),
    # --- Se dire merci -----------------------------------------------------------------------
    "appreciation-round": activity(
        title="Tour de remerciements",
        why="On dit à voix haute ce qu’on apprécie chez les autres : ces remerciements précis "
            "qui restent souvent non dits dans une semaine chargée.",
        materials="",
        tips="Montrez l’exemple avec un remerciement précis (« merci d’être resté mardi soir "
             "pour relire le code avec moi »), pas un remerciement général. Veillez à ce que "
             "personne ne soit oublié : vous pouvez remercier les personnes que personne n’a "
             "encore nommées. Après le tour, rappelez que chacun peut transformer ce qu’il a "
             "écrit en reconnaissance.",
        access=f"{QUIET} {PASS} Personne n’est obligé de recevoir des compliments devant tout "
               "le monde s’il préfère s’en passer : on peut remercier le groupe dans son "
               "ensemble.",
        steps=[
            ("Penser à quelqu’un", "Chacun pense à quelque chose qu’une personne du groupe a "
             "fait récemment et qui l’a aidé, même un petit geste.", ""),
            ("Remercier", "Écrivez ou dites un remerciement précis. Nommez la personne, ce "
             "qu’elle a fait et ce que cela a changé pour vous.",
             "Une chose que vous avez appréciée chez quelqu’un cette semaine"),
            ("Clore", "La personne facilitatrice remercie tout le monde. Chacun peut, s’il le "
             "souhaite, transformer son remerciement en reconnaissance.", ""),
        ],
    ),
    "thank-you-notes": activity(
        title="Petits mots de remerciement",
        why="Un merci écrit reste : on peut le garder et le relire les jours difficiles.",
        materials="En présentiel : des cartes ou des post-it et des stylos. À distance : le "
                  "chat.",
        tips="Laissez assez de temps calme pour écrire. Encouragez les mots pour les "
             "personnes dont le travail se voit moins dans l’équipe. Les mots peuvent être "
             "signés ou non.",
        access="Écrire à son rythme convient aux personnes qui ont du mal à prendre la "
               f"parole. Les mots peuvent être dans n’importe quelle langue. {PASS}",
        steps=[
            ("Écrire", "Chacun écrit un ou deux petits mots de remerciement à des personnes "
             "du groupe : ce qu’elles ont fait, et pourquoi cela a compté.",
             "Un petit mot de remerciement pour quelqu’un ici"),
            ("Partager", "Les volontaires lisent un mot à voix haute ou le publient dans le "
             "chat. Les autres peuvent rester privés et être remis plus tard.", ""),
            ("Clore", "Remerciez tout le monde pour la bienveillance partagée.", ""),
        ],
    ),
    "spotlight-on-a-helper": activity(
        title="Coup de projecteur sur un soutien discret",
        why="Met en lumière le soutien discret qui fait tenir une équipe : relectures, "
            "réponses, patience.",
        materials="",
        tips="Demandez explicitement des exemples d’aide invisible. Si une même personne est "
             "citée plusieurs fois, demandez qui d’autre a aidé de façon moins visible.",
        access=f"{QUIET} La personne mise en lumière n’a jamais à répondre. {PASS}",
        steps=[
            ("Se souvenir", "Pensez à un moment du mois dernier où quelqu’un vous a aidé "
             "d’une façon que peu de gens ont remarquée.", ""),
            ("Mettre en lumière", "Publiez votre coup de projecteur : qui vous a aidé, et ce "
             "que cette personne a fait.",
             "Qui vous a aidé d’une façon que peu de gens ont remarquée ?"),
            ("Prendre du recul", "La personne facilitatrice lit les types d’aide cités (pas "
             "les noms) et remercie le groupe.", ""),
        ],
    ),
    "kindness-circle": activity(
        title="Cercle de bienveillance",
        why="Chacun, s’il le souhaite, entend quelques mots gentils de ses collègues : un coup "
            "de pouce qui reste.",
        materials="",
        tips="Seuls des volontaires passent au centre. Gardez chaque tour court (environ une "
             "minute) et veillez à ce que chaque volontaire entende au moins deux "
             "remerciements ; ajoutez le vôtre si besoin.",
        access="Uniquement des volontaires : personne n’est mis sur la sellette. Les "
               f"remerciements peuvent être écrits dans le chat plutôt que dits. {PASS}",
        steps=[
            ("Volontaires", "Demandez qui aimerait recevoir quelques mots de remerciement "
             "aujourd’hui.", ""),
            ("Mots gentils", "Pour chaque volontaire, à tour de rôle, les autres partagent "
             "une qualité qu’ils apprécient chez cette personne, avec un exemple s’ils en ont "
             "un.", "Une qualité que vous appréciez chez la personne volontaire du jour"),
            ("Remercier", "Chaque volontaire peut dire merci, ou simplement sourire et "
             "passer.", ""),
        ],
    ),
    # --- Résoudre un problème ensemble -------------------------------------------------------
    "small-fixes": activity(
        title="Les petites améliorations qui aideraient",
        why="Transforme les agacements du quotidien en petites améliorations réalistes que le "
            "groupe peut prendre en main.",
        materials="Une liste partagée : le chat, un tableau blanc ou des post-it.",
        tips="Parlez de processus et d’habitudes, jamais de personnes. Choisissez des "
             "améliorations que le groupe peut mettre en place lui-même dans la semaine.",
        access=f"{QUIET} Dans le compte rendu, les idées sont reprises sans nom. {PASS}",
        steps=[
            ("Recueillir", "Chacun note les petites choses qui rendent le travail plus "
             "compliqué que nécessaire (une réunion sans ordre du jour, une check-list qui "
             "manque).", "Une petite chose qui complique le travail plus que nécessaire"),
            ("Regrouper", "Ensemble, regroupez les idées proches et choisissez-en deux ou "
             "trois.", ""),
            ("Améliorer", "Pour chacune, mettez-vous d’accord sur une petite amélioration et "
             "sur qui aimerait l’essayer.",
             "Une petite amélioration que vous essaieriez cette semaine"),
            ("Récapituler", "Relisez les améliorations retenues. Faites le point la prochaine "
             "fois.", ""),
        ],
    ),
    "pass-the-problem": activity(
        title="Faites tourner le problème",
        why="Tout le monde aide tout le monde : chaque difficulté partagée récolte plusieurs "
            "idées neuves.",
        materials="À distance : le chat. En présentiel : une feuille de papier par difficulté.",
        tips="Seuls les volontaires partagent une difficulté, et ce sont eux qui décident quoi "
             "faire des idées. Demandez des idées, pas des verdicts (« vous pourriez "
             "essayer... »).",
        access=f"{QUIET} Les difficultés doivent être des situations de travail qu’on peut "
               f"partager sans risque ; personne ne nomme de collègue. {PASS}",
        steps=[
            ("Partager une difficulté", "Deux ou trois volontaires décrivent chacun une "
             "difficulté au travail en deux phrases.", ""),
            ("Idées", "Chacun propose une idée pour chaque difficulté, en commençant par "
             "« vous pourriez essayer... ».", "Une idée pour l’une des difficultés"),
            ("À emporter", "Chaque volontaire dit quelle idée il va essayer, s’il y en a "
             "une.", ""),
        ],
    ),
    "pre-mortem": activity(
        title="Pré-mortem bienveillant",
        why="Imaginer qu’un projet a mal tourné aide une équipe à repérer les risques tôt, "
            "sans chercher de coupable.",
        materials="Un tableau partagé ou le chat.",
        tips="Posez clairement le cadre : « nous sommes dans six mois et ce projet a mal "
             "tourné ; que s’est-il passé ? ». Restez sur les causes, pas sur les coupables.",
        access=f"{QUIET} Si le groupe le préfère, les risques sont écrits anonymement sur un "
               f"tableau partagé. {PASS}",
        steps=[
            ("Imaginer", "Imaginez le prochain projet de l’équipe dans six mois, et qu’il a "
             "mal tourné.", ""),
            ("Lister les causes", "Chacun écrit ce qui aurait pu en être la cause.",
             "Une chose qui pourrait faire mal tourner notre prochain projet"),
            ("Prévenir", "Choisissez les trois causes les plus probables et mettez-vous "
             "d’accord sur une parade pour chacune.", ""),
            ("Clore", "Désignez qui veillera sur chaque parade.", ""),
        ],
    ),
    "team-day-planner": activity(
        title="Organisons notre journée d’équipe",
        why="Le groupe imagine une journée que chacun pourrait apprécier : un bon exercice "
            "pour concilier des besoins différents.",
        materials="",
        tips="Énoncez d’abord les contraintes (budget, temps, accessibilité, alimentation) "
             "pour que le projet inclue tout le monde dès le départ.",
        access="Chaque projet doit convenir aux personnes qui ne boivent pas d’alcool, ont "
               "des besoins alimentaires particuliers, se déplacent en fauteuil roulant ou "
               f"travaillent à distance. {QUIET} {PASS}",
        steps=[
            ("Besoins", "Chacun écrit une chose qui rendrait une journée d’équipe agréable "
             "pour lui.", "Une chose qui rendrait une journée d’équipe agréable pour vous"),
            ("Idées", "En petits groupes, esquissez une journée qui réponde au plus grand "
             "nombre de besoins possible.", ""),
            ("Choisir", "Partagez les ébauches et combinez-en les meilleurs éléments.", ""),
        ],
    ),
    # --- Partager des histoires --------------------------------------------------------------
    "had-my-back": activity(
        title="Le jour où quelqu’un m’a soutenu",
        why="Les histoires de soutien rappellent ce que font les bons collègues, et que nous "
            "pouvons le faire aussi.",
        materials="",
        tips="Partagez d’abord une courte histoire personnelle. Elles peuvent venir de "
             "n’importe quel emploi, des études ou du bénévolat. Remerciez chaque personne "
             "qui raconte ; pas de questions ensuite, sauf si elle y invite.",
        access="Une histoire peut tenir en une phrase et s’écrire dans le chat. Personne n’a "
               "à raconter une situation douloureuse pour partager une histoire de soutien. "
               f"{PASS}",
        steps=[
            ("Se souvenir", "Pensez à un moment où quelqu’un vous a soutenu au travail.", ""),
            ("Raconter", "Les volontaires racontent leur histoire en deux ou trois minutes.",
             "Un moment où quelqu’un vous a soutenu"),
            ("Nommer", "Ensemble, listez ce qu’ont fait ces personnes : les habitudes du "
             "soutien.", ""),
        ],
    ),
    "story-of-a-name": activity(
        title="L’histoire d’un nom",
        why="Chacun a une histoire liée à un nom ; la partager est une façon chaleureuse et "
            "sans risque de se faire connaître.",
        materials="",
        tips="Proposez des alternatives : un surnom, le nom d’un animal, une rue ou un lieu "
             "qui compte. Prononcez les noms comme les personnes les disent, et demandez en "
             "cas de doute.",
        access="N’importe quel nom convient : personne n’a à parler de sa famille ou de ses "
               f"origines. {QUIET} {PASS}",
        steps=[
            ("Choisir un nom", "Choisissez un nom dont parler : le vôtre, un surnom, un "
             "animal, un lieu.", ""),
            ("Raconter", "Chacun raconte l’histoire de ce nom en une ou deux minutes.",
             "L’histoire d’un nom"),
            ("Remercier", "Remerciez tout le monde ; remarquez combien d’histoires il y avait "
             "dans la pièce.", ""),
        ],
    ),
    "first-job-stories": activity(
        title="Mon premier job",
        why="Les souvenirs drôles et formateurs d’un premier job effacent la hiérarchie : tout "
            "le monde a commencé quelque part.",
        materials="",
        tips="Gardez des histoires courtes et légères. Si le premier job de quelqu’un a été "
             "difficile, remerciez-le chaleureusement et passez à la suite.",
        access="Le « premier job » peut être une corvée à la maison, un rôle à l’école ou du "
               f"bénévolat. {QUIET} {PASS}",
        steps=[
            ("Se souvenir", "Pensez à votre premier job, payé ou non.", ""),
            ("Partager", "Partagez une chose qu’il vous a apprise, en une phrase ou une "
             "courte histoire.", "Votre premier job, et une chose qu’il vous a apprise"),
            ("Recueillir", "Listez ensemble les leçons : lesquelles comptent encore ici ?",
             ""),
        ],
    ),
    # --- Valeurs et forces -------------------------------------------------------------------
    "strengths-spotting": activity(
        title="Repérer les forces",
        why="Les collègues nomment les forces qu’ils voient les uns chez les autres, forces "
            "que chacun a souvent tendance à sous-estimer chez soi.",
        materials="Une liste de forces (facultatif).",
        tips="Proposez une liste de mots (patience, curiosité, clarté, courage) aux personnes "
             "qui ont du mal à mettre des mots dessus. Veillez à ce que chacun reçoive au "
             "moins une force.",
        access=f"{QUIET} Chacun choisit si les forces qu’on lui a reconnues sont partagées "
               f"avec le groupe. {PASS}",
        steps=[
            ("Observer", "Pensez à une ou deux personnes ici et à une force que vous les avez "
             "vues mettre en œuvre.", ""),
            ("Repérer", "Écrivez la force et le moment où vous l’avez remarquée.",
             "Une force que vous avez vue chez quelqu’un ici, et à quel moment"),
            ("S’approprier", "Chacun peut dire quelle force repérée l’a surpris.", ""),
        ],
    ),
    "values-in-one-word": activity(
        title="Nos valeurs en un mot",
        why="Le groupe trouve les quelques mots qui décrivent comment il veut travailler "
            "ensemble.",
        materials="Un outil de nuage de mots ou le chat.",
        tips="Recueillez d’abord les mots, discutez ensuite. Visez trois mots avec lesquels le "
             "groupe se sent bien, pas une déclaration parfaite.",
        access=f"{QUIET} Les mots dans toutes les langues sont bienvenus ; on les traduit "
               f"ensemble. {PASS}",
        steps=[
            ("Des mots", "Chacun écrit un mot qui dit comment il souhaite que ce groupe "
             "fonctionne.", "Un mot pour dire comment vous voulez que nous travaillions "
             "ensemble"),
            ("Regrouper", "Regroupez les mots proches et parlez de ce qu’ils signifient.", ""),
            ("Choisir", "Mettez-vous d’accord sur trois mots à garder sous les yeux.", ""),
        ],
    ),
    "bring-and-need": activity(
        title="Ce que j’apporte, ce dont j’ai besoin",
        why="Chacun dit ce qu’il apporte à l’équipe et ce qui l’aide à donner le meilleur de "
            "lui-même, pour que le soutien arrive là où il est utile.",
        materials="",
        tips="Montrez l’exemple pour les deux moitiés : celle du « besoin » demande du "
             "courage. Gardez des besoins concrets (« être prévenu avant les échéances »).",
        access=f"{QUIET} Les besoins n’ont pas à être expliqués ni justifiés. {PASS}",
        steps=[
            ("Réfléchir", "Pensez à une chose que vous apportez et à une chose dont vous avez "
             "besoin.", ""),
            ("Partager", "Publiez les deux.",
             "Une chose que vous apportez, une chose dont vous avez besoin"),
            ("Relier", "Cherchez les offres qui répondent à des besoins.", ""),
        ],
    ),
    # --- Prendre du recul et clore -----------------------------------------------------------
    "one-word-check-out": activity(
        title="Le mot de la fin",
        why="Clôt une séance dans le calme, en entendant chacun une fois.",
        materials="",
        tips="Passez en dernier. Ne commentez pas les mots ; un simple merci suffit.",
        access=f"{QUIET} {PASS} Un emoji compte comme un mot.",
        steps=[
            ("Le mot de la fin", "Chacun partage un mot qui dit dans quel état il repart.",
             "Un mot pour dire dans quel état vous repartez"),
            ("Remercier", "Remerciez le groupe et clôturez la séance.", ""),
        ],
    ),
    "rose-bud-thorn": activity(
        title="Rose, bourgeon, épine",
        why="Un regard en arrière équilibré : ce qui s’est bien passé, ce qui est en train de "
            "naître, ce qui a été difficile.",
        materials="",
        tips="On peut tout à fait sauter l’épine. Les épines portent sur des situations, pas "
             "sur des personnes.",
        access=f"{QUIET} On peut sauter n’importe lequel des trois. {PASS}",
        steps=[
            ("Réfléchir", "Pensez à une rose (un temps fort), un bourgeon (quelque chose que "
             "vous attendez avec impatience) et une épine (quelque chose de difficile).", ""),
            ("Partager", "Partagez autant des trois que vous le souhaitez.",
             "Votre rose, votre bourgeon et votre épine"),
            ("Clore", "Remerciez tout le monde.", ""),
        ],
    ),
    "taking-with-me": activity(
        title="Ce que j’emporte avec moi",
        why="Aide chacun à remarquer ce qu’il retire de la séance pour le reste de la semaine.",
        materials="",
        tips="Recueillez les réponses sans en discuter ; relisez-en quelques-unes si le groupe "
             "est d’accord.",
        access=f"{QUIET} {PASS}",
        steps=[
            ("Réfléchir", "Repensez en silence à la séance.", ""),
            ("Partager", "Partagez une chose que vous emportez avec vous.",
             "Une chose que vous emportez avec vous"),
            ("Clore", "Remerciez tout le monde.", ""),
        ],
    ),
    # --- Se retrouver en personne ------------------------------------------------------------
    "walking-pairs": activity(
        title="Discussions en marchant, à deux",
        why="Parler côte à côte est plus facile que face à face ; l’air frais aide aussi.",
        materials="Un parcours avec une option sans marches, ou une salle calme pour celles et "
                  "ceux qui restent à l’intérieur.",
        tips="Proposez dès le départ de rester assis, comme un choix à part entière. Donnez à "
             "chaque binôme une question pour démarrer.",
        access="La marche est facultative : les binômes peuvent s’asseoir dans un coin calme "
               "ou dans un café. Choisissez un parcours sans marches avec des endroits pour "
               f"se reposer. {PASS}",
        steps=[
            ("Former des binômes", "Formez des binômes et choisissez : marcher ou rester "
             "assis.", ""),
            ("Discuter", "Discutez de la question : qu’est-ce qui a rendu le travail agréable "
             "ces derniers temps ?", ""),
            ("Revenir", "Retrouvez-vous tous ensemble ; chaque binôme peut partager une "
             "idée.", ""),
        ],
    ),
    "table-questions-lunch": activity(
        title="Déjeuner partagé : questions à table",
        why="Un repas partagé, avec quelques bonnes questions sur la table, laisse de la place "
            "à de nouveaux liens.",
        materials="Le déjeuner (avec des options végétariennes, végétaliennes, halal et sans "
                  "allergènes) et des cartes de questions sur chaque table.",
        tips="Mélangez les tables pour que chacun rencontre quelqu’un de nouveau. Gardez des "
             "questions légères (« quelle compétence aimeriez-vous apprendre ? »).",
        access="De quoi manger pour tous les régimes, et une place assise pour chacun. "
               f"Personne n’est obligé de répondre à une carte. {PASS}",
        steps=[
            ("S’installer", "Prenez place à une table avec quelqu’un que vous connaissez peu.",
             ""),
            ("Manger et discuter", "Utilisez les cartes comme bon vous semble.", ""),
            ("Clore", "Remerciez tout le monde d’être venu.", ""),
        ],
    ),
    "cooperative-games": activity(
        title="Déjeuner jeux de société coopératifs",
        why="Dans les jeux coopératifs, tout le monde est dans le même camp : personne ne "
            "perd.",
        materials="Des jeux coopératifs de deux à six joueurs, un déjeuner adapté à tous les "
                  "régimes.",
        tips="Choisissez des jeux de moins d’une demi-heure, faciles à expliquer. Évitez les "
             "jeux avec des traîtres cachés.",
        access="Choisissez des jeux en gros caractères et aux règles simples ; chacun peut "
               f"regarder ou aider plutôt que jouer. {PASS}",
        steps=[
            ("Choisir une table", "Choisissez une table de jeu.", ""),
            ("Jouer", "Jouez ensemble.", ""),
            ("Conclure", "Partagez un moment de votre partie.", ""),
        ],
    ),
    "gratitude-wall": activity(
        title="Le mur des mercis",
        why="Un mur de petits mots de remerciement, que chacun complète toute la semaine et "
            "lit en passant.",
        materials="Des post-it, des stylos, un mur.",
        tips="Lancez le mur avec quelques mots de votre part. Lisez-en quelques-uns à voix "
             "haute en fin de semaine.",
        access="Placez le mur à une hauteur accessible à tous. Les mots peuvent être "
               f"anonymes. {PASS}",
        steps=[
            ("Ouvrir le mur", "Expliquez le principe du mur et affichez les premiers mots.",
             ""),
            ("Écrire", "Chacun écrit un ou plusieurs mots.",
             "Un petit mot de remerciement pour le mur"),
            ("Lire", "Lisez le mur ensemble.", ""),
        ],
    ),
    "recipe-swap": activity(
        title="Échange de recettes",
        why="Partager un plat qu’on aime est une façon conviviale de découvrir l’univers de "
            "chacun.",
        materials="Une recette par personne (écrite ou de mémoire).",
        tips="Demandez des plats simples ; rassemblez ensuite les recettes dans un document "
             "partagé.",
        access=f"Tous les plats comptent, achetés ou faits maison. {QUIET} {PASS}",
        steps=[
            ("Réfléchir", "Pensez à un plat que vous adorez.", ""),
            ("Partager", "Présentez ce plat et dites pourquoi vous l’aimez.",
             "Un plat que vous adorez, et pourquoi"),
            ("Rassembler", "Décidez ensemble où rassembler les recettes.", ""),
        ],
    ),
}
