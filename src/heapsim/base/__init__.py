"""Errors, configuration profiles (CPython 3.11 constants as data) and event records.

Nothing in ``base`` imports any other heapsim layer.
"""
