"""La primera edición del itinerario de escucha, en español (tú).

The Spanish of training/migrations/_content_v1.py, with exactly its structure (a test holds it
to it: tests/training/test_content_translations.py). Written for people at work in Spain and
Latin America, not word for word. Read at runtime by training/content.py; nothing is seeded
from it.
"""

MODULES = [
    (
        "attending-and-presence",
        "Atención y presencia",
        "Antes de cualquier técnica: estar de verdad, para que la otra persona lo note.",
        8,
        True,
        """Escuchar empieza antes de decir una sola palabra. Cuando alguien del trabajo te trae algo
difícil, lo primero que comprueba, casi siempre sin darse cuenta, es si de verdad estás ahí.

### Cómo se nota la presencia
- Dejas lo que estabas haciendo. En el chat, no contestas entre otras dos conversaciones.
- Le dejas terminar. Una pausa no es un hueco que haya que rellenar; a menudo lo importante llega
  justo después.
- Sigues su historia, no la que tu cabeza empieza a escribir («esto es como en mi antiguo
  equipo...»).
- En una sesión, tu cámara o tu mirada dicen lo mismo que tus palabras: *estoy contigo*.

### Pequeñas señales que dicen mucho
«Ajá.» «Sigue.» «Tómate tu tiempo.» Palabras cortas que le devuelven el espacio. Parecen poca
cosa, y son justo lo que le dice a alguien que puede seguir hablando.

### Cuando no puedes estar
Es más amable decirlo que escuchar a medias: «Quiero prestarte toda la atención y ahora mismo no
puedo. ¿Lo hablamos a las cuatro?». Y luego cumple la cita.
""",
        [
            ("No sé ni por qué te lo cuento, seguramente es una tontería, pero cómo me habló "
             "Marta en la reunión de esta mañana me tiene dándole vueltas todo el día.",
             "Jaja, Marta es así con todo el mundo. Por cierto, ¿has visto las notas de la "
             "nueva versión?",
             "Quita importancia al momento y cambia de tema: tu compañera aprende que no "
             "merecía la pena decirlo.",
             "Si te ha acompañado toda la mañana, no parece una tontería. Aquí estoy, "
             "cuéntame.",
             "Se toma en serio sus dudas, recoge el peso de lo que dice («toda la mañana») y "
             "le devuelve el espacio con una invitación."),
        ],
        [
            ("Perdona que te asalte, sé que vas a tope. Ha pasado algo en una llamada con un "
             "cliente y necesito contárselo a alguien.",
             "Demuestra que estás ahí y dale espacio antes que nada."),
            ("He empezado y borrado este mensaje como cinco veces.",
             "Hazle saber que no hay prisa y que le estás escuchando."),
        ],
        [
            ("¿Puedo desahogarme un momento? Hoy ha sido mucho.",
             "¡Claro, dale! Aunque de verdad deberías desconectarte pronto hoy.",
             "Claro. Te escucho, tómate tu tiempo.",
             "b",
             "B le da el momento que ha pedido. A dice que sí y salta a un consejo antes de "
             "oír una sola palabra."),
            ("No sé si este es el sitio, pero me siento muy apartada por mi equipo.",
             "Sí que es el sitio. Sentirse apartada suena muy solitario. Me gustaría que me "
             "contaras más.",
             "Todo el mundo se siente así a veces.",
             "a",
             "A le da la bienvenida, pone nombre al sentimiento e invita a seguir. B lo "
             "convierte en algo corriente, que es una forma de decirle que pare."),
        ],
    ),
    (
        "reflecting-feelings",
        "Reflejar sentimientos",
        "Poner nombre, con tiento, al sentimiento que oyes, para que la persona se sienta "
        "comprendida.",
        10,
        True,
        """Casi nadie dice «me siento humillada». Te cuentan lo que pasó, y el sentimiento está en
cómo lo cuentan. Reflejar es ponerle nombre a ese sentimiento, con delicadeza, y comprobar.

### Cómo reflejar
- Empieza con tiento: «Parece que...», «Me imagino que te sentiste...», «Te noto...».
- Nombra un sentimiento, no una lista. Si no aciertas, te corregirá, y eso también ayuda.
- Deja el sentimiento en su lado. «Te noto agotada» se queda con ella; «yo estaría agotada» lo
  trae hacia ti.

### Tener palabras a mano ayuda
Enfadada, dolido, avergonzada, invisible, ninguneado, angustiada, sin fuerzas, decepcionado,
dividida, aliviado. Cuanto más precisa es la palabra, más comprendida se siente la persona.
«Mal» está bien; «humillado» a menudo llega más hondo, cuando es la palabra justa.

### Cuando acierta
Muchas veces oirás «sí, eso es» y después algo nuevo: la parte que aún no había dicho.
""",
        [
            ("Mi jefa contó mi error delante de todo el departamento. Se hizo un silencio. Yo "
             "me quedé ahí sentada.",
             "Buah, qué poco profesional. Deberías quejarte.",
             "Es leal, pero salta a la jefa y a un plan. Lo que vivió tu compañera (estar ahí "
             "sentada, en ese silencio) se queda por el camino.",
             "Tuvo que ser humillante, quedarte ahí sentada mientras todo el mundo se "
             "callaba. ¿Cómo fue para ti?",
             "Nombra el sentimiento probable, usa su propio detalle (el silencio) y pregunta "
             "cómo fue, para que pueda contar más o corregir la palabra."),
            ("No paro de releer el feedback. Ni siquiera es duro. No sé por qué me ha "
             "afectado tanto.",
             "¿Y por qué lo relees? Bórralo y ya.",
             "Una pregunta con «por qué» le pide que se justifique, y el consejo cierra la "
             "conversación.",
             "Parece que te dolió más de lo que esperabas, y todavía le estás dando vueltas.",
             "Refleja el sentimiento y también el desconcierto, sin necesidad de "
             "explicarlo."),
        ],
        [
            ("Me quedé hasta las nueve para terminar la presentación y nadie lo mencionó en "
             "la reunión.",
             "Nombra con tiento el sentimiento que oyes."),
            ("De verdad que estoy bien. Es solo que llevo desde marzo cubriendo a dos personas "
             "y nadie parece darse cuenta.",
             "«Estoy bien» suele ir primero. ¿Qué sentimiento hay en el resto de la frase?"),
        ],
        [
            ("Anunciaron la reorganización un viernes por la tarde y me enteré por una "
             "diapositiva de que mi equipo desaparece.",
             "Te noto descolocado, enterarte así, por una diapositiva.",
             "Bueno, al menos sigues teniendo trabajo.",
             "a",
             "A nombra el sentimiento con su propio detalle. B busca el lado bueno: le pide "
             "que se sienta afortunado en vez de en shock."),
            ("He pedido tres veces ayuda con la migración y sigo sin nada.",
             "¿Por qué no lo escalaste después de la primera vez?",
             "Parece que te sientes bastante decepcionada, después de pedirlo tres veces.",
             "b",
             "B oye la frustración de pedir una y otra vez. A es una pregunta con «por qué»: "
             "la pone a la defensiva."),
        ],
    ),
    (
        "paraphrasing-and-summarising",
        "Parafrasear y resumir",
        "Devolver con tus palabras lo que has oído, para que los dos sepáis que lo has "
        "seguido.",
        10,
        True,
        """Parafrasear es un breve «o sea, que lo que te oigo es...» que devuelve los hechos con
tus propias palabras. Resumir hace lo mismo con una historia más larga, y viene especialmente
bien cuando alguien ha soltado mucho de golpe, o cuando un círculo necesita tomar aire.

### Por qué ayuda
- La persona oye su propia historia desde fuera, y muchas veces eso le aclara las cosas.
- Descubres pronto si has entendido mal, antes de responder a lo que no era.
- Frena la conversación, en el buen sentido.

### Cómo
- Breve: una o dos frases. Lo suyo, no una versión nueva.
- Comprueba: «¿Lo he entendido bien?», y pregúntalo de verdad.
- Deja fuera tu opinión. «O sea, que se apuntó el mérito de tu trabajo» es una paráfrasis; «o
  sea, que es un jeta» es un veredicto.
""",
        [
            ("El proyecto se pasó a otro equipo, luego volvió, y ahora tengo que entregarlo "
             "en la fecha de siempre con la mitad de la gente.",
             "Las reorganizaciones son así, le pasa a todo el mundo.",
             "Le quita importancia: al convertirlo en algo normal, le dice que su reacción es "
             "exagerada.",
             "O sea, que el proyecto fue de un equipo a otro, volvió a ti, y la fecha sigue "
             "siendo la misma con la mitad de la gente. ¿Lo he entendido bien?",
             "Una paráfrasis clara: los hechos en orden, ningún veredicto y una comprobación "
             "al final."),
        ],
        [
            ("Primero canceló nuestra reunión uno a uno, luego me movió la evaluación, y hoy "
             "le ha pedido a otra persona que presente mi trabajo.",
             "Devuelve los hechos en una o dos frases, sin veredicto."),
            ("Es la carga de trabajo, pero también que nadie da las gracias, y estoy empezando "
             "a temer los lunes.",
             "Un resumen corto puede recoger varios hilos a la vez."),
        ],
        [
            ("No paran de meterme en llamadas que no son de mi proyecto, y luego voy con "
             "retraso en lo mío.",
             "O sea, que esas llamadas se comen el tiempo que necesitas para tu trabajo.",
             "Tienes que aprender a decir que no.",
             "a",
             "A demuestra que le han escuchado. B le dice lo que tiene que hacer, y de paso "
             "le culpa un poco por no haberlo hecho ya."),
            ("Mi responsable me dijo en privado que mi idea era genial y luego en la reunión "
             "la descartó.",
             "O sea, que en privado era genial y delante de los demás la descartó.",
             "A mí me pasó lo mismo, mi antiguo jefe hacía exactamente eso.",
             "a",
             "A mantiene el foco en su historia. B se lo lleva a la historia de quien "
             "escucha."),
        ],
    ),
    (
        "open-questions",
        "Preguntas abiertas",
        "Preguntas que abren la historia, y por qué el «¿por qué?» y las preguntas cerradas "
        "la cierran.",
        10,
        True,
        """Una pregunta abierta no se puede contestar con sí o no. Le devuelve la historia a la
persona y le deja decidir qué es lo importante: «¿Cómo fue?», «¿Cómo lo llevas ahora?», «¿Qué
te ayudaría?».

### Preguntas que cierran
- **Las preguntas cerradas** («¿Se lo dijiste a RR. HH.?», «¿Estás bien?») reciben un sí o un
  no, y muchas veces un silencio después. Sirven para comprobar un dato; no para abrir.
- **Las preguntas con «por qué»** («¿Por qué te quedaste?», «¿Por qué no dijiste nada?») suenan
  a tener que justificarse, aunque las hagamos con cariño. La persona empieza a defenderse en
  vez de contar.
- **Un consejo disfrazado de pregunta** («¿Has probado a hablar con él?») sigue siendo un
  consejo.

### Mejor así
Cambia el «por qué» por «qué» o «cómo»: «¿Qué te estaba pasando en ese momento?». Haz una sola
pregunta cada vez y deja una pausa después. La pausa también forma parte de la pregunta.
""",
        [
            ("No dije nada cuando soltó el chiste. Me reí con los demás y ya está.",
             "¿Por qué no dijiste nada?",
             "La pregunta con «por qué» le pide que defienda su silencio, del que "
             "probablemente ya se arrepiente.",
             "¿Qué te estaba pasando en ese momento?",
             "Una pregunta abierta, con curiosidad por lo que vivió, sin reproche."),
            ("El nuevo cuadrante de turnos me está matando.",
             "¿Has probado a cambiar turnos con alguien?",
             "Un consejo con forma de pregunta. Se salta lo que «me está matando» significa "
             "para esa persona.",
             "¿Cómo te está afectando?",
             "Abierta, corta, y le deja decir lo que más le importa."),
        ],
        [
            ("Hoy casi no vengo a trabajar.",
             "Haz una pregunta abierta: qué, cómo."),
            ("Me dieron el feedback y desde entonces estoy callado en las reuniones.",
             "Ten curiosidad sin pedirle que justifique nada."),
        ],
        [
            ("Otra vez me he quedado hasta tarde arreglando el bug de otra persona.",
             "¿Por qué sigues haciendo eso?",
             "¿Cómo te sientes con eso?",
             "b",
             "B es abierta y tiene curiosidad. A le pide que se justifique."),
            ("No se lo he contado a nadie del trabajo.",
             "¿Cómo ha sido llevar esto tú sola?",
             "¿Pensaste en contárselo a tu responsable?",
             "a",
             "A abre; B es cerrada, y deja caer lo que debería haber hecho."),
        ],
    ),
    (
        "holding-back-advice",
        "Aguantarse los consejos y las ganas de arreglarlo",
        "Por qué las ganas de arreglarlo estorban, y qué hacer con ellas.",
        10,
        True,
        """Cuando alguien que nos importa lo está pasando mal, queremos arreglarlo. Dar un consejo
parece ayudar. Pero un consejo que nadie ha pedido suele sonar a «deberías haberlo hecho de otra
manera», y cierra la conversación: una vez dada la solución, ya no queda nada que contar.

### Cómo suena un consejo
«Deberías...», «Tienes que...», «¿Has probado a...?», «¿Por qué no...?», «Yo que tú...»,
«Pasa de ello».

### Qué hacer con las ganas
- Date cuenta de ellas, y déjalas a un lado por ahora. Casi todo el mundo conoce ya sus opciones.
- Pregunta qué ha pensado: «¿Qué te parece posible?».
- Pregunta qué necesita de ti: «¿Te apetece que te dé ideas, o te ayuda más hablarlo?».
- Si te pide ideas, ofrece una, sin apretar: «Hay gente que hace... ¿Cómo lo ves tú?».

### No es lo mismo que un consejo
«Deberías estar orgullosa de eso» es un elogio, no un consejo. «¿Y si hacemos una pausa?»,
propuesto al círculo y con su acuerdo, es facilitar. El feedback de la práctica de abajo sabe
distinguirlo.
""",
        [
            ("Mi jefe no para de escribirme después de las diez de la noche.",
             "Tienes que poner límites. Siléncialo a partir de las seis y ya.",
             "Dos consejos antes de una sola pregunta. Da por hecho que no lo ha pensado, y que "
             "el arreglo es sencillo.",
             "¿Mensajes después de las diez, todas las noches? Suena agotador. ¿Cómo lo estás "
             "llevando?",
             "Comprueba los hechos, nombra el sentimiento probable y pregunta qué está "
             "haciendo ya."),
        ],
        [
            ("Creo que me van a poner un plan de mejora del rendimiento y no sé qué hacer.",
             "Aguanta las ganas de arreglarlo. Refleja, o pregunta qué necesita."),
            ("Un compañero no para de interrumpirme en las reuniones.",
             "Pregunta cómo es para esa persona, o qué ha pensado, antes de dar ninguna idea."),
        ],
        [
            ("Estoy pensando en pedir un traslado.",
             "Tiene sentido. ¿Qué es lo que te atrae de la idea?",
             "Yo que tú esperaría a que paguen los bonus.",
             "a",
             "A valida y le deja explorar su propia decisión. B decide por ella."),
            ("Estoy agotado, no puedo seguir con estas semanas de guardia.",
             "Deberías hablar con tu responsable sobre el cuadrante.",
             "Parece que vas con la batería a cero. ¿Qué haría que la semana que viene fuera "
             "más llevadera?",
             "b",
             "B refleja y pregunta qué necesita. A salta a una solución que seguramente ya se "
             "le ha ocurrido."),
        ],
    ),
    (
        "empathy-versus-sympathy",
        "Empatía frente a compasión",
        "Sentir con alguien, no por alguien: el «al menos», el lado bueno y las "
        "comparaciones.",
        10,
        True,
        """La compasión mira el dolor de alguien desde una distancia segura: «Ay, pobre». La
empatía baja a su lado: «Eso suena muy duro. Me alegro de que me lo hayas contado».

### La trampa del «al menos»
«Al menos sigues teniendo trabajo.» «Al menos fue solo en una llamada.» «Podría ser peor.»
Lo decimos para consolar, pero buscar el lado bueno le pide a la persona que se sienta mejor
*ya*, y le dice sin decirlo que lo que siente es demasiado. Normalmente deja de contar.

### Las comparaciones
«Todo el mundo pasa por esto.» «Hay gente que está peor.» «A mí me pasó lo mismo.» Cada una
aleja la conversación de esta persona: hacia todo el mundo, hacia otros o hacia ti.

### Las falsas promesas
«Todo va a salir bien.» «No te preocupes.» Nadie puede prometerlo, y se salta cómo están las
cosas ahora. Quédate a su lado: «Pase lo que pase, no vas a tener que enfrentarlo solo».

### Cómo suena la empatía
«Eso suena muy solitario.» «Con razón estás agotada.» «No sé qué decir, pero me alegro de que me
lo hayas contado.» La empatía no necesita las palabras perfectas; necesita que te quedes.
""",
        [
            ("No me han dado el ascenso. Se lo han dado a alguien que entró hace seis meses.",
             "¡Bueno, al menos para el año que viene sigues en la carrera! Todo pasa por "
             "algo.",
             "El lado bueno y un tópico: le pide que se sienta esperanzado en vez de "
             "decepcionado.",
             "Uf, eso es un palo de verdad, sobre todo después de todo lo que has puesto. "
             "¿Cómo lo estás llevando?",
             "Se queda con la decepción, reconoce su esfuerzo y pregunta cómo está."),
        ],
        [
            ("En la evaluación pone que «no tengo suficiente visibilidad». Teletrabajo y "
             "tengo un bebé recién nacido.",
             "Quédate con lo que siente; nada de buscar el lado bueno."),
            ("Me da miedo perder el trabajo con los recortes.",
             "No prometas lo que nadie puede prometer."),
        ],
        [
            ("Hoy he llorado en el baño después de la reunión.",
             "Parece que te dolió de verdad. Me alegro de que me lo cuentes.",
             "No te preocupes, todo el mundo tiene días así.",
             "a",
             "A se queda con ella. B tranquiliza y lo convierte en algo corriente, y eso "
             "cierra la conversación."),
            ("Mi equipo se olvidó de mi cumpleaños. Es una tontería, pero me dolió.",
             "No es ninguna tontería. Sentir que se han olvidado de ti duele.",
             "¡Bueno, al menos tu familia sí se acordó!",
             "a",
             "A valida el sentimiento que le daba vergüenza. B busca el lado bueno."),
        ],
    ),
    (
        "confidentiality-and-its-limits",
        "La confidencialidad y sus límites",
        "Lo que se queda en la sala, lo que no, y cómo decirlo con honestidad.",
        8,
        True,
        """El apoyo entre pares funciona porque la gente confía en que lo que cuenta se queda
donde lo contó. En PeerSupport es una norma del grupo: lo que se comparte en un grupo se queda
en el grupo.

### Qué significa aquí la confidencialidad
- No repites lo que alguien ha compartido, ni sin nombres, ni con buena intención («Hay una
  persona en mi grupo que está pasando por...»).
- No confirmas quién está en un grupo ni quién vino a una sesión.
- Las capturas de pantalla y los reenvíos la rompen igual que un cotilleo.

### Sus límites
La confidencialidad no es una promesa de dejar a alguien en peligro. Si una persona puede
hacerse daño o hacérselo a otra, o hay una niña, un niño o un adulto vulnerable en riesgo,
conseguir ayuda importa más. Dilo pronto y con claridad, para que nunca pille por sorpresa: «Lo
que me cuentes se queda aquí, salvo que me preocupe tu seguridad. En ese caso querría buscarte
ayuda, y te lo diría antes».

### No prometas lo que no puedes cumplir
«No se lo diré a nadie, sea lo que sea» suena amable en el momento y puede romper la confianza
más adelante.
""",
        [
            ("¿Te puedo contar una cosa si me prometes que no se lo dices a nadie?",
             "Claro, te lo prometo, sea lo que sea.",
             "Una promesa total que quizá haya que romper si esa persona está en peligro.",
             "Quedará entre nosotras, salvo que me preocupe tu seguridad; en ese caso querría "
             "buscarte apoyo, y te lo diría antes. Te escucho.",
             "Honesta con el único límite, y la puerta sigue abierta."),
        ],
        [
            ("Necesito contárselo a alguien, pero por favor que no le llegue a mi equipo.",
             "Dale tranquilidad con honestidad sobre lo que queda en privado, e invítale a "
             "seguir."),
            ("¿Sara ha dicho algo de mí en el grupo?",
             "La confidencialidad también protege a Sara. Sé amable, y quédate con la persona "
             "que pregunta."),
        ],
        [
            ("¿Este grupo es confidencial de verdad?",
             "Sí, lo que se comparte aquí se queda aquí, salvo que la seguridad de alguien "
             "esté en riesgo. ¿Te apetece contar un poco más de lo que te ronda la cabeza?",
             "Totalmente, de esta sala no sale nada, pase lo que pase.",
             "a",
             "A es honesta con el límite y le invita a entrar. B promete algo que nadie puede "
             "cumplir."),
            ("Alguien de mi círculo dijo algo que no me puedo quitar de la cabeza. ¿Te lo "
             "cuento?",
             "Claro, ¿quién fue?",
             "Parece que se te ha quedado dentro. ¿Me cuentas cómo te está afectando a ti, sin "
             "contar lo que dijo esa persona?",
             "b",
             "B cuida de quien habla sin romper la confianza de la otra persona."),
        ],
    ),
    (
        "pointing-to-help-in-a-crisis",
        "Orientar hacia ayuda profesional en una crisis",
        "Cuando escuchar no basta, y cómo poner a alguien en contacto con ayuda.",
        12,
        True,
        """Quien da apoyo entre pares no es terapeuta ni trabaja en atención a crisis, y no tiene
por qué serlo. Lo que sí puedes hacer es darte cuenta, mantener la calma, preguntar y poner a la
persona en contacto con quien puede ayudarle.

### Señales que hay que tomarse en serio
Hablar de no querer estar aquí, de ser una carga, de no tener salida; una calma repentina
después de mucho malestar; regalar sus cosas. En el chat de PeerSupport, mensajes así hacen que
la persona reciba en privado recursos de apoyo, y avisan a las personas facilitadoras.

### Qué hacer
1. **Quédate.** Mantén la voz tranquila. No tienes que arreglar nada.
2. **Pregunta directamente.** «¿Estás pensando en suicidarte?» Preguntarlo no mete la idea en
   la cabeza de nadie; le dice que puede hablar de ello.
3. **Escucha** sin juzgar y sin prometer secreto.
4. **Conecta.** La página de apoyo (enlazada al pie de cada página) tiene líneas de crisis de
   tu país, el programa de ayuda al empleado y a quién dirigirte. Ofrécele mirarla juntos, o
   quedarte mientras llama: «¿Te parece que llamemos a la línea juntas, aquí mismo?».
5. **Si hay peligro inmediato**, llama a emergencias.

### Cuídate tú también
Después, habla con una persona facilitadora. Cargar con esto en solitario no forma parte del
papel.
""",
        [
            ("La verdad es que ya no le veo sentido a nada.",
             "¡No digas eso! Todo va a salir bien, tienes un montón de cosas buenas.",
             "Una falsa promesa y un cambio de tema rápido: le dice que de esto no se puede "
             "hablar.",
             "Me alegro mucho de que me lo cuentes. Cuando dices que no le ves sentido, "
             "¿estás pensando en quitarte la vida?",
             "Se toma en serio sus palabras y pregunta directamente y con calma, y eso abre "
             "la puerta a la ayuda."),
        ],
        [
            ("Siento que todo el mundo estaría mejor sin mí.",
             "Quédate a su lado y pregúntale con suavidad qué quiere decir; luego ofrécete a "
             "buscar ayuda juntos."),
            ("Llevo semanas sin dormir bien y me asusta lo oscuros que se vuelven mis "
             "pensamientos.",
             "Reconoce el valor que le ha hecho falta; pregunta qué le ayudaría; ofrécete a "
             "mirar juntos la página de apoyo."),
        ],
        [
            ("Ya no puedo más.",
             "¡Anímate, que ya casi es viernes!",
             "Suena a que llevas mucho encima. ¿Me cuentas qué significa para ti ahora mismo "
             "«no puedo más»?",
             "b",
             "B se lo toma en serio y pregunta. A le quita importancia justo cuando más "
             "importa."),
            ("Últimamente pienso que sería más fácil si simplemente desapareciera.",
             "Gracias por contármelo. ¿Estás pensando en hacerte daño? Estoy aquí, y podemos "
             "mirar juntos quién puede ayudarte.",
             "¿Por qué piensas eso?",
             "a",
             "A pregunta directamente, se queda y se ofrece a ponerle en contacto con ayuda. "
             "B es una pregunta con «por qué» que suena a incredulidad."),
        ],
    ),
    (
        "facilitating-a-circle",
        "Facilitar un círculo",
        "Las normas del grupo, el objeto de la palabra, una norma rota, alguien que lo está "
        "pasando mal.",
        15,
        True,
        """Quien facilita mantiene el círculo lo bastante seguro para que la gente sea sincera. No
eres la persona experta de la sala; cuidas de sus normas y de su ritmo.

### Al empezar
Lee las normas del grupo en voz alta, brevemente, cada vez: confidencialidad, escuchar sin
juzgar, nada de consejos no pedidos, hablar desde la propia experiencia, respeto, el derecho a
pasar. Pregunta si alguien quiere añadir alguna.

### El objeto de la palabra
En modo círculo, una persona tiene el objeto de la palabra; el resto escucha. Baja el ritmo de
la sala y da su turno a la gente más callada. Cualquiera puede pasar. Como persona facilitadora,
tú lo vas pasando y llevas el tiempo, con amabilidad.

### Cuando se rompe una norma
Nombra la norma, no a la persona, y vuelve a quien estaba compartiendo: «¿Puedo parar un
momento? Una de nuestras normas es no dar consejos que nadie ha pedido. Lucía, ¿qué te ayudaría
más del grupo ahora mismo?». Casi todo el mundo corrige el rumbo enseguida. Si sigue pasando,
una palabra en privado, silenciar o retirar a alguien: para eso están las herramientas de
moderación del chat, y cada acción queda registrada.

### Alguien lo está pasando mal
Ve más despacio. Dale las gracias. Habla con esa persona en privado, y asegúrate de que tiene los
recursos de apoyo (el chat se los ofrece en privado cuando un mensaje suena a malestar). Puedes
hacer una pausa en el círculo; a nadie le importa.

### Al cerrar
Deja unos minutos. Una ronda de una palabra cada uno, y un recordatorio de dónde hay apoyo,
devuelven a la gente al trabajo un poco más ligera.
""",
        [
            ("(En un círculo) Lucía: Mi responsable no para de quedarse con mis ideas. / "
             "Jorge: Sinceramente, tendrías que ir a RR. HH. y ya está.",
             "Vale, pasamos a la siguiente persona.",
             "El consejo se queda ahí y Lucía se queda sola con él; la norma deja de "
             "significar nada sin que nadie lo diga.",
             "¿Puedo parar un momento? Nuestra norma es no dar consejos que nadie ha pedido. "
             "Lucía, ¿qué te ayudaría más del grupo ahora mismo?",
             "Nombra la norma, no a Jorge, y devuelve el círculo a Lucía con una pregunta "
             "abierta."),
        ],
        [
            ("(En un círculo) Alguien acaba de decir: «Sinceramente, estás exagerando, fue un "
             "correo». La persona que había compartido se ha quedado callada.",
             "Nombra la norma, no a la persona, y vuelve a quien había compartido."),
            ("(En un círculo) Un miembro dice: «Perdonad, creo que hoy no puedo hablar».",
             "Todo el mundo tiene derecho a pasar. Pónselo fácil."),
        ],
        [
            ("(En un círculo) Alguien está compartiendo y otra persona empieza a contar una "
             "historia larguísima sobre su antiguo trabajo.",
             "¿Puedo volver con suavidad a Álex? Álex, ¿qué más te gustaría decir?",
             "Deja que termine y luego, si hay tiempo, volvemos con Álex.",
             "a",
             "A protege el espacio de quien estaba compartiendo, con amabilidad y en pocas "
             "palabras."),
            ("(En un círculo) Un miembro escribe que siente ganas de tirar la toalla con todo.",
             "Gracias por contárnoslo. Voy a hablar contigo en privado ahora mismo, y los "
             "demás, hagamos una pausa corta.",
             "Sigamos y lo hablamos después de la sesión.",
             "a",
             "A se toma el malestar en serio al instante y baja el ritmo del círculo. B le "
             "deja a solas con ello."),
        ],
    ),
]
