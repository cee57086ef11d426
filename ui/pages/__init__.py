"""The main window's pages, one module (or folder) each: workbench, case list, case view,
dashboard, reports, audit, settings. Pages use dialogs, models and widgets, never the shell."""
