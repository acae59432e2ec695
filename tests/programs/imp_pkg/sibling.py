print("init imp_pkg.sibling", __name__, __package__)
SIB = "sibling"
