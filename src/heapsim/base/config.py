"""CPython 3.11's constants as data.

Every number the simulator takes from CPython lives here, in one frozen profile, so that the
mechanism (the allocator, the object model, the collector) reads its policy from data rather
than from literals scattered through the code.  The values are those of a 64-bit Linux
release build of 3.11.7 (see docs/cpython-facts.md).  A run may use a modified copy
(``dataclasses.replace``), for instance to set a heap limit or to try other pool sizes.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class MemoryConfig:
    """Objects/obmalloc.c on 64-bit Linux (radix tree, large arenas and pools)."""

    alignment: int = 16
    small_request_threshold: int = 512
    pool_size: int = 16 * 1024
    pool_overhead: int = 48            # struct pool_header rounded up to the alignment
    arena_size: int = 1024 * 1024
    initial_arena_objects: int = 16
    # Where the simulated address space puts things.  Arenas are placed on 16 KiB boundaries
    # (so each holds 64 pools) one after another from arena_base; raw (glibc) blocks come from
    # a separate region; statically allocated objects (small ints, None, builtin types) from
    # a third, as they live in the interpreter binary's data segment in CPython.
    arena_base: int = 0x7F3A_0000_0000
    arena_stride: int = 2 * 1024 * 1024   # gap between successive fresh arena addresses
    raw_base: int = 0x55D0_0000_0000
    raw_alignment: int = 16
    raw_header: int = 16                  # glibc chunk header between raw blocks
    static_base: int = 0x5580_0000_0000
    # Largest number of bytes the simulated heap may hold (pymalloc arenas + raw blocks);
    # None means unlimited.
    heap_limit: int | None = None

    @property
    def num_size_classes(self):
        return self.small_request_threshold // self.alignment

    @property
    def pools_per_arena(self):
        return self.arena_size // self.pool_size


@dataclass(frozen=True)
class ObjectsConfig:
    """Sizes, caches and free lists of Objects/*.c."""

    pointer_size: int = 8
    object_header: int = 16               # ob_refcnt + ob_type
    var_header: int = 24                  # + ob_size
    gc_header: int = 16                   # PyGC_Head before the object
    managed_dict_header: int = 16         # values and dict pointers before the GC header
    small_int_min: int = -5
    small_int_max: int = 256
    long_digit_bits: int = 30
    static_refcnt: int = 999_999_999      # _PyObject_IMMORTAL_INIT
    float_freelist_max: int = 100
    tuple_freelist_max: int = 2000
    tuple_freelist_sizes: int = 20        # sizes 1..20 are pushed ...
    tuple_freelist_reuse_below: int = 20  # ... but only sizes < 20 are popped (3.11 quirk)
    list_freelist_max: int = 80
    dict_freelist_max: int = 80
    dict_keys_freelist_max: int = 80
    dict_minsize: int = 8
    shared_keys_max_size: int = 30
    set_minsize: int = 8
    set_linear_probes: int = 9


@dataclass(frozen=True)
class GCConfig:
    """Modules/gcmodule.c and the trashcan of Objects/object.c."""

    thresholds: tuple = (700, 10, 10)
    trash_unwind_level: int = 50


@dataclass(frozen=True)
class Profile:
    """Everything that makes the simulated interpreter CPython 3.11 rather than another."""

    name: str = "cpython-3.11"
    memory: MemoryConfig = field(default_factory=MemoryConfig)
    objects: ObjectsConfig = field(default_factory=ObjectsConfig)
    gc: GCConfig = field(default_factory=GCConfig)


CPYTHON_3_11 = Profile()
