"""``from __future__ import annotations``: the host compiler honours the flag (annotations stay
strings), and ``__future__`` itself is the standard library's pure-Python module, run as
guest code from the host's standard-library folder."""
from __future__ import annotations, generator_stop
import sys


def f(x: list[int], y: undefined_name) -> dict[str, int]:
    return {}


class C:
    field: NotDefinedEither
    other: int = 3


print(C.__annotations__)
print(annotations, type(annotations).__name__)
print(annotations.getMandatoryRelease(), annotations.getOptionalRelease())
print(annotations.compiler_flag, repr(annotations))
import __future__
print(__future__.all_feature_names)
print([name for name in __future__.all_feature_names
       if getattr(__future__, name).compiler_flag & f.__code__.co_flags])
print(__future__.__name__, __future__.__package__, __future__.__spec__.name,
      __future__.__file__ == __future__.__spec__.origin, __future__.__file__.endswith(
          "/__future__.py"), "__future__" in sys.modules)
print(__future__.annotations is annotations, __future__.division.mandatory)
print(sorted(k for k in vars(__future__) if not k.startswith("__")))
print(sys.getrefcount(__future__), sys.getrefcount(annotations))
