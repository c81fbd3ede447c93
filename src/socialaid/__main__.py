"""`python -m socialaid …`: the `socialaid` command, where its script is not on PATH."""

from socialaid.cli import app

app(prog_name="socialaid")
