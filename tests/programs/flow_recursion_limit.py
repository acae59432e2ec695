import sys
def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
d = depth(0)
print(d > 900, d <= 1000)
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(len(str(fact(500))))
sys.setrecursionlimit(200)
try:
    fact(500)
except RecursionError as e:
    print("RecursionError:", e)
sys.setrecursionlimit(1000)
def forever(n):
    return forever(n + 1) + 1
forever(0)
