# Call-heavy recursion: naive Fibonacci, plus a mutually recursive pair and a
# keyword-argument recursion, so calls dominate.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def is_even(n):
    return True if n == 0 else is_odd(n - 1)


def is_odd(n):
    return False if n == 0 else is_even(n - 1)


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


def tak(x, y, z=0):
    if y >= x:
        return z
    return tak(tak(x - 1, y, z), tak(y - 1, z, x), z=tak(z - 1, x, y))


total = fib(25)
evens = sum(1 for k in range(900) if is_even(k))
print("fib", total, "evens", evens, "ack", ackermann(2, 200), "tak", tak(14, 9, 4))
