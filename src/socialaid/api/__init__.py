"""The HTTP and GraphQL surface: schema assembly, request context, the ASGI app."""
