import sys
out = []
try:
    sys.exit(3)
except SystemExit as e:
    out.append((e.code, e.args))
try:
    sys.exit("message")
except SystemExit as e:
    out.append((e.code,))
try:
    raise SystemExit
except SystemExit as e:
    out.append((e.code,))
try:
    raise SystemExit(1, 2)
except SystemExit as e:
    out.append(e.code)

def cleanup():
    try:
        sys.exit(0)
    finally:
        out.append("finally ran")
try:
    cleanup()
except SystemExit as e:
    out.append(("cleanup exit", e.code))
try:
    sys.exit()
except BaseException as e:
    out.append((type(e).__name__, isinstance(e, Exception)))
print(out)
sys.stdout.flush()
sys.exit(7)
