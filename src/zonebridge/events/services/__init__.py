"""Use cases of events, one module per concept: the event and its slots, registrations, interest and meeting
requests, the schedule, agendas, and what came of each meeting. Import the module you need."""
