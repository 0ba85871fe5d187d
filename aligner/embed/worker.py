"""An encoder worker process: `python -m aligner.embed.worker`, driven by `aligner.embed.pool`.

Reads pickled requests `(texts, is_query)` on stdin and writes pickled replies `("ok", array)` or
`("error", message)` on stdout, until stdin closes. The first reply, `("ready", dim)`, says the
model is loaded. A plain subprocess rather than multiprocessing, because multiprocessing's spawn
re-runs the user's main script in every worker unless it is guarded by `if __name__ == "__main__"`.
"""
from __future__ import annotations

import os
import pickle
import signal
import sys


def main() -> None:
    # Ctrl-C reaches the whole process group: the parent decides, we stop when our stdin closes.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.environ["OMP_NUM_THREADS"] = "1"  # before the engine's libgomp loads
    replies = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # anything else printed (by Python or C) goes to stderr, never into the replies
    sys.stdout = sys.stderr
    requests = sys.stdin.buffer

    from aligner.embed.e5 import embed_in_process, load_engine

    _reply(replies, ("ready", load_engine().dim))
    while True:
        try:
            request = pickle.load(requests)
        except EOFError:
            return
        if request is None:
            return
        texts, is_query = request
        try:
            _reply(replies, ("ok", embed_in_process(texts, is_query)))
        except Exception as exc:  # report, keep serving: the parent decides what to do
            _reply(replies, ("error", repr(exc)))


def _reply(stream, message) -> None:
    pickle.dump(message, stream, protocol=pickle.HIGHEST_PROTOCOL)
    stream.flush()


if __name__ == "__main__":
    main()
