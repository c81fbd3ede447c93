"""Eligibility screening (issue 21): a family's answers against the items' rules, pure logic in
partial.py, screening.py, words.py and questions.py; the tenant's data in service.py."""
