"""A guest .py module next to the program, with an accelerator fallback inside it; the module
object is the one in sys.modules."""
import sys
import _imp_fallback
import _imp_fallback as again
from _imp_fallback import total, ACCELERATED

print(_imp_fallback is again, sys.modules["_imp_fallback"] is _imp_fallback)
print(total([1, 2, 3]), ACCELERATED, _imp_fallback.MISSING)
print(_imp_fallback.__name__, _imp_fallback.__file__ == __file__.replace("imp_guest_module",
                                                                         "_imp_fallback"))
print("_imp_fallback_accel" in sys.modules, sys.getrefcount(_imp_fallback))
