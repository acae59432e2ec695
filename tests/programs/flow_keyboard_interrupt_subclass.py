# A KeyboardInterrupt subclass is an ordinary uncaught exception (exit 1), not a SIGINT end.
class Stop(KeyboardInterrupt):
    pass


print("stopping")
raise Stop("now")
