"""The web console (web/): where its built files are, building them when stale, serving them at
/console/ with its config, and the dev-only token endpoint its role picker uses."""
