"""Cameras from the backend: `camera` rows in the node's store (written through LocalStore,
or applied as the sync engine applies server rows), scoped to the node's jurisdiction, with
passwords resolved on the node from a credential reference and never stored in the row."""
from __future__ import annotations

import json
import logging
import sqlite3
import threading

import pytest

from console.config import NodeConfig, NodeSection, VideoSection
from console.context import AppContext
from domain.divisions import hebei
from console.video.camera_secrets import env_name
from console.video.health import TileState
from console.video.service import VideoService
from server_link.local_store import LocalStore
from tests.support.rtsp import rtsp_cameras
from tests.support.sync_env import settle, server_rows
from tests.sync.conftest import env, node_factory, sync_template  # noqa: F401  (real PostgreSQL backend)

NODE = "130200"  # Tangshan: sees Qian'an (130283), not Wu'an (130481, Handan)
PASSWORD = "Zq9-secret"
LIVE_MS = 30_000


@pytest.fixture()
def store(tmp_path):
    store = LocalStore(tmp_path / "store.sqlite", NODE, hebei())
    yield store
    store.close()


def node_config(tmp_path, **video) -> NodeConfig:
    secrets = tmp_path / "camera-secrets.toml"
    secrets.write_text(f'"gate-1" = "{PASSWORD}"\n', encoding="utf-8")
    secrets.chmod(0o600)
    settings = dict(render="frames", stall_timeout_s=2.0, connect_timeout_s=15.0, simulated_cameras=0,
                    camera_secrets_file=secrets)
    return NodeConfig(node=NodeSection(division=NODE), video=VideoSection(**{**settings, **video}))


def add_site(store) -> str:
    return store.insert("monitoring_site", "130283", code="TP13028301", kind="tailings_pond", name="迁安尾矿库")


def server_row(**fields) -> dict:
    """A camera row as the sync engine hands it over from the server."""
    return dict({"version": 7, "origin_node": "130000", "deleted": False, "updated_at": 1.0,
                 "field_clock": None, "sub_url": None, "username": None, "credential_ref": None}, **fields)


def changed_registry(service):
    """An event set by the service's next registry change, and the registry it brought."""
    seen, event = [], threading.Event()
    service.on_registry(lambda registry: (seen.append(registry), event.set()))
    return event, seen


def test_store_cameras_of_the_jurisdiction_join_the_registry(tmp_path, store):
    site = add_site(store)
    camera_id = store.insert("camera", "130283", site_id=site, name="坝顶", url="rtsp://10.1.2.3/main",
                             sub_url="rtsp://10.1.2.3/sub", username="viewer", credential_ref="gate-1")
    store.apply_server_rows("camera", [
        server_row(id="c-wuan", division="130481", site_id="s-x", name="罐顶", url="rtsp://10.9.9.9/m"),
        server_row(id="c-gone", division="130283", site_id=site, name="旧", url="rtsp://10.1.2.4/m", deleted=True),
        server_row(id="c-leaky", division="130283", site_id=site, name="泄", url="rtsp://u:pw@10.1.2.5/m"),
    ])
    service = VideoService(node_config(tmp_path), store).start()
    try:
        registry = service.registry
        assert list(registry.by_id) == [camera_id]
        camera = registry.get(camera_id)
        assert (camera.site, camera.division, camera.sub_url) == ("TP13028301", "130283", "rtsp://10.1.2.3/sub")
        assert registry.site_names["TP13028301"] == "迁安尾矿库"
        assert camera.source(main=False).password == PASSWORD
        assert [s.code for s in registry.tree(hebei(), NODE).children[0].sites] == ["TP13028301"]
    finally:
        service.stop()


def test_a_write_through_the_store_refreshes_the_registry(tmp_path, store):
    service = VideoService(node_config(tmp_path), store).start()
    try:
        assert len(service.registry) == 0
        event, seen = changed_registry(service)
        camera_id = store.insert("camera", "130283", site_id="TP13028301", name="溢洪道", url="rtsp://h/m")
        assert event.wait(10), "no registry change after a camera was written"
        assert seen[-1].get(camera_id).name == "溢洪道" and service.registry is seen[-1]
        event.clear()
        store.delete("camera", camera_id)
        assert event.wait(10) and service.registry.get(camera_id) is None
    finally:
        service.stop()


