from django.urls import path

from zonebridge.landing import views

app_name = "landing"

urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("services/new/", views.service_create, name="service_create"),
    path("services/<slug:slug>/", views.service_detail, name="service_detail"),
    path("services/<slug:slug>/edit/", views.service_edit, name="service_edit"),
    path("services/<slug:slug>/request/", views.request_create, name="request_create"),
    path("requests/", views.my_requests, name="my_requests"),
    path("requests/<int:request_id>/", views.request_detail, name="request_detail"),
    path("requests/<int:request_id>/act/", views.request_act, name="request_act"),
    path("requests/<int:request_id>/clock/", views.request_clock, name="request_clock"),
    path("requests/<int:request_id>/messages/", views.request_message, name="request_message"),
    path("requests/<int:request_id>/rate/", views.request_rate, name="request_rate"),
    path("queue/", views.queue, name="queue"),
    path("queue/bulk/", views.queue_bulk, name="queue_bulk"),
    path("replies/", views.reply_list, name="reply_list"),
    path("replies/new/", views.reply_create, name="reply_create"),
    path("replies/<int:reply_id>/edit/", views.reply_edit, name="reply_edit"),
    path("replies/<int:reply_id>/delete/", views.reply_delete, name="reply_delete"),
    path("scenarios/", views.call_list, name="call_list"),
    path("scenarios/new/", views.call_create, name="call_create"),
    path("scenarios/<int:call_id>/", views.call_detail, name="call_detail"),
    path("scenarios/<int:call_id>/apply/", views.call_apply, name="call_apply"),
    path("scenarios/<int:call_id>/close/", views.call_close, name="call_close"),
    path("scenarios/applications/<int:application_id>/", views.application_detail,
         name="application_detail"),
]
