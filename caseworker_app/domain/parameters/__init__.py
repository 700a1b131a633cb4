"""Dated parameter tables (TOML), shipped as package data.  Loaded by :mod:`caseworker_app.domain.params`."""
