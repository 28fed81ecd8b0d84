"""Figures in text: numbers, units, periods, and the claims they make."""
