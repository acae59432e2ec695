import sys as _sys
ALPHA = 1
_beta = 2
__gamma = 3
def delta():
    return 4
