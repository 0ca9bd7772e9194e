from django.urls import reverse

from groups import services
from groups.models import GroupResource
from peersupport.markdown import render_markdown
from tests.groups.conftest import join


def test_markdown_is_rendered_and_html_is_never_raw():
    html = render_markdown("**Listen** <script>alert(1)</script> <img src=x onerror=alert(1)>\n\n"
                           "[guide](https://example.com/g) [bad](javascript:alert(1))")
    assert "<strong>Listen</strong>" in html
    # Raw HTML shows as text, never as markup.
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'href="https://example.com/g"' in html
    assert 'rel="noopener nofollow"' in html
    assert "javascript:" not in html


def test_facilitator_adds_a_resource_members_see_it(facilitator_client, client, member,
                                                    open_group):
    response = facilitator_client.post(reverse("groups:resources", args=[open_group.slug]),
                                       {"title": "Listening guide", "body": "*Listen first*",
                                        "url": ""})
    assert response.status_code == 302
    join(open_group, member)
    client.force_login(member)
    body = client.get(reverse("groups:detail", args=[open_group.slug])).content.decode()
    assert "Listening guide" in body and "<em>Listen first</em>" in body


def test_resource_needs_text_or_link_and_keeps_input(facilitator_client, open_group):
    response = facilitator_client.post(reverse("groups:resources", args=[open_group.slug]),
                                       {"title": "Empty one", "body": "", "url": ""})
    assert response.status_code == 400
    assert "Add a short text, a link, or both." in response.content.decode()
    assert 'value="Empty one"' in response.content.decode()
    assert not GroupResource.objects.exists()


def test_non_members_do_not_see_resources(client, employee, facilitator, open_group):
    services.resource_add(group=open_group, by=facilitator, title="Members' guide", body="x")
    client.force_login(employee)
    body = client.get(reverse("groups:detail", args=[open_group.slug])).content.decode()
    assert "Members&#x27; guide" not in body and "Members' guide" not in body


def test_members_cannot_add_or_delete_resources(client, member, facilitator, open_group):
    resource = services.resource_add(group=open_group, by=facilitator, title="Guide", body="x")
    join(open_group, member)
    client.force_login(member)
    assert client.post(reverse("groups:resources", args=[open_group.slug]),
                       {"title": "Spam", "body": "x"}).status_code == 403
    assert client.post(reverse("groups:delete_resource",
                               args=[open_group.slug, resource.pk])).status_code == 403
    assert GroupResource.objects.count() == 1


def test_facilitator_deletes_a_resource(facilitator_client, facilitator, open_group):
    resource = services.resource_add(group=open_group, by=facilitator, title="Guide", body="x")
    facilitator_client.post(reverse("groups:delete_resource", args=[open_group.slug,
                                                                    resource.pk]))
    assert not GroupResource.objects.exists()
