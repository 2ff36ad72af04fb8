"""The API plumbing both apps use: the router (urls.py), filters, serializer fields, pagination,
conditional requests, permissions, the one error shape (exceptions.py) and the schema hooks.

Each app keeps its own resources: actors/api.py, statements/api/ (serializers and views).
"""
