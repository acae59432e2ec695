__all__ = ["PUBLIC", "_private_but_listed", "helper"]
PUBLIC = 1
_private_but_listed = 2
NOT_LISTED = 3


def helper():
    return "helper"