def test_rows_applied_by_sync_are_found_without_a_wake_up(tmp_path, store, monkeypatch):
    """Server rows do not call the store's write listeners; the watcher's own rounds find them."""
    monkeypatch.setattr("console.video.service.STORE_POLL_S", 0.2)
    service = VideoService(node_config(tmp_path), store).start()
    try:
        event, seen = changed_registry(service)
        store.apply_server_rows("camera", [server_row(id="c-sync", division="130283", site_id="TP13028301",
                                                      name="排洪井", url="rtsp://h/s")])
        assert event.wait(10) and seen[-1].get("c-sync").name == "排洪井"
    finally:
        service.stop()


def test_secrets_readable_by_others_are_refused_without_showing_them(tmp_path, caplog, monkeypatch):
    from console.video.camera_secrets import camera_password

    secrets = tmp_path / "open.toml"
    secrets.write_text(f'"gate-1" = "{PASSWORD}"\n', encoding="utf-8")
    secrets.chmod(0o644)
    with caplog.at_level(logging.WARNING):
        assert camera_password("gate-1", secrets) is None
    assert "chmod 600" in caplog.text and PASSWORD not in caplog.text
    monkeypatch.setenv(env_name("gate-1"), "from-env")
    assert env_name("gate-1") == "DUTY_CAMERA_SECRET_GATE_1" and camera_password("gate-1", secrets) == "from-env"


def test_backend_camera_plays_with_its_node_secret_and_the_secret_stays_out(qtbot, tmp_path, store, caplog):
    """A password-protected RTSP camera written as a row: it plays through the page, and the
    password is in no stored row, outbox op, log line or on-screen text. A changed sub-stream
    reaches the playing tile."""
    from console.pages.video import VideoPage

    caplog.set_level(logging.DEBUG)
    with rtsp_cameras(1, user="viewer", password=PASSWORD) as server:
        camera_id = store.insert("camera", "130283", site_id="TP13028301", name="闸门", url=server.url(1, "main"),
                                 sub_url=server.url(1, "main"), username="viewer", credential_ref="gate-1")
        config = node_config(tmp_path)
        service = VideoService(config, store).start()
        page = VideoPage(AppContext(config, operator="张三", services={"video": service, "store": store}))
        qtbot.addWidget(page)
        try:
            assert page.tree.camera_ids() == [camera_id]
            tile = page.wall.tiles[0]
            assert tile.camera.id == camera_id
            qtbot.waitUntil(lambda: tile.health.state is TileState.LIVE, timeout=LIVE_MS)
            store.update("camera", camera_id, sub_url=server.url(1, "sub"))
            qtbot.waitUntil(lambda: tile.connection is not None
                            and tile.connection.source.url == server.url(1, "sub"), timeout=10_000)
            qtbot.waitUntil(lambda: tile.health.state is TileState.LIVE, timeout=LIVE_MS)
            texts = [tile.title.text(), tile.state_label.text(), tile.age_label.text(), page.status.text()]
            assert not any(PASSWORD in text for text in texts)
        finally:
            page.shutdown()
            service.stop()
    assert PASSWORD not in caplog.text
    with sqlite3.connect(store.path) as db:
        stored = json.dumps(db.execute("SELECT * FROM camera").fetchall() + db.execute("SELECT * FROM outbox").fetchall())
    assert PASSWORD not in stored and "gate-1" in stored


def test_camera_rows_replicate_through_the_backend_to_the_jurisdiction(tmp_path, env, node_factory):
    """Written at the city node, pushed to PostgreSQL, pulled by the county (which shows it)
    and not by a county elsewhere; the server's row names the credential, never the password."""
    city, county, elsewhere = node_factory("130200"), node_factory("130283"), node_factory("130481")
    camera_id = city.store.insert("camera", "130283", site_id="TP13028301", name="坝顶", url="rtsp://10.1.2.3/main",
                                  sub_url="rtsp://10.1.2.3/sub", username="viewer", credential_ref="gate-1")
    settle([city, county, elsewhere], rounds=2)
    row = server_rows(env, "camera", {"130283"})[camera_id]
    assert (row["sub_url"], row["username"], row["credential_ref"]) == ("rtsp://10.1.2.3/sub", "viewer", "gate-1")
    assert PASSWORD not in json.dumps(row)
    for node, expected in ((county, [camera_id]), (elsewhere, [])):
        config = NodeConfig(node=NodeSection(division=node.division), video=VideoSection(simulated_cameras=0))
        service = VideoService(config, node.store).start()
        try:
            assert list(service.registry.by_id) == expected
        finally:
            service.stop()
