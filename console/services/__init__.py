"""Qt services: what runs beside the pages and hands its threads' results to the GUI thread.

Every hand-over from a worker, driver, sync or journal thread goes through one `GuiInbox`
(`gui_inbox.py`). Services import no page and no widget (enforced by the import contracts).
"""
