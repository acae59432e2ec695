def run(kind):
    out = []
    try:
        out.append("try")
        if kind == "raise":
            raise ValueError(kind)
        if kind == "return":
            return out + ["returned"]
    except ValueError as e:
        out.append(("except", str(e)))
    else:
        out.append("else")
    finally:
        out.append("finally")
    return out

for k in ("none", "raise", "return"):
    print(run(k))

def finally_overrides():
    try:
        return "try"
    finally:
        return "finally"
print(finally_overrides())

def finally_swallows():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            if i < 2:
                continue
            break
    return i
print(finally_swallows())

def nested():
    seen = []
    try:
        try:
            raise TypeError("inner")
        except TypeError:
            seen.append("inner handled")
            raise ValueError("from handler")
        finally:
            seen.append("inner finally")
    except ValueError as e:
        seen.append(("outer", str(e), type(e.__context__).__name__))
    return seen
print(nested())

def exc_var_cleared():
    try:
        raise OSError("x")
    except OSError as err:
        pass
    try:
        return err
    except NameError as e:
        return str(e)
print(exc_var_cleared())

def multi():
    res = []
    for exc in (KeyError("a"), IndexError("b"), ZeroDivisionError("c")):
        try:
            raise exc
        except (KeyError, IndexError) as e:
            res.append(("lookup", type(e).__name__))
        except Exception as e:
            res.append(("other", type(e).__name__))
    return res
print(multi())
