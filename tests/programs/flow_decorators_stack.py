calls = []

def trace(tag):
    def deco(fn):
        def wrapper(*args, **kw):
            calls.append((tag, fn.__name__, args))
            return fn(*args, **kw)
        wrapper.__name__ = fn.__name__
        wrapper.inner = fn
        return wrapper
    return deco

def twice(fn):
    def wrapper(x):
        return fn(fn(x))
    return wrapper

@trace("outer")
@twice
@trace("inner")
def inc(x):
    return x + 1

print(inc(1), inc.__name__)

def register(cls):
    cls.registered = True
    calls.append(("class", cls.__name__))
    return cls

@register
class Plugin:
    @staticmethod
    @trace("static")
    def run(v):
        return v * 2

    @property
    def value(self):
        return 42

print(Plugin.registered, Plugin.run(4), Plugin().value)
for c in calls:
    print(c)
