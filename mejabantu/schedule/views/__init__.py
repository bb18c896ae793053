"""Schedule pages: the public timeline, bookings, events and feeds, the walk-in queue."""
