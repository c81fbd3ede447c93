"""Notifications to applicants (issue 19): a transactional outbox written in the changing
transaction, templates per tenant, channels behind one interface, delivery with retries."""
