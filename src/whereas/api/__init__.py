"""The JSON API and the web pages over the library, served by one FastAPI application."""

from whereas.api.app import create_app

__all__ = ["create_app"]
