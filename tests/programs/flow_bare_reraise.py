import sys
log = []

def handler():
    log.append(("in handler", sys.exc_info()[0].__name__))
    raise

def outer():
    try:
        {}["missing"]
    except KeyError:
        handler()

try:
    outer()
except KeyError as e:
    log.append(("reraised", repr(e)))
log.append(sys.exc_info())

def nested_handlers():
    try:
        raise TypeError("first")
    except TypeError:
        try:
            raise ValueError("second")
        except ValueError:
            log.append(sys.exc_info()[1].args)
        log.append(sys.exc_info()[1].args)
        raise
try:
    nested_handlers()
except TypeError as e:
    log.append(("outer got", str(e)))

try:
    raise
except RuntimeError as e:
    log.append(str(e))
for item in log:
    print(item)
