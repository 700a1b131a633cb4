"""Caseworker: one person's total debt position, maatwerk and contact, for Dutch tax and toeslagen collection."""

APP_NAME = "Caseworker"
APP_ID = "caseworker"
__version__ = "0.1.0"
