from django.urls import path

from zonebridge.directory import views

app_name = "directory"

urlpatterns = [
    path("", views.home, name="home"),
    path("organisations/", views.organisation_list, name="organisation_list"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation_detail"),
    path("organisations/<slug:slug>/edit/", views.organisation_edit, name="organisation_edit"),
    path("people/<str:username>/", views.person_detail, name="person_detail"),
]
