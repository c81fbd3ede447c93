"""Households under monitoring (纳入监测范围): families a classified recognition found in none of
its categories, kept for the dynamic management that looks for them again."""
