"""errno: a module of the table created on first import (modules/errnomodule.py)."""
import sys

print("errno" in sys.modules)
import errno
print("errno" in sys.modules, sys.modules["errno"] is errno)
import errno as again
print(again is errno, errno)
print(errno.ENOENT, errno.EACCES, errno.EAGAIN, errno.EWOULDBLOCK, errno.EEXIST, errno.EINTR,
      errno.EDEADLK, errno.EDEADLOCK, errno.ENOTSUP, errno.EOPNOTSUPP)
print(errno.errorcode[2], errno.errorcode[11], errno.errorcode[errno.EDEADLK],
      errno.errorcode[errno.ENOTSUP])
print(len(errno.errorcode), len(errno.__dict__))
print(list(errno.__dict__))
print(list(errno.errorcode.items()))
print(all(errno.errorcode[getattr(errno, name)] in vars(errno) for name in errno.errorcode.values()))
print(errno.__name__, repr(errno.__package__), errno.__doc__.splitlines()[0])
print(sys.getrefcount(errno), sys.getrefcount(errno.__dict__), sys.getrefcount(errno.errorcode))
print(sys.getsizeof(errno.__dict__), sys.getsizeof(errno.errorcode))
from errno import ENOENT, errorcode
print(ENOENT, errorcode is errno.errorcode)
try:
    from errno import ENOTHERE
except ImportError as e:
    print(type(e).__name__, e, e.name, e.path)
del sys.modules["errno"]
import errno as fresh
print(fresh is errno, fresh.errorcode is errno.errorcode, fresh.errorcode == errno.errorcode)
print(sys.getrefcount(errno), sys.getrefcount(fresh), "errno" in sys.modules)
