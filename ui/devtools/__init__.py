"""Developer tools: screenshots of every screen and the states they need. Never imported by the
product (a test checks)."""
