"""The needs assessment (需求综合评估, issue 22): one assessment of a household's needs, scored on
the dimensions its tenant's catalogue names, read by every department it concerns."""
