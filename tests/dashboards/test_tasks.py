"""The hourly task builds the preset views ahead of HR's visit; the page then reads them."""

from django.urls import reverse

from dashboards.tasks import materialise_daily_aggregates


def test_the_task_builds_every_preset_and_the_page_reads_it_without_aggregating(
        hr_client, org, django_assert_num_queries):
    assert materialise_daily_aggregates.delay().get() == ["4w", "quarter", "year"]
    # session + user, the rollups' state, and the form's two <select>s: no aggregate at all.
    with django_assert_num_queries(5):
        response = hr_client.get(reverse("dashboards:index"), {"period": "year"})
    assert response.status_code == 200
    assert "Participation by month" in response.content.decode()


def test_running_the_task_twice_gives_the_same_page(hr_client, org):
    materialise_daily_aggregates()
    first = hr_client.get(reverse("dashboards:export_csv")).content
    materialise_daily_aggregates()
    assert hr_client.get(reverse("dashboards:export_csv")).content == first


def test_the_refresh_command_does_the_tasks_work_and_says_so(org):
    import io

    from django.core.management import call_command

    from dashboards.models import ActivityMask, RollupState

    out = io.StringIO()
    call_command("refresh_dashboards", stdout=out)
    assert "preset views: 4w, quarter, year" in out.getvalue()
    assert RollupState.objects.get().built_at is not None
    assert ActivityMask.objects.filter(attended__gt=0).exists()
