"""URLs of the practices app (filled in by its views)."""

app_name = "practices"
urlpatterns: list = []
