import sys
names = ["UnicodeDecodeError", "UnicodeEncodeError", "FileNotFoundError",
         "BrokenPipeError", "TimeoutError", "DeprecationWarning", "SyntaxWarning",
         "TabError", "StopAsyncIteration", "ModuleNotFoundError", "PermissionError"]
for n in names:
    tp = getattr(__builtins__, n) if hasattr(__builtins__, n) else None
    print(n, [c.__name__ for c in tp.__mro__])
print(IOError is OSError, EnvironmentError is OSError)
sizes = [sys.getsizeof(t()) for t in (OSError, ImportError, UserWarning, KeyError,
                                       StopIteration, NameError, AttributeError)]
print(sizes)
caught = []
for exc in (FileNotFoundError("f"), ConnectionResetError("c"), UnicodeError("u"),
            ResourceWarning("r")):
    try:
        raise exc
    except OSError as e:
        caught.append(("os", type(e).__name__))
    except ValueError as e:
        caught.append(("value", type(e).__name__))
    except Warning as e:
        caught.append(("warning", type(e).__name__, str(e)))
print(caught)
try:
    b"\xff\xfe".decode("utf-8")
except UnicodeDecodeError as e:
    print(type(e).__name__, isinstance(e, ValueError), e)
try:
    "\u20ac".encode("ascii")
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
