# Exceptions: raising and catching in a loop, try/finally, exception chaining,
# and lookups that fail with KeyError/IndexError handled by the caller.
class AppError(Exception):
    pass


def risky(i):
    if i % 3 == 0:
        raise ValueError(i)
    if i % 5 == 0:
        raise AppError("bad %d" % i)
    return i


def handle(n):
    ok = bad = app = fin = 0
    for i in range(n):
        try:
            risky(i)
            ok += 1
        except ValueError:
            bad += 1
        except AppError as e:
            app += len(e.args[0])
        finally:
            fin += 1
    return ok, bad, app, fin


def lookups(n):
    d = {i: i for i in range(0, n, 2)}
    lst = list(range(n // 2))
    misses = 0
    for i in range(n):
        try:
            d[i]
        except KeyError:
            misses += 1
        try:
            lst[i]
        except IndexError:
            misses += 1
    return misses


def chained(n):
    count = 0
    for i in range(n):
        try:
            try:
                raise KeyError(i)
            except KeyError as e:
                raise RuntimeError("wrapped") from e
        except RuntimeError as r:
            if r.__cause__ is not None:
                count += 1
    return count


print(handle(50000), lookups(50000), chained(20000))
