import sys
sys.setrecursionlimit(200)

def down(n):
    return down(n + 1)

depths = []
def measure(n):
    try:
        return measure(n + 1)
    except RecursionError:
        return n

try:
    down(0)
except RecursionError as e:
    print("caught:", e)
d = measure(0)
print(d > 100, d < 200)

class Node:
    def __init__(self):
        self.child = self
    def __repr__(self):
        return f"Node({self.child!r})"
try:
    repr(Node())
except RecursionError as e:
    print("repr:", type(e).__name__)

def mutual_a(n):
    return mutual_b(n)
def mutual_b(n):
    return mutual_a(n)
mutual_a(1)
