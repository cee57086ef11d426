"""CaseDesk's Qt GUI (PySide6). Imports caseapp; caseapp never imports this package."""
