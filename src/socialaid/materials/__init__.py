"""Material files (issue 18): staged uploads into an object store, their verification on
completion, the policy on what may be uploaded, and short-lived download links.

Bytes never pass through a GraphQL resolver: `materialUploadCreate` returns a signed URL the
client PUTs the file to (the embedded store's own route, or an S3-compatible store's presigned
URL); `materialUploadComplete` reads the stored object back and checks its size, hash, type and
scan before an application may reference it.
"""
