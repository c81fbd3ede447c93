"""Printable documents: the filled application form and decision notices, as PDFs."""
