"""A start can tell, before it imports Qt, whether another editor is listening."""

from __future__ import annotations

from app import workspace_root
from app.instance_name import editor_seems_running
from app.single_instance import InstanceServer, server_name


def test_a_start_sees_a_running_editor_before_it_imports_qt(qapp) -> None:
    root = workspace_root()
    assert not editor_seems_running(root)
    server = InstanceServer(server_name(root))
    assert server.try_listen()
    try:
        # The file Qt's local server made is where the Qt-free check looks for it.
        assert editor_seems_running(root)
    finally:
        server.close()
    assert not editor_seems_running(root)
