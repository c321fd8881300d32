"""Use cases of programmes, by concept: rounds and positions, candidates and rank lists, review, the match and
offers, the cohort. Views, the API, admin, jobs and the demo seed all call these."""

from zonebridge.programmes.services.candidates import (
    DECISIONS,
    apply_to_round,
    decide_application,
    nominate,
    nominations_for,
    set_host_ranking,
    set_student_ranking,
    withdraw_nomination,
)
from zonebridge.programmes.services.cohort import (
    add_check_in,
    assign_mentor,
    complete_participation,
    submit_feedback,
)
from zonebridge.programmes.services.placement import (
    PLACEMENT_JOB,
    accept_offer,
    decline_offer,
    explanation_for_position,
    explanation_for_student,
    free_places,
    freed_places,
    market_inputs,
    notify_results,
    offer_free_place,
    open_second_round,
    preview_match,
    run_placement,
    start_placement_run,
)
from zonebridge.programmes.services.review import (
    applicant_for,
    applicant_name,
    review_queue,
    review_results,
    score_application,
)
from zonebridge.programmes.services.rounds import (
    BUTTON_TRANSITIONS,
    ROUND_FLOW,
    add_criterion,
    create_programme,
    create_round,
    invite_reviewer,
    quota_for,
    save_position,
    set_blind_review,
    set_quota,
    transition_round,
    update_programme,
)

__all__ = [
    "BUTTON_TRANSITIONS", "DECISIONS", "PLACEMENT_JOB", "ROUND_FLOW", "accept_offer", "add_check_in",
    "applicant_for", "applicant_name", "review_queue", "review_results", "set_blind_review",
    "add_criterion", "apply_to_round", "assign_mentor", "complete_participation", "create_programme",
    "create_round", "decide_application", "decline_offer", "explanation_for_position", "explanation_for_student",
    "free_places", "freed_places", "invite_reviewer", "market_inputs", "nominate", "nominations_for", "notify_results",
    "offer_free_place", "open_second_round", "preview_match", "quota_for", "run_placement", "save_position",
    "score_application", "set_host_ranking", "set_quota", "set_student_ranking", "start_placement_run",
    "submit_feedback", "transition_round", "update_programme", "withdraw_nomination",
]
