from django.urls import path

from zonebridge.bulletins import views
from zonebridge.bulletins.feeds import TopicFeed

app_name = "bulletins"

urlpatterns = [
    path("", views.bulletin_list, name="list"),
    path("<int:bulletin_id>/", views.bulletin_detail, name="detail"),
    path("new/", views.bulletin_create, name="create"),
    path("<int:bulletin_id>/edit/", views.bulletin_edit, name="edit"),
    path("manage/", views.manage, name="manage"),
    path("subscriptions/", views.subscriptions, name="subscriptions"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("feeds/<slug:topic>/", TopicFeed(), name="feed"),
    path("feeds/<slug:topic>/<uuid:key>/", TopicFeed(), name="personal_feed"),
]
