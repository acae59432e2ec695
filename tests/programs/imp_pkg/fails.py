print("init imp_pkg.fails: about to fail")
PARTIAL = 1
raise ValueError("imp_pkg.fails does not load")
