"""The interpreter: decoded 3.11 bytecode, frames, the object space, opcode handlers, the eval
loop, and the guest-side builtins and modules."""
