# a helper module for lang_dir.py
a = 1


def b():
    pass
