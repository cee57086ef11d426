"""Storage: engine and sessions, the ORM models, office settings, the migrations' runner,
backup, restore and the integrity checks. Imports only the leaves and workflow."""
