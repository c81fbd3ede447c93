"""Work that happens by itself (issue 19): a job queue and periodic tasks on PostgreSQL through
pgqueuer. Domains register their job kinds in a `JobRegistry`; `socialaid worker` and the worker
embedded in `socialaid serve` run them (ADR 0025)."""
