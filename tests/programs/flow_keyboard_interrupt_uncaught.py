# An uncaught KeyboardInterrupt: the traceback, then the process ends by SIGINT.
def stop():
    raise KeyboardInterrupt


print("stopping")
stop()
