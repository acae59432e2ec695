__all__ = ["THERE", "NOT_THERE"]
THERE = 1
