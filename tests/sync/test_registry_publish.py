"""The field catalogue published into the shared registry tables on a real PostgreSQL backend:
idempotent, updates only what changed, tombstones what the catalogue dropped, and nodes pull it."""
from __future__ import annotations

import dataclasses

from drivers.simulator.catalogue import build_catalogue, subset
from drivers.simulator.ports import SimulatorPorts
from drivers.simulator.plan import simulator_config
from server_link.registry_publish import CameraEntry, catalogue_rows, publish, row_id

SEED = 20180830


def _plan():
    return simulator_config(subset(build_catalogue(SEED), 3), SimulatorPorts(4840, 15020)).to_plan()


def _live_count(env, table):
    return env.query(f"SELECT count(*) FROM {table} WHERE NOT deleted")[0][0]


def test_publish_is_idempotent_updates_and_tombstones_and_reaches_the_nodes(env, node_factory):
    plan = _plan()
    site = next(iter(plan.catalogue.sites.values()))
    camera = CameraEntry("cam-1", "坝顶", site.code, "rtsp://127.0.0.1:8554/cam1/main")
    conn = env.admin()
    conn.autocommit = False
    try:
        first = publish(conn, catalogue_rows(plan, [camera]))
        assert first == {"monitoring_site": 3, "device": 3, "tag": 60, "camera": 1}
        log_size = env.query("SELECT count(*) FROM change_log")[0][0]
        versions = env.query("SELECT id, version FROM tag ORDER BY id")

        assert publish(conn, catalogue_rows(plan, [camera])) == {"monitoring_site": 0, "device": 0, "tag": 0,
                                                                  "camera": 0}
        assert env.query("SELECT count(*) FROM change_log")[0][0] == log_size  # nothing for nodes to pull
        assert env.query("SELECT id, version FROM tag ORDER BY id") == versions

        dropped = next(iter(plan.tags))
        renamed = dataclasses.replace(site, name=site.name + "（新）")
        plan.catalogue.sites[site.code] = renamed
        del plan.tags[dropped]
        assert publish(conn, catalogue_rows(plan, [])) == {"monitoring_site": 1, "device": 0, "tag": 1, "camera": 1}
        assert env.query("SELECT name FROM monitoring_site WHERE code = %s", (site.code,)) == [(renamed.name,)]
        assert env.query("SELECT deleted FROM tag WHERE code = %s", (dropped,)) == [(True,)]
        assert _live_count(env, "tag") == 59 and _live_count(env, "camera") == 0
        assert env.query("SELECT site_id, protocol FROM device WHERE name = %s", (site.code,)) == [
            (row_id("monitoring_site", site.code), "opcua")]
    finally:
        conn.close()

    node = node_factory(site.division)  # the county of the first site pulls its slice like any other row
    node.engine.sync_once()
    codes = {r["code"] for r in node.store.rows("monitoring_site")}
    assert site.code in codes
    assert {r["division"] for r in node.store.rows("tag")} == {site.division}
    assert {r["code"] for r in node.store.rows("tag")} == {
        t for t, b in plan.tags.items() if plan.catalogue.sites[b.spec.site].division == site.division}


def test_sync_publish_catalogue_command_with_a_configured_camera(env, tmp_path, monkeypatch, capsys):
    from tests.support.postgres import backend_node_toml

    from console.cli import main
    from drivers.acq_config import dump_toml

    catalogue = subset(build_catalogue(SEED), 2)
    site = next(iter(catalogue.sites))
    acq = tmp_path / "acq.toml"
    acq.write_text(dump_toml(simulator_config(catalogue, SimulatorPorts(4840, 15020))), encoding="utf-8")
    config = tmp_path / "owner.toml"
    config.write_text(backend_node_toml(
        env.admin_dsn, "130000",
        extra=f'\n[field]\nsites_file = "{acq}"\n\n'
              f'[[video.cameras]]\nid = "cam-1"\nname = "坝顶"\nsite = "{site}"\nmain_url = "rtsp://127.0.0.1:8554/cam1"\n'),
        encoding="utf-8")
    monkeypatch.setenv("DUTY_CONSOLE_HOME", str(tmp_path / "home"))
    assert main(["--config", str(config), "sync", "publish-catalogue"]) == 0
    assert "monitoring_site 2, device 2, tag 40, camera 1" in capsys.readouterr().out
    assert main(["--config", str(config), "sync", "publish-catalogue"]) == 0
    assert "monitoring_site 0, device 0, tag 0, camera 0" in capsys.readouterr().out
    assert env.query("SELECT name, url FROM camera") == [("坝顶", "rtsp://127.0.0.1:8554/cam1")]
