import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from statements.models import ImportItem, ImportJob


def files(*names):
    return [SimpleUploadedFile(name, b"Le ministre a parle. Une phrase de plus.") for name in names]


def test_staff_upload_creates_one_job_with_an_item_per_file(staff_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = staff_client.post(reverse("import-upload"), {"files": files("a.txt", "b.md")})
    assert response.status_code == 302
    job = ImportJob.objects.get()
    assert job.origin == ImportJob.Origin.UPLOAD
    assert sorted(job.items.values_list("name", flat=True)) == ["a.txt", "b.md"]
    assert job.items.filter(status=ImportItem.Status.PENDING).count() == 2
    assert len(callbacks) == 1  # the worker is told once the rows are committed


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.post(reverse("import-upload"), {"files": files("a.txt")})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert not ImportJob.objects.exists()


def test_non_staff_users_cannot_upload(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("reader"))
    response = client.post(reverse("import-upload"), {"files": files("a.txt")})
    assert response.status_code == 403
    assert not ImportJob.objects.exists()
