"""The HR dashboard, its CSV and the employees' page in Spanish and French."""

import csv
import io

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import translation

from dashboards import rollups
from dashboards.forms import DashboardFilterForm
from dashboards.report import dashboard_cache_key
from dashboards.tasks import materialise_daily_aggregates
from tests.factories import UserFactory
from tests.recognition.english_left import english_left

INDEX = reverse("dashboards:index")
CSV = reverse("dashboards:export_csv")
WHAT = reverse("dashboards:what_hr_sees")


def speaking(user, language: str):
    user.language = language
    user.save(update_fields=["language"])
    return user


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_an_hr_admin_reads_the_dashboard_in_french(hr_client, hr, org):
    speaking(hr, "fr")

    response = hr_client.get(INDEX)

    html = response.content.decode()
    assert response.status_code == 200
    for title in ("Participation", "Tendances", "Groupes", "Reconnaissance", "Fins de séance",
                  "Santé de la modération"):
        assert f">{title}</h2>" in html
    assert "<caption>Participation par semaine</caption>" in html
    assert ">moins de 5</td>" in html and ">masqué</td>" in html
    assert "semaine du " in html
    assert "Graphique en barres ; les mêmes nombres figurent dans le tableau ci-dessous." in html
    assert english_left(html, apps=["dashboards"], language="fr") == []


def test_a_percentage_is_written_the_french_way(hr_client, hr, org):
    speaking(hr, "fr")

    html = hr_client.get(INDEX).content.decode()

    assert ">100\xa0%</text>" in html  # the rate chart's top tick
    assert ">100%<" not in html


@pytest.mark.parametrize("language, title, privacy, column", [
    ("es", "Panel de participación de PeerSupport", "Privacidad", "Miembros activos"),
    ("fr", "Tableau de bord de participation PeerSupport", "Confidentialité", "Membres actifs"),
])
def test_the_csv_headers_are_in_the_language_of_who_downloads_it(
        hr_client, hr, org, language, title, privacy, column):
    speaking(hr, language)

    rows = csv_rows(hr_client.get(CSV))

    assert rows[0] == [title]
    assert privacy in [row[0] for row in rows if row]
    assert any(column in row for row in rows)
    assert not any("Active members" in row for row in rows)


def test_each_language_gets_its_own_built_dashboard(hr_client, hr, org, mfa_exempt):
    """A dashboard built (and cached) for one HR admin never reaches another in its language."""
    speaking(hr, "es")
    other = UserFactory(is_hr=True)
    mfa_exempt(other)
    english = Client()
    english.force_login(other)

    spanish_rows = csv_rows(hr_client.get(CSV))
    english_rows = csv_rows(english.get(CSV))

    assert spanish_rows[0] == ["Panel de participación de PeerSupport"]
    assert english_rows[0] == ["PeerSupport participation dashboard"]
    assert any("Active members" in row for row in english_rows)
    assert not any("Miembros activos" in row for row in english_rows)


def test_the_hourly_task_builds_the_languages_hr_admins_chose(hr, org):
    speaking(hr, "fr")

    assert materialise_daily_aggregates() == ["4w", "quarter", "year"]

    def cached(language: str):
        with translation.override(language):
            form = DashboardFilterForm({"period": "4w"}, now=rollups.current().built_at)
            assert form.is_valid()
            return cache.get(dashboard_cache_key(form.scope(), rollups.current()))

    assert cached("fr").panels[1].tables[0].caption == "Participation par semaine"
    assert cached("en-gb").panels[1].tables[0].caption == "Participation by week"
    assert cached("es") is None  # nobody reads it in Spanish: not built ahead


@pytest.mark.parametrize("language, heading", [
    ("es", "Lo que RR. HH. nunca puede ver"), ("fr", "Ce que les RH ne peuvent jamais voir")])
def test_employees_read_what_hr_can_see_in_their_language(client, employee, language, heading):
    client.force_login(speaking(employee, language))

    html = client.get(WHAT).content.decode()

    assert heading in html
    assert english_left(html, apps=["dashboards"], language=language) == []
