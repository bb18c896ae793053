"""Writes of the schedule app: every page, API endpoint, command and task calls these."""

from mejabantu.schedule.services.bookings import (
    appointment_book,
    appointment_cancel,
    appointment_confirm,
    appointment_reminders_send,
    appointment_reschedule,
    candidate_slots,
    open_intervals,
    registration_days,
    slot_capacity,
    slot_settings_for,
)
from mejabantu.schedule.services.common import ScheduleError
from mejabantu.schedule.services.events import (
    attendance_record,
    calendar_feed_by_token,
    calendar_feed_create,
    calendar_feed_revoke,
    material_attach,
)
from mejabantu.schedule.services.queue import (
    queue_call_next,
    queue_issue,
    queue_serve,
    queue_skip,
)
from mejabantu.schedule.services.stages import stage_set_dates, stages_seed

__all__ = [
    "ScheduleError",
    "appointment_book",
    "appointment_cancel",
    "appointment_confirm",
    "appointment_reminders_send",
    "appointment_reschedule",
    "attendance_record",
    "calendar_feed_by_token",
    "calendar_feed_create",
    "calendar_feed_revoke",
    "candidate_slots",
    "material_attach",
    "open_intervals",
    "queue_call_next",
    "queue_issue",
    "queue_serve",
    "queue_skip",
    "registration_days",
    "slot_capacity",
    "slot_settings_for",
    "stage_set_dates",
    "stages_seed",
]
