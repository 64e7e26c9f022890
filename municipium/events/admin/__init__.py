"""The programme in the admin: events (texts per language, days off, partners) and their dates."""
