"""Server-rendered pages (Jinja2, htmx for the interactive parts) over the read models."""
