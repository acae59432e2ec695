"""A helper module for flow_import_*.py (also a program of its own)."""
import sys

VALUE = 12345
NAMES = ["x", "y"]
counter = 0


def bump():
    global counter
    counter += 1
    return counter


def describe():
    return f"{__name__} {VALUE} {sys.getrefcount(98765)}"


if __name__ == "__main__":
    print("run as main", describe())
else:
    print("imported as", __name__)
