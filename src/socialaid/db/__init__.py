"""Database access: connection URLs, the embedded server, the app role, sessions, migrations."""
