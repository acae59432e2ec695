print("init imp_pkg.sub.leaf", __name__, __package__)
LEAF = "leaf"


def where():
    return __name__
