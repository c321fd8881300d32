from django.urls import path

from zonebridge.opportunities import views

app_name = "opportunities"

urlpatterns = [
    path("opportunities/", views.opportunity_list, name="list"),
    path("opportunities/new/", views.opportunity_new, name="new"),
    path("opportunities/recommended/", views.recommended, name="recommended"),
    path("opportunities/interests/", views.interest_list, name="interests"),
    path("opportunities/interests/<int:interest_id>/", views.interest_detail, name="interest_detail"),
    path("opportunities/interests/<int:interest_id>/action/", views.interest_action, name="interest_action"),
    path("opportunities/interests/<int:interest_id>/outcome/", views.interest_outcome, name="interest_outcome"),
    path("opportunities/interests/<int:interest_id>/broker/", views.interest_broker, name="interest_broker"),
    path("opportunities/saved-searches/", views.saved_searches, name="saved_searches"),
    path("opportunities/saved-searches/<int:search_id>/delete/", views.saved_search_delete,
         name="saved_search_delete"),
    path("opportunities/unsubscribe/<str:unsubscribe_token>/", views.unsubscribe, name="unsubscribe"),
    path("opportunities/rebuild/", views.rebuild, name="rebuild"),
    path("opportunities/<int:opportunity_id>/", views.opportunity_detail, name="detail"),
    path("opportunities/<int:opportunity_id>/edit/", views.opportunity_edit, name="edit"),
    path("opportunities/<int:opportunity_id>/withdraw/", views.opportunity_withdraw, name="withdraw"),
    path("opportunities/<int:opportunity_id>/interest/", views.opportunity_interest, name="interest"),
]
