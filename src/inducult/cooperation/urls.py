"""URLs of the cooperation app (filled in by its views)."""

app_name = "cooperation"
urlpatterns: list = []
