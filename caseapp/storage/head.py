"""The newest migration's revision (caseapp/migrations/versions), alone in a leaf: a file at
HEAD opens without loading Alembic (~0.5 s of imports at every start), and the first page is
read before SQLAlchemy loads (storage/first_read.py). tests/test_migrate_head.py keeps it
equal to the scripts' head, so a new migration without this line fails the tests."""

HEAD = "0015"
