
app_name = "search"
urlpatterns: list = [
    # path("search/", views.search, name="search"),
]
