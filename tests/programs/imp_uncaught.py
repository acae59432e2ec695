"""An uncaught ModuleNotFoundError: exit code 1 and python3's last line."""
import sys
print("before", "heapsim_test_absent" in sys.modules)


def f():
    import heapsim_test_absent
    return heapsim_test_absent


f()
print("not reached")
