"""Read models for the web pages and the JSON API: one query function per thing a page shows."""
