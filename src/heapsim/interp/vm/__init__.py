"""The virtual machine (Python/ceval.c and friends): the eval loop and its handlers, calls and
frames, tracebacks, the importer.  Top sub-layer of interp: may import every other one."""
