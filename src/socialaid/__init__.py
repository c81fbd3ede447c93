"""socialaid: one application for all social assistance (社会救助一件事), as a multi-tenant GraphQL API."""
