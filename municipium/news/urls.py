
app_name = "news"
urlpatterns: list = [
    # feeds: per site and language, and per directorate
]
