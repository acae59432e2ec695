# A deep recursion: one frame per call, each with its own n.
import sys


def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)


sys.setrecursionlimit(200)
print(depth(60))
