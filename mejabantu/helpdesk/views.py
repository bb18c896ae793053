"""Helpdesk pages (being built: see issue 2)."""

from django.http import HttpResponse


def queue(request):
    return HttpResponse("")


my_tickets = ask = queue


def public_ask(request, code):
    return HttpResponse("")
