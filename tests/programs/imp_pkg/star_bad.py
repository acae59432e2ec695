__all__ = ["OK", 5]
OK = 1
