"""Who may see and do what: tokens, principals, the casbin policy, row scope, RLS sessions, masking."""
