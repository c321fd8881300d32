from django.urls import path

from zonebridge.programmes import views

app_name = "programmes"

urlpatterns = [
    path("programmes/", views.programme_list, name="programme_list"),
    path("programmes/new/", views.programme_create, name="programme_create"),
    path("programmes/my/", views.my_programmes, name="my_programmes"),
    path("programmes/rounds/<int:round_id>/", views.round_detail, name="round_detail"),
    path("programmes/rounds/<int:round_id>/transition/", views.round_transition, name="round_transition"),
    path("programmes/rounds/<int:round_id>/apply/", views.round_apply, name="round_apply"),
    path("programmes/rounds/<int:round_id>/nominations/", views.nominations, name="nominations"),
    path("programmes/rounds/<int:round_id>/ranking/", views.student_ranking, name="student_ranking"),
    path("programmes/rounds/<int:round_id>/positions/new/", views.position_create, name="position_create"),
    path("programmes/rounds/<int:round_id>/settings/", views.round_settings, name="round_settings"),
    path("programmes/rounds/<int:round_id>/review/", views.review_list, name="review_list"),
    path("programmes/rounds/<int:round_id>/results/", views.results, name="results"),
    path("programmes/rounds/<int:round_id>/match/", views.match, name="match"),
    path("programmes/rounds/<int:round_id>/free-places/", views.free_places, name="free_places"),
    path("programmes/rounds/<int:round_id>/second-round/", views.second_round, name="second_round"),
    path("programmes/rounds/<int:round_id>/export/<slug:list_name>.<slug:fmt>", views.export, name="export"),
    path("programmes/nominations/<int:nomination_id>/withdraw/", views.nomination_withdraw,
         name="nomination_withdraw"),
    path("programmes/positions/<int:position_id>/", views.position_detail, name="position_detail"),
    path("programmes/positions/<int:position_id>/ranking/", views.host_ranking, name="host_ranking"),
    path("programmes/applications/<int:application_id>/", views.application_detail, name="application_detail"),
    path("programmes/runs/<int:run_id>/", views.run_detail, name="run_detail"),
    path("programmes/offers/<int:offer_id>/", views.offer_detail, name="offer_detail"),
    path("programmes/participants/<int:participant_id>/", views.participant_detail, name="participant_detail"),
    path("programmes/<slug:slug>/", views.programme_detail, name="programme_detail"),
    path("programmes/<slug:slug>/rounds/new/", views.round_create, name="round_create"),
    path("programmes/<slug:slug>/cohort/", views.cohort, name="cohort"),
]
