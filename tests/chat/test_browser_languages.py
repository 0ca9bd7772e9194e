"""The chat in Spanish and French in real Chromium (issue 18): a Spanish-speaking member and a
French-speaking facilitator in the same room, each reading the page, the script's texts and the
server's frames in their own language; the flag and moderation dialogs axe-clean while open; the
member's page usable at 390 px. Screenshots: test-artifacts/chat-es-*.png, chat-fr-*.png."""

import pytest
from playwright.sync_api import expect

from accounts.models import User
from accounts.services import user_profile_update
from tests.chat.live_servers import make_room, room_open_now
from tests.chat.test_browser_chat import (  # noqa: F401  (server: a fixture)
    chat_pages,
    in_browser,
    server,
    stored_message,
)
from tests.conftest import ARTIFACTS
from tests.validity.conftest import AXE_JS, install_validators
from tests.validity.test_pages import run_axe

# Whether the page scrolls sideways.
SIDEWAYS = "() => document.documentElement.scrollWidth > innerWidth"


def say(page, label: str, text: str) -> None:
    box = page.get_by_label(label)
    box.fill(text)
    box.press("Enter")


def axe_clean(page, where: str) -> None:
    violations = run_axe(page, AXE_JS)
    assert violations == [], f"{where}: {violations}"


