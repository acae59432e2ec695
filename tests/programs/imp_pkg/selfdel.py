import sys
print("init imp_pkg.selfdel: removes itself from sys.modules")
del sys.modules[__name__]
