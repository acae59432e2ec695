"""The ``heapsim`` command line.

Subcommands arrive with the layers that implement them; ``--version`` and ``--help`` work from
the start.  Exit codes follow design.md: 0 success, 2 usage errors (as argparse and python3
use it), 3 unsupported guest features, 70 simulator bugs.
"""

import argparse
import sys

from heapsim import __version__

EXIT_UNSUPPORTED = 3
EXIT_INTERNAL = 70


def build_parser():
    parser = argparse.ArgumentParser(
        prog="heapsim",
        description="Run Python programs on a simulated CPython 3.11 heap and show what "
                    "happens to memory: addresses, reference counts, the cycle collector, "
                    "pymalloc arenas, pools and blocks.",
    )
    parser.add_argument("--version", action="version",
                        version=f"heapsim {__version__} (models CPython 3.11)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    stats = sub.add_parser(
        "mallocstats",
        help="build a small demo heap and print its sys._debugmallocstats() report")
    stats.add_argument("--lists", type=int, default=100,
                       help="number of 10-item lists to allocate first (default 100)")
    return parser


def cmd_mallocstats(args):
    from heapsim.runtime import build_heap
    from heapsim.objects.listobject import list_append, list_new
    from heapsim.objects.longobject import new_int

    heap = build_heap()
    keep = []
    for i in range(args.lists):
        lst = list_new(heap, 0)
        for j in range(10):
            item = new_int(heap, 1000 + 10 * i + j)
            list_append(heap, lst, item)
            heap.decref(item)
        keep.append(lst)
    sys.stdout.write(heap.allocator.debugmallocstats())
    return 0


def main(argv=None):
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    if args.command == "mallocstats":
        return cmd_mallocstats(args)
    parser.error(f"unknown command {args.command!r}")
    return 2


if __name__ == "__main__":
    sys.exit(main())
