"""Permissions of the API beyond DRF's default (anyone reads, a signed-in client writes)."""

from rest_framework import permissions


class IsStaff(permissions.IsAdminUser):
    message = "Only staff (curators) may do this."
