"""Mejabantu: the candidacy helpdesk (meja bantuan pencalonan) of a KPU office."""

__version__ = "0.1.0"
