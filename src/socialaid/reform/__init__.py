"""The reform's effect against its targets (reformEffect) and 办结汇总 (completionSummary)."""
