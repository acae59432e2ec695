# a helper module for lang_dir.py: a module-level __dir__ (PEP 562)
x = 1


def __dir__():
    return ["zeta", "alpha", "x"]
