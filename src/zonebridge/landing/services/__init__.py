"""Use cases of soft landing, by concept: the catalogue, service requests (with space bookings), pilot calls."""
