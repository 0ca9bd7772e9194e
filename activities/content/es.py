"""La biblioteca de actividades en español (tú). Misma forma que activities.library (en inglés):
{slug: {title, why, materials, tips, access, steps: [(título, instrucciones, pregunta)]}}.
Ver activities/content/__init__.py."""

QUIET = ("Todo se puede hacer por escrito, en el chat o en papel, así que nadie tiene que "
         "hablar en voz alta.")
PASS = "Cualquiera puede pasar en cualquier paso, sin dar explicaciones."


def activity(**fields) -> dict:
    return fields


CONTENT = {
    # --- Romper el hielo ---------------------------------------------------------------------
    "two-good-things": activity(
        title="Dos cosas buenas",
        why="Un comienzo suave que pone al grupo en sintonía con lo que va bien, sin pedirle a "
            "nadie que cuente nada personal.",
        materials="",
        tips="Empieza tú con algo pequeño y real («por fin arreglaron la cafetera»): así se ve "
             "que lo modesto también cuenta. Mantén un ritmo ligero; es un calentamiento, no un "
             "debate.",
        access=f"{QUIET} {PASS} Valen igual las respuestas del trabajo que las de fuera, así "
               "que nadie tiene que hablar de su vida en casa. Las respuestas cortas en "
               "cualquier idioma están bien; los emojis también cuentan.",
        steps=[
            ("Piensa", "Cada persona piensa en dos cosas buenas de la última semana. Las "
             "pequeñas son perfectas: un correo amable, un fallo que por fin "
             "quedó resuelto, una comida rica.", ""),
            ("Comparte", "Cada persona comparte sus dos cosas buenas en una o dos frases, en el "
             "chat o en voz alta. Escuchamos sin comentar todavía.",
             "Dos cosas buenas de tu semana (grandes o diminutas)"),
            ("Fíjate", "La persona facilitadora nombra uno o dos temas que ha oído, sin señalar "
             "a nadie, y da las gracias al grupo.", ""),
        ],
    ),
    "object-on-my-desk": activity(
        title="El objeto de mi mesa",
        why="Nos conocemos un poco más a través de un objeto cotidiano que cada quien elige, "
            "así que cada persona decide exactamente cuánto compartir.",
        materials="Cualquier objeto al alcance de cada persona (una taza, una planta, un "
                  "bolígrafo).",
        tips="Recuerda que vale elegir el objeto más aburrido que tengas a mano; las historias "
             "salen igual. Si el grupo es grande, pide una sola frase por persona.",
        access="Nadie tiene que levantarse ni moverse: el objeto puede ser el que tienes en la "
               f"mano. En vez de enseñarlo a la cámara, puedes describirlo en el chat. {PASS}",
        steps=[
            ("Elige", "Cada persona elige un objeto que pueda alcanzar sin levantarse.", ""),
            ("Descríbelo", "Por turnos, cada persona dice o escribe qué objeto es y una cosa "
             "sobre él: de dónde viene, por qué está ahí o qué dice de su trabajo.",
             "Tu objeto, y una cosa sobre él"),
            ("Descubre", "Cada persona escribe algo que le haya sorprendido o que tenga en "
             "común con alguien.", "Algo que tienes en común con alguien de aquí"),
        ],
    ),
    "weather-report": activity(
        title="El parte del tiempo",
        why="Una forma rápida de saber cómo llega cada persona hoy, con una imagen en lugar de "
            "una confesión.",
        materials="",
        tips="Acepta cualquier tiempo sin hacer preguntas. Si alguien habla de tormenta, dale "
             "las gracias y, después de la sesión, ofrécele hablar en privado; nunca delante "
             "del grupo.",
        access=f"Basta con una palabra o un emoji del tiempo; no hace falta explicar nada. "
               f"{PASS} Las metáforas del tiempo funcionan en todas las culturas; como "
               "alternativa, ofrece «un color».",
        steps=[
            ("Informa", "Cada persona describe su tiempo interior de hoy: soleado, con niebla, "
             "llovizna, ola de calor. Una palabra o una frase.", "Tu tiempo de hoy"),
            ("Reconoce", "La persona facilitadora da las gracias al grupo y resume el clima "
             "general («mayormente nublado con claros»), nunca el de una persona concreta.",
             ""),
        ],
    ),
    "common-ground": activity(
        title="Lo que tenemos en común",
        why="En grupos pequeños descubrimos cosas sorprendentes que compartimos, y eso hace "
            "más fáciles las conversaciones que vienen después.",
        materials="En remoto: salas para grupos o hilos de chat. En persona: papel y "
                  "bolígrafos.",
        tips="Propón temas ligeros (comida, viajes soñados, el primer concierto, mascotas) y "
             "evita la edad, la situación familiar, la religión o la salud. Funciona mejor si "
             "mezclas a gente que casi nunca trabaja junta.",
        access=f"Los grupos de tres o cuatro lo ponen más fácil a las personas más calladas. "
               f"{QUIET} Nadie debería sentir que tiene que desvelar algo para encajar: «a "
               "todos nos gusta el té» es un buen resultado.",
        steps=[
            ("Grupos pequeños", "Nos dividimos en grupos de tres o cuatro personas.", ""),
            ("Buscamos lo común", "Cada grupo busca tres cosas que tengan en común todos sus "
             "miembros y que no sean del trabajo. Cuanto más inesperadas, mejor.", ""),
            ("Compartimos", "Cada grupo comparte la más sorprendente.",
             "Lo más sorprendente que tiene en común tu grupo"),
        ],
    ),
    # --- Valorarnos --------------------------------------------------------------------------
    "appreciation-round": activity(
        title="Ronda de agradecimientos",
        why="Decimos en voz alta lo que valoramos de los demás: esos agradecimientos concretos "
            "que a menudo se quedan sin decir en una semana ajetreada.",
        materials="",
        tips="Da ejemplo con un agradecimiento concreto («gracias por quedarte el martes a "
             "revisar el código conmigo»), no con uno general. Asegúrate de que nadie se "
             "queda fuera: puedes agradecer algo a quien todavía no ha nombrado nadie. Al "
             "terminar la ronda, recuerda que cada autor puede convertir lo que escribió en un "
             "reconocimiento.",
        access=f"{QUIET} {PASS} No se pide a nadie que reciba elogios delante de todo el mundo "
               "si prefiere no hacerlo: el agradecimiento puede ser para el grupo entero.",
        steps=[
            ("Piensa en alguien", "Cada persona piensa en algo que alguien de este grupo hizo "
             "hace poco y que le ayudó, por pequeño que sea.", ""),
            ("Agradece", "Escribe o di un agradecimiento concreto. Nombra a la persona, lo que "
             "hizo y qué cambió para ti.",
             "Algo que has valorado de alguien esta semana"),
            ("Cierra", "La persona facilitadora da las gracias a todo el grupo. Quien haya "
             "escrito un agradecimiento puede convertirlo en un reconocimiento, si quiere.",
             ""),
        ],
    ),
    "thank-you-notes": activity(
        title="Notas de agradecimiento",
        why="Un agradecimiento por escrito dura: se puede guardar y releer en un día difícil.",
        materials="En persona: tarjetas o pósits y bolígrafos. En remoto: el chat.",
        tips="Deja tiempo tranquilo para escribir. Anima a escribir a las personas cuyo "
             "trabajo se ve menos en el equipo. Las notas pueden ir firmadas o no.",
        access="Escribir a tu ritmo va bien a quien le cuesta hablar en público. Las notas "
               f"pueden estar en cualquier idioma. {PASS}",
        steps=[
            ("Escribe", "Cada persona escribe una o dos notas cortas de agradecimiento a "
             "gente del grupo: qué hizo y por qué importó.",
             "Una nota de agradecimiento para alguien de aquí"),
            ("Comparte", "Quien quiera lee una nota en voz alta o la publica en el chat. Las "
             "demás pueden quedar en privado y entregarse después.", ""),
            ("Cierra", "Da las gracias a todo el grupo por la amabilidad que ha habido.", ""),
        ],
    ),
    "spotlight-on-a-helper": activity(
        title="Un foco para quien ayuda",
        why="Reconoce el apoyo discreto que sostiene a un equipo: revisiones, respuestas, "
            "paciencia.",
        materials="",
        tips="Pide expresamente ejemplos de ayuda invisible. Si se nombra muchas veces a la "
             "misma persona, pregunta quién más ayudó de formas menos evidentes.",
        access=f"{QUIET} La persona destacada nunca tiene que responder. {PASS}",
        steps=[
            ("Recuerda", "Piensa en un momento del último mes en que alguien te ayudó de una "
             "forma en la que pocos se fijaron.", ""),
            ("Pon el foco", "Publica tu foco: quién te ayudó y qué hizo.",
             "¿Quién te ayudó de una forma en la que pocos se fijaron?"),
            ("Reflexiona", "La persona facilitadora lee en voz alta los tipos de ayuda que se "
             "han mencionado (no los nombres) y da las gracias al grupo.", ""),
        ],
    ),
    "kindness-circle": activity(
        title="Círculo de palabras amables",
        why="Cada persona, si quiere, escucha unas palabras amables de sus compañeros: un "
            "empujón que se queda.",
        materials="",
        tips="En el centro solo se ponen voluntarios. Que cada turno sea corto (más o menos un "
             "minuto) y asegúrate de que cada voluntario escucha al menos dos "
             "agradecimientos; añade el tuyo si hace falta.",
        access="Solo voluntarios: nadie se ve en un compromiso. Los agradecimientos se pueden "
               f"escribir en el chat en vez de decirlos. {PASS}",
        steps=[
            ("Voluntarios", "Pregunta quién quiere escuchar hoy algunas palabras de "
             "agradecimiento.", ""),
            ("Palabras amables", "Por turnos, para cada voluntario, los demás comparten una "
             "cualidad que valoran de esa persona, con un ejemplo si lo tienen.",
             "Algo que valoras de la persona voluntaria de hoy"),
            ("Gracias", "Cada voluntario puede dar las gracias, o simplemente sonreír y "
             "pasar.", ""),
        ],
    ),
    # --- Resolver un problema juntos ---------------------------------------------------------
    "small-fixes": activity(
        title="Pequeños arreglos que ayudarían",
        why="Convierte las frustraciones del día a día en mejoras pequeñas y factibles de las "
            "que el grupo se puede encargar.",
        materials="Una lista compartida: el chat, una pizarra o pósits.",
        tips="Habla de procesos y costumbres, nunca de personas. Elige arreglos que el propio "
             "grupo pueda poner en marcha en una semana.",
        access=f"{QUIET} En el resumen, las ideas se recogen sin nombres. {PASS}",
        steps=[
            ("Recogemos", "Cada persona apunta pequeñas cosas que hacen el trabajo más difícil "
             "de lo necesario (una reunión sin orden del día, una lista de comprobación que "
             "falta).", "Algo pequeño que hace el trabajo más difícil de lo necesario"),
            ("Agrupamos", "Entre todos, juntamos lo que se parece y elegimos dos o tres cosas.",
             ""),
            ("Arreglamos", "Para cada una, acordamos un pequeño arreglo y quién quiere probarlo.",
             "Un pequeño arreglo que probarías esta semana"),
            ("Repasamos", "Leemos los arreglos en voz alta. La próxima vez, vemos cómo han ido.",
             ""),
        ],
    ),
    "pass-the-problem": activity(
        title="Pásame el problema",
        why="Todo el mundo ayuda a todo el mundo: cada reto compartido recibe varias ideas "
            "nuevas.",
        materials="En remoto: el chat. En persona: una hoja de papel por reto.",
        tips="Solo comparte un reto quien se ofrece, y es esa persona quien decide qué hacer "
             "con las ideas. Pide ideas, no veredictos («podrías probar...»).",
        access=f"{QUIET} Los retos tienen que ser situaciones de trabajo que se puedan "
               f"compartir con tranquilidad; nadie nombra a compañeros. {PASS}",
        steps=[
            ("Comparte un reto", "Dos o tres voluntarios describen cada uno un reto del "
             "trabajo en dos frases.", ""),
            ("Ideas", "Cada persona ofrece una idea para cada reto, empezando por «podrías "
             "probar...».", "Una idea para uno de los retos"),
            ("Para llevar", "Cada voluntario dice qué idea va a probar, si alguna le sirve.",
             ""),
        ],
    ),
    "pre-mortem": activity(
        title="Pre-mortem amable",
        why="Imaginar que un proyecto salió mal ayuda al equipo a ver los riesgos a tiempo, "
            "sin buscar culpables.",
        materials="Una pizarra compartida o el chat.",
        tips="Deja claro el marco: «estamos dentro de seis meses y esto salió mal; ¿qué "
             "pasó?». Céntrate en las causas, no en los culpables.",
        access=f"{QUIET} Si el grupo lo prefiere, los riesgos se escriben de forma anónima en "
               f"una pizarra compartida. {PASS}",
        steps=[
            ("Imagina", "Imagina el próximo proyecto del equipo dentro de seis meses, y que "
             "ha salido mal.", ""),
            ("Apunta las causas", "Cada persona escribe qué podría haberlo causado.",
             "Algo que podría hacer que nuestro próximo proyecto saliera mal"),
            ("Prevenimos", "Elegimos las tres causas más probables y acordamos una forma de "
             "prevenir cada una.", ""),
            ("Cerramos", "Decidimos quién va a estar pendiente de cada medida.", ""),
        ],
    ),
    "team-day-planner": activity(
        title="Planeamos nuestro día de equipo",
        why="El grupo diseña un día que todo el mundo pueda disfrutar: una práctica para "
            "equilibrar necesidades distintas.",
        materials="",
        tips="Nombra primero las limitaciones (presupuesto, tiempo, accesibilidad, "
             "alimentación) para que el plan incluya a todo el mundo desde el principio.",
        access="Cualquier plan tiene que funcionar para quien no bebe alcohol, tiene "
               f"necesidades alimentarias, va en silla de ruedas o trabaja en remoto. {QUIET} "
               f"{PASS}",
        steps=[
            ("Necesidades", "Cada persona escribe algo que haría que un día de equipo fuera "
             "bueno para ella.", "Algo que haría que un día de equipo fuera bueno para ti"),
            ("Ideas", "En grupos pequeños, esbozamos un día que cubra tantas necesidades como "
             "sea posible.", ""),
            ("Elegimos", "Compartimos los borradores y combinamos lo mejor de cada uno.", ""),
        ],
    ),
    # --- Compartir historias -----------------------------------------------------------------
    "had-my-back": activity(
        title="Una vez que alguien me cubrió las espaldas",
        why="Las historias de apoyo nos recuerdan lo que hacen los buenos compañeros, y que "
            "nosotros también podemos hacerlo.",
        materials="",
        tips="Comparte antes una historia corta tuya. Pueden venir de cualquier trabajo, de "
             "los estudios o de un voluntariado. Da las gracias a cada persona que cuente la "
             "suya; nada de preguntas de seguimiento, salvo que te inviten a hacerlas.",
        access="Una historia puede ser tan corta como una frase y escribirse en el chat. Nadie "
               "tiene que contar una situación dolorosa para compartir una historia de apoyo. "
               f"{PASS}",
        steps=[
            ("Recuerda", "Piensa en una vez que alguien te cubrió las espaldas en el trabajo.",
             ""),
            ("Cuenta", "Quien quiera cuenta su historia en dos o tres minutos.",
             "Una vez que alguien te cubrió las espaldas"),
            ("Ponle nombre", "Entre todos, hacemos una lista de lo que hicieron esas personas: "
             "las costumbres del apoyo.", ""),
        ],
    ),
    "story-of-a-name": activity(
        title="La historia de un nombre",
        why="Todo el mundo tiene una historia sobre un nombre; contarla es una forma cálida y "
            "sin riesgo de darse a conocer.",
        materials="",
        tips="Ofrece alternativas: un apodo, el nombre de una mascota, una calle o un lugar "
             "importante. Pronuncia los nombres como los dice cada persona y pregunta si "
             "tienes dudas.",
        access="Vale cualquier nombre, así que nadie tiene que hablar de su familia ni de sus "
               f"orígenes. {QUIET} {PASS}",
        steps=[
            ("Elige un nombre", "Elige un nombre del que hablar: el tuyo, un apodo, una "
             "mascota, un lugar.", ""),
            ("Cuenta", "Cada persona cuenta la historia de ese nombre en un minuto o dos.",
             "La historia de un nombre"),
            ("Gracias", "Da las gracias a todo el mundo; fíjate en cuántas historias había en "
             "la sala.", ""),
        ],
    ),
    "first-job-stories": activity(
        title="Historias del primer trabajo",
        why="Los recuerdos divertidos y formativos del primer trabajo rompen las jerarquías: "
            "todo el mundo empezó por algún sitio.",
        materials="",
        tips="Que las historias sean cortas y ligeras. Si el primer trabajo de alguien fue "
             "duro, dale las gracias con cariño y sigue adelante.",
        access="El «primer trabajo» puede ser una tarea de casa, un cargo en el colegio o un "
               f"voluntariado. {QUIET} {PASS}",
        steps=[
            ("Recuerda", "Piensa en tu primer trabajo, pagado o no.", ""),
            ("Comparte", "Comparte una cosa que te enseñó, en una frase o en una historia "
             "corta.", "Tu primer trabajo, y una cosa que te enseñó"),
            ("Recogemos", "Hacemos juntos la lista de lo aprendido: ¿qué sigue importando aquí?",
             ""),
        ],
    ),
    # --- Valores y fortalezas ----------------------------------------------------------------
    "strengths-spotting": activity(
        title="A la caza de fortalezas",
        why="Los compañeros nombran las fortalezas que ven en los demás, esas que cada persona "
            "suele infravalorar en sí misma.",
        materials="Una lista de fortalezas (opcional).",
        tips="Ofrece una lista de palabras (paciencia, curiosidad, claridad, valentía) para "
             "quien tenga dificultad en ponerlo en palabras. Asegúrate de que todo el mundo "
             "recibe alguna.",
        access=f"{QUIET} Cada persona decide si las fortalezas que le han visto se comparten "
               f"con el grupo. {PASS}",
        steps=[
            ("Observa", "Piensa en una o dos personas de aquí y en una fortaleza que les hayas "
             "visto usar.", ""),
            ("Nómbrala", "Escribe la fortaleza y el momento en que la viste.",
             "Una fortaleza que has visto en alguien de aquí, y cuándo"),
            ("Hazla tuya", "Cada persona puede decir qué fortaleza de las que le vieron le "
             "sorprendió.", ""),
        ],
    ),
    "values-in-one-word": activity(
        title="Nuestros valores en una palabra",
        why="El grupo encuentra las pocas palabras que describen cómo quiere trabajar junto.",
        materials="Una herramienta de nube de palabras o el chat.",
        tips="Primero se recogen las palabras y después se comentan. Buscamos tres palabras con "
             "las que el grupo pueda convivir, no una declaración perfecta.",
        access=f"{QUIET} Son bienvenidas las palabras en cualquier idioma; las traducimos "
               f"entre todos. {PASS}",
        steps=[
            ("Palabras", "Cada persona escribe una palabra sobre cómo quiere que funcione "
             "este grupo.", "Una palabra sobre cómo quieres que trabajemos juntos"),
            ("Agrupamos", "Juntamos las palabras parecidas y hablamos de lo que significan.", ""),
            ("Elegimos", "Acordamos tres palabras para tenerlas siempre a la vista.", ""),
        ],
    ),
    "bring-and-need": activity(
        title="Lo que aporto, lo que necesito",
        why="Cada persona cuenta lo que ofrece al equipo y lo que le ayuda a dar lo mejor de "
            "sí, para que el apoyo llegue donde encaja.",
        materials="",
        tips="Da ejemplo con las dos mitades: la del «necesito» es la valiente. Que las "
             "necesidades sean prácticas («que me avisen con tiempo antes de una entrega»).",
        access=f"{QUIET} Las necesidades no hay que explicarlas ni justificarlas. {PASS}",
        steps=[
            ("Piensa", "Piensa en algo que aportas y en algo que necesitas.", ""),
            ("Comparte", "Publica las dos cosas.", "Algo que aportas, algo que necesitas"),
            ("Conectamos", "Buscamos ofertas que respondan a alguna necesidad.", ""),
        ],
    ),
    # --- Reflexionar y cerrar ----------------------------------------------------------------
    "one-word-check-out": activity(
        title="Cierre en una palabra",
        why="Termina una sesión con calma, escuchando una vez a cada persona.",
        materials="",
        tips="Habla tú al final. No comentes las palabras; basta con un sencillo «gracias».",
        access=f"{QUIET} {PASS} Un emoji cuenta como palabra.",
        steps=[
            ("Cierre", "Cada persona comparte una palabra sobre cómo se va.",
             "Una palabra sobre cómo te vas"),
            ("Gracias", "Da las gracias al grupo y cierra la sesión.", ""),
        ],
    ),
    "rose-bud-thorn": activity(
        title="Rosa, brote, espina",
        why="Una mirada atrás equilibrada: lo que fue bien, lo que está creciendo y lo que "
            "costó.",
        materials="",
        tips="No pasa nada por saltarse la espina. Que las espinas hablen de situaciones, no "
             "de personas.",
        access=f"{QUIET} Cualquiera de las tres se puede saltar. {PASS}",
        steps=[
            ("Reflexiona", "Piensa en una rosa (un buen momento), un brote (algo que esperas "
             "con ganas) y una espina (algo difícil).", ""),
            ("Comparte", "Comparte las que quieras de las tres.",
             "Tu rosa, tu brote y tu espina"),
            ("Cierra", "Da las gracias a todo el mundo.", ""),
        ],
    ),
    "taking-with-me": activity(
        title="Algo que me llevo",
        why="Ayuda a notar qué se lleva cada persona de la sesión para el resto de la semana.",
        materials="",
        tips="Recoge las respuestas sin debatirlas; si el grupo está de acuerdo, lee algunas "
             "en voz alta.",
        access=f"{QUIET} {PASS}",
        steps=[
            ("Reflexiona", "Piensa en silencio en la sesión.", ""),
            ("Comparte", "Comparte una cosa que te llevas.", "Una cosa que te llevas"),
            ("Cierra", "Da las gracias a todo el mundo.", ""),
        ],
    ),
    # --- Tiempo juntos en persona ------------------------------------------------------------
    "walking-pairs": activity(
        title="Conversaciones paseando en parejas",
        why="Hablar uno al lado del otro resulta más fácil que cara a cara; y el aire fresco "
            "también ayuda.",
        materials="Un recorrido con una opción sin escalones, o una sala tranquila para quien "
                  "se quede dentro.",
        tips="Ofrece desde el principio la opción de quedarse sentado, como una alternativa "
             "igual de válida. Dale a cada pareja una pregunta para arrancar.",
        access="Caminar es opcional: las parejas pueden sentarse en un rincón tranquilo o en "
               "una cafetería. Elige un recorrido sin escalones y con sitios para descansar. "
               f"{PASS}",
        steps=[
            ("En parejas", "Formamos parejas y cada una elige si caminar o sentarse.", ""),
            ("Hablamos", "Cada pareja habla sobre la pregunta: ¿qué ha hecho que el trabajo "
             "vaya bien últimamente?", ""),
            ("Volvemos", "Nos volvemos a juntar; cada pareja puede compartir una idea.", ""),
        ],
    ),
    "table-questions-lunch": activity(
        title="Comida compartida: preguntas en la mesa",
        why="Una comida compartida con unas cuantas buenas preguntas sobre la mesa abre "
            "espacio para conexiones nuevas.",
        materials="Comida (con opciones vegetarianas, veganas, halal y aptas para alergias) y "
                  "tarjetas con preguntas en cada mesa.",
        tips="Mezcla las mesas para que cada persona conozca a alguien nuevo. Que las "
             "preguntas sean ligeras («¿qué te encantaría aprender a hacer?»).",
        access="Comida para todas las dietas y un sitio para cada persona. Nadie tiene que "
               f"responder a ninguna tarjeta. {PASS}",
        steps=[
            ("Siéntate", "Busca sitio en una mesa con alguien a quien no conozcas mucho.", ""),
            ("Comemos y charlamos", "Usamos las tarjetas como nos apetezca.", ""),
            ("Cierra", "Da las gracias a todo el mundo por venir.", ""),
        ],
    ),
    "cooperative-games": activity(
        title="Comida con juegos de mesa cooperativos",
        why="En los juegos cooperativos todo el mundo está en el mismo bando: nadie pierde.",
        materials="Juegos cooperativos para dos a seis jugadores y comida para todas las "
                  "dietas.",
        tips="Elige juegos que duren menos de media hora y sean fáciles de explicar. Evita los "
             "juegos con traidores ocultos.",
        access="Elige juegos con letra grande y reglas sencillas; cualquiera puede mirar o "
               f"echar una mano en vez de jugar. {PASS}",
        steps=[
            ("Elige mesa", "Elige una mesa de juego.", ""),
            ("Jugamos", "Jugamos juntos.", ""),
            ("Para terminar", "Comparte un momento de tu partida.", ""),
        ],
    ),
    "gratitude-wall": activity(
        title="Muro de agradecimientos",
        why="Un muro de notas de agradecimiento al que la gente añade notas toda la semana y "
            "que lee cada vez que pasa por delante.",
        materials="Pósits, bolígrafos y una pared.",
        tips="Estrena el muro con algunas notas tuyas. Al final de la semana, lee algunas en "
             "voz alta.",
        access="Coloca el muro a una altura a la que llegue todo el mundo. Las notas pueden "
               f"ser anónimas. {PASS}",
        steps=[
            ("Abre el muro", "Explica en qué consiste el muro y pega las primeras notas.", ""),
            ("Escribe", "Cada persona escribe una nota o más.",
             "Una nota de agradecimiento para el muro"),
            ("Leemos", "Leemos el muro juntos.", ""),
        ],
    ),
    "recipe-swap": activity(
        title="Intercambio de recetas",
        why="Compartir un plato favorito es una forma cercana de conocer el mundo de cada "
            "persona.",
        materials="Una receta por persona (escrita o de memoria).",
        tips="Pide platos sencillos; después, reúne las recetas en un documento compartido.",
        access=f"Vale cualquier plato, comprado o cocinado. {QUIET} {PASS}",
        steps=[
            ("Piensa", "Piensa en un plato que te encante.", ""),
            ("Comparte", "Comparte el plato y por qué te encanta.",
             "Un plato que te encanta, y por qué"),
            ("Reunimos", "Acordamos dónde vamos a reunir las recetas.", ""),
        ],
    ),
}