@pytest.mark.browser
def test_a_spanish_member_and_a_french_facilitator_each_chat_in_their_language(
        server, request):  # noqa: F811
    if not AXE_JS.exists():
        install_validators()
    room = make_room(members=1)
    member = room.members[0]
    user_profile_update(user=member, display_name="Lucía Pérez", pronouns="ella",
                        show_pronouns=True)
    # Their saved languages (the profile's), as after choosing them there.
    User.objects.filter(pk=member.pk).update(language="es")
    User.objects.filter(pk=room.facilitator.pk).update(language="fr")
    room_open_now(room.session)
    live = server()
    path = f"/sessions/{room.session.pk}/chat/"

    def journey(browser) -> None:
        with chat_pages(browser, request, (live.url, room.facilitator, path),
                        (live.url, member, path), bypass_csp=True) as (fran, lucia):
            # The pages, and the script's own texts, in each person's language.
            expect(lucia.locator("html")).to_have_attribute("lang", "es")
            expect(lucia.get_by_role("heading", name="Chat en directo")).to_be_visible()
            expect(lucia.locator("#chat-connection")).to_have_text("Conectado")
            expect(fran.get_by_role("heading", name="Chat en direct")).to_be_visible()
            expect(fran.locator("#chat-connection")).to_have_text("Connecté")

            # Messages both ways; Lucía's pronouns next to her name, in the list and the room.
            say(fran, "Votre message", "Bienvenue à toutes et à tous.")
            expect(stored_message(lucia, "Bienvenue")).to_have_count(1)
            # Typing, in French on the facilitator's page.
            lucia.get_by_label("Tu mensaje").press_sequentially("Hol")
            expect(fran.locator("#chat-typing")).to_have_text("Lucía Pérez écrit…")
            say(lucia, "Tu mensaje", "Hola a todos, me alegra estar aquí.")
            mine = stored_message(lucia, "Hola a todos")
            expect(mine).to_have_count(1)
            expect(mine.locator(".chat-author")).to_have_text("Lucía Pérez (ella) (tú)")
            expect(stored_message(fran, "Hola a todos").locator(".chat-author")).to_have_text(
                "Lucía Pérez (ella)")
            expect(fran.locator("#chat-presence")).to_contain_text("Lucía Pérez (ella)")
            expect(lucia.locator("#chat-presence")).to_contain_text(
                "Fran Facilitator persona facilitadora")

            # The flag dialog, in Spanish, axe-clean while open.
            stored_message(lucia, "Bienvenue").get_by_role("button", name="Señalar").click()
            dialog = lucia.locator("#flag-dialog")
            expect(dialog).to_be_visible()
            expect(dialog.get_by_role("heading", name="Señalar este mensaje")).to_be_visible()
            expect(dialog.get_by_role("group", name="¿Qué norma del grupo incumple?")
                   ).to_be_visible()
            dialog.get_by_role("button", name="Señalar el mensaje").click()
            expect(dialog.locator("#flag-error")).to_have_text(
                "Elige la norma del grupo, u «Otra cosa».")
            axe_clean(lucia, "flag dialog (es)")
            ARTIFACTS.mkdir(exist_ok=True)
            lucia.screenshot(path=str(ARTIFACTS / "chat-es-flag-dialog.png"), full_page=True)
            dialog.get_by_role("radio", name="Otra cosa").check()
            dialog.get_by_label("¿Qué ha pasado?").fill("Solo quería probar el aviso.")
            dialog.get_by_role("button", name="Señalar el mensaje").click()
            expect(dialog).to_be_hidden()
            # The server's reply, in Spanish; the facilitators' alert, in French.
            expect(lucia.locator("#chat-notice")).to_have_text(
                "Gracias. Las personas facilitadoras lo revisarán; nadie sabrá quién lo ha "
                "señalado.")
            expect(fran.locator("#mod-alerts")).to_contain_text(
                "Signalement\u00a0: Un message a été signalé\u00a0: Solo quería probar el aviso.")

            # The moderation dialog, in French, axe-clean while open.
            stored_message(fran, "Hola a todos").get_by_role(
                "button", name="Mettre Lucía Pérez en sourdine").click()
            moderate = fran.locator("#mod-dialog")
            expect(moderate).to_be_visible()
            expect(moderate).to_contain_text("Mettre Lucía Pérez en sourdine dans cette séance.")
            axe_clean(fran, "moderation dialog (fr)")
            fran.screenshot(path=str(ARTIFACTS / "chat-fr-mod-dialog.png"), full_page=True)
            moderate.get_by_label("Motif").fill("Une petite pause, merci.")
            moderate.get_by_role("button", name="Confirmer").click()
            expect(moderate).to_be_hidden()
            # The sanction, explained to Lucía in Spanish, with the time written her way.
            expect(lucia.locator("#chat-room-state")).to_contain_text("Estás en silencio hasta")
            expect(lucia.locator("#chat-room-state")).to_contain_text(
                "Motivo: Une petite pause, merci.")
            say(lucia, "Tu mensaje", "¿Puedo escribir?")
            expect(lucia.locator("#chat-log li.chat-pending")).to_have_count(0)
            expect(fran.locator("#chat-notice")).to_contain_text(
                "Lucía Pérez est en sourdine jusqu'à")

            # The facilitator's lock, announced to Lucía in Spanish.
            fran.get_by_role("button", name="Verrouiller le salon").click()
            expect(lucia.locator("#chat-room-state")).to_contain_text(
                "La sala está bloqueada: solo lectura.")
            axe_clean(lucia, "chat page (es)")
            axe_clean(fran, "chat page (fr)")

            # On a phone: no sideways scrolling, and the message box one skip link away.
            lucia.set_viewport_size({"width": 390, "height": 844})
            assert lucia.evaluate(SIDEWAYS) is False
            lucia.keyboard.press("Tab")
            skip = lucia.get_by_role("link", name="Ir al cuadro de mensaje")
            skip.focus()
            skip.press("Enter")
            box = lucia.get_by_label("Tu mensaje")
            expect(box).to_be_in_viewport()
            lucia.screenshot(path=str(ARTIFACTS / "chat-es-390.png"), full_page=False)
            lucia.screenshot(path=str(ARTIFACTS / "chat-es-390-full.png"), full_page=True)
            fran.screenshot(path=str(ARTIFACTS / "chat-fr-facilitator.png"), full_page=True)

    in_browser(journey)
