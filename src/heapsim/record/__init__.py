"""The run record: what every view reads (docs/trace-format.md).

``recorder.Recorder`` records a run through the runtime's hooks; ``replay.Replay`` rebuilds the
visible state at any step.  This layer sits between the runtime and the tools: it imports the
runtime's layers, never the tools (``tools/recording.py`` runs a program file recorded).
"""

from heapsim.record.recorder import FORMAT_NAME, FORMAT_VERSION, Recorder

__all__ = ["Recorder", "FORMAT_NAME", "FORMAT_VERSION"]
