"""The shell: the main window, the session (log-in, idle lock) and the backup hooks around it."""
