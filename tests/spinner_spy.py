"""What the page's spinners say, and in which keyed container each is drawn (an AppTest draws no spinner text)."""
from __future__ import annotations

import contextlib


def watch_spinners(monkeypatch) -> list[tuple[str, str | None]]:
    """From now on, each `st.spinner` the page opens is recorded as (its text, the key of the container it sits in):
    a correction's spinner must be in the slot kept at the top of the sidebar, which stays in sight as it scrolls."""
    import streamlit
    from streamlit.delta_generator_singletons import context_dg_stack

    seen: list[tuple[str, str | None]] = []
    container = streamlit.container

    def keyed(*args, **kwargs):  # a container, tagged with its key
        made = container(*args, **kwargs)
        made.test_key = kwargs.get("key")
        return made

    @contextlib.contextmanager
    def spinner(text, *args, **kwargs):
        seen.append((text, [getattr(dg, "test_key", None) for dg in context_dg_stack.get()][-1]))
        yield

    monkeypatch.setattr(streamlit, "spinner", spinner)
    monkeypatch.setattr(streamlit, "container", keyed)
    return seen
