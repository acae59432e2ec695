"""Package of the imp_*.py programs (tests/programs/imp_package*.py, imp_relative.py, ...)."""
print("init imp_pkg", __name__, __package__)
TOP = "top"
_hidden = 1
