"""Role assignments: tenant admins grant and revoke named users' roles; `me` shows the caller's
grants and permissions. Built on the authorization core (`access`) and the GraphQL kernel."""
