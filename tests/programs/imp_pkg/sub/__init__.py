print("init imp_pkg.sub", __name__, __package__)
SUB = "sub"
