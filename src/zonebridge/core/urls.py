from django.urls import path

from zonebridge.core import views

app_name = "core"

urlpatterns = [
    path("notifications/", views.notification_list, name="notification_list"),
    path("notifications/read-all/", views.notifications_mark_all_read, name="notifications_mark_all_read"),
    path("notifications/settings/", views.notification_settings, name="notification_settings"),
    path("notifications/<int:notification_id>/open/", views.notification_open, name="notification_open"),
    path("jobs/<uuid:job_id>/", views.job_detail, name="job_detail"),
    path("jobs/<uuid:job_id>/progress/", views.job_progress, name="job_progress"),
]

# Private files have no language: a download is the same in every language.
file_urlpatterns = [
    path("files/<uuid:file_id>/", views.private_file, name="private_file"),
]
