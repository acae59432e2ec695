# sys.exit with a code that does not fit a C long: python3 exits with 255 and prints nothing.
import sys
print("before")
sys.exit(2**70)
