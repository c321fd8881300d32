from django.urls import path

from zonebridge.events import views

app_name = "events"

urlpatterns = [
    path("", views.event_list, name="event_list"),
    path("new/", views.event_create, name="event_create"),
    path("feed/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
    path("<slug:slug>/", views.event_detail, name="event_detail"),
    path("<slug:slug>/edit/", views.event_edit, name="event_edit"),
    path("<slug:slug>/state/", views.event_transition, name="event_transition"),
    path("<slug:slug>/register/", views.register, name="register"),
    path("<slug:slug>/profile/", views.profile, name="profile"),
    path("<slug:slug>/registrations/", views.registration_list, name="registration_list"),
    path("<slug:slug>/registrations/<int:registration_id>/", views.registration_decide,
         name="registration_decide"),
    path("<slug:slug>/participants/", views.participant_list, name="participant_list"),
    path("<slug:slug>/participants/recommended/", views.recommendations, name="recommendations"),
    path("<slug:slug>/participants/<int:registration_id>/interest/", views.interest, name="interest"),
    path("<slug:slug>/participants/<int:registration_id>/request/", views.request_create, name="request_create"),
    path("<slug:slug>/requests/", views.request_list, name="request_list"),
    path("<slug:slug>/requests/<int:request_id>/", views.request_answer, name="request_answer"),
    path("<slug:slug>/schedule/", views.schedule_page, name="schedule"),
    path("<slug:slug>/schedule/publish/", views.schedule_publish, name="schedule_publish"),
    path("<slug:slug>/schedule/print/", views.print_page, name="print"),
    path("<slug:slug>/meetings/<int:meeting_id>/", views.meeting_edit, name="meeting_edit"),
    path("<slug:slug>/meetings/<int:meeting_id>/book/", views.meeting_book, name="meeting_book"),
    path("<slug:slug>/meetings/<int:meeting_id>/report/", views.meeting_report, name="meeting_report"),
    path("<slug:slug>/agenda/", views.agenda, name="agenda"),
    path("<slug:slug>/agenda.ics", views.agenda_ics, name="agenda_ics"),
    path("<slug:slug>/calendar/renew/", views.calendar_renew, name="calendar_renew"),
]
