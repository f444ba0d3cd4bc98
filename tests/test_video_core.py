"""Qt-free parts of the video wall: config, registry, health, back-off, layouts, tour."""
from __future__ import annotations

import pytest

from console.config import NodeConfig, load_config
from domain.config_files import ConfigError
from domain.divisions import hebei
from console.video import rtsp_support
from console.video.cameras import Camera, CameraRegistry, redact
from console.video.health import Backoff, TileHealth, TileState
from console.video.layouts import LAYOUTS, LayoutStore, Tour, WallLayout, cells
from console.video.player import picture_size, relay_command, relay_listing
from console.video.service import popup_wanted
from domain.values import AlarmLevel


def write(tmp_path, text):
    path = tmp_path / "node.toml"
    path.write_text(text, encoding="utf-8")
    return path


CAMERA = """
[[video.cameras]]
id = "c1"
name = "坝顶"
site = "TP13028301"
main_url = "{url}"
"""


def test_camera_config_loads_and_derives_division(tmp_path):
    config = load_config(write(tmp_path, CAMERA.format(url="rtsp://10.0.0.5/main") + 'username = "viewer"\npassword_env = "CAM_PW"\n'))
    camera = Camera.from_config(config.video.cameras[0])
    assert camera.division == "130283" and camera.sub_url == camera.main_url


def test_credentials_in_url_are_rejected_without_echoing_them(tmp_path):
    with pytest.raises(ConfigError) as error:
        load_config(write(tmp_path, CAMERA.format(url="rtsp://admin:s3cret@10.0.0.5/main")))
    assert "video.cameras.0.main_url" in str(error.value) and "s3cret" not in str(error.value)


def test_unknown_site_and_duplicate_ids_are_named(tmp_path):
    with pytest.raises(ConfigError, match="site 'TP99999901'"):
        load_config(write(tmp_path, CAMERA.format(url="rtsp://h/m").replace("TP13028301", "TP99999901")))
    twice = CAMERA.format(url="rtsp://h/m") * 2
    with pytest.raises(ConfigError, match="duplicate camera id 'c1'"):
        load_config(write(tmp_path, twice))


def test_password_goes_only_into_the_client_url(monkeypatch):
    monkeypatch.setenv("CAM_PW", "p@ss:word")
    camera = Camera("c", "n", "TP13028301", "130283", "rtsp://h:554/main", "rtsp://h:554/sub", "viewer", "CAM_PW")
    source = camera.source(main=False)
    assert source.url == "rtsp://h:554/sub" and "p@ss" not in repr(source)
    assert source.url_with_credentials() == "rtsp://viewer:p%40ss%3Aword@h:554/sub"
    assert redact(source.url_with_credentials()) == "rtsp://h:554/sub"


def test_tree_follows_jurisdiction():
    cameras = [Camera("a", "A", "TP13028301", "130283", "rtsp://h/a", "rtsp://h/a"),
               Camera("b", "B", "HC13048101", "130481", "rtsp://h/b", "rtsp://h/b")]
    registry = CameraRegistry(cameras, {"TP13028301": "迁安尾矿库"})
    province = registry.tree(hebei(), "130000")
    assert [child.code for child in province.children] == ["130200", "130400"]
    tangshan = registry.tree(hebei(), "130200")
    county = tangshan.children[0]
    assert county.code == "130283" and county.sites[0].name == "迁安尾矿库"
    assert [c.id for c in county.sites[0].cameras] == ["a"] and not tangshan.children[1:]
    assert registry.for_site("HC13048101")[0].id == "b"


def test_backoff_doubles_to_the_cap_and_resets():
    backoff = Backoff(1, 30)
    assert [backoff.next_delay() for _ in range(7)] == [1, 2, 4, 8, 16, 30, 30]
    backoff.reset()
    assert backoff.next_delay() == 1


def test_live_only_when_frames_advance_and_stall_is_caught():
    health = TileHealth(stall_timeout_s=3, connect_timeout_s=10)
    health.connecting(0.0)
    assert health.observe(1.0, 0).drop is False and health.state is TileState.CONNECTING
    health.observe(1.5, 12)
    assert health.state is TileState.LIVE and health.first_frame_at == 1.5
    health.observe(3.0, 40)
    assert not health.observe(5.9, 40).drop  # 2.9 s without a frame: still live
    verdict = health.observe(6.1, 40)
    assert verdict.drop and health.state is TileState.LOST and health.reason == "stalled"
    assert health.countdown(6.1) == pytest.approx(1.0)
    assert health.observe(6.5, 40).reconnect is False
    assert health.observe(7.2, 40).reconnect is True


def test_no_first_frame_and_errors_back_off():
    health = TileHealth(stall_timeout_s=3, connect_timeout_s=5, max_delay_s=4)
    delays = []
    now = 0.0
    for _ in range(4):
        health.connecting(now)
        assert health.failed(now + 0.1, "error").drop
        delays.append(round(health.countdown(now + 0.1), 3))
        now = health.retry_at
    assert delays == [1, 2, 4, 4] and health.failures == 4
    health.connecting(now)
    assert health.observe(now + 5.5, 0).drop and health.reason == "no picture"


@pytest.mark.parametrize("layout, grid, count", [("1", 1, 1), ("4", 2, 4), ("9", 3, 9), ("16", 4, 16),
                                                 ("1+5", 3, 6), ("1+7", 4, 8)])
def test_layout_cells_cover_the_grid_once(layout, grid, count):
    size, tiles = cells(layout)
    assert size == grid and len(tiles) == count
    covered = [(r + dr, c + dc) for r, c, rs, cs in tiles for dr in range(rs) for dc in range(cs)]
    assert sorted(covered) == [(r, c) for r in range(grid) for c in range(grid)]


def test_unknown_layout_is_named():
    with pytest.raises(ValueError, match="unknown wall layout '6'"):
        cells("6")
    assert set(LAYOUTS) == {"1", "4", "9", "16", "1+5", "1+7"}


def test_layouts_are_saved_per_operator(tmp_path):
    store = LayoutStore(tmp_path)
    store.save("张三", WallLayout("1+5", {0: "c1", 3: "c2"}, ["c1", "c2"], 1))
    store.save("li/si", WallLayout("16"))
    assert store.load("张三") == WallLayout("1+5", {0: "c1", 3: "c2"}, ["c1", "c2"], 1)
    assert store.load("li/si").layout == "16" and store.load("nobody") is None
    (tmp_path / "wall-broken.json").write_text("{\"layout\": \"7\"}")
    with pytest.raises(ValueError, match="wall-broken.json: not a saved wall layout"):
        store.load("broken")


def test_tour_cycles_on_its_interval():
    tour = Tour(["a", "b", "c"], interval_s=10)
    seen = [tour.due(t) for t in (0, 5, 10, 20, 30)]
    assert seen == ["a", None, "b", "c", "a"]
    assert Tour([], 10).due(0) is None


def test_popup_level_policy():
    assert popup_wanted("orange", AlarmLevel.RED) and popup_wanted("orange", AlarmLevel.ORANGE)
    assert not popup_wanted("orange", AlarmLevel.YELLOW)
    assert not popup_wanted("off", AlarmLevel.RED)


def test_rtsp_support_is_detected_at_run_time():
    support = rtsp_support.detect()
    assert support.plugin_dir is not None and support.plugin_dir.is_dir()
    has_live555 = any(support.plugin_dir.rglob("liblive555_plugin*"))
    assert support.libvlc_has_rtsp == has_live555
    assert support.route == ("direct" if has_live555 else "relay")
    assert ("no RTSP" in support.describe()) != has_live555


def test_embedded_default_has_video_defaults():
    video = NodeConfig().video
    assert video.network_caching_ms == 300 and video.simulated_cameras >= 4 and video.cameras == []


def test_self_test_reports_how_rtsp_plays():
    from console.self_test import check_video_rtsp

    result = check_video_rtsp(NodeConfig())
    assert result.ok and result.detail == rtsp_support.detect().describe()


def test_popup_trigger_fires_once_per_new_occurrence_at_the_level():
    from types import SimpleNamespace as Rec

    from console.video.service import PopupTrigger

    trigger = PopupTrigger("orange")
    red = Rec(site="TP13028301", level=AlarmLevel.RED, active=True, occurrence_id="o1")
    yellow = Rec(site="HC13048101", level=AlarmLevel.YELLOW, active=True, occurrence_id="o2")
    cleared = Rec(site="TP13052301", level=AlarmLevel.RED, active=False, occurrence_id="o3")
    assert trigger.sites([red, yellow, cleared]) == ["TP13028301"]
    assert trigger.sites([red]) == []  # the same occurrence again (acknowledged, escalated…)
    assert PopupTrigger("off").sites([Rec(**{**vars(red), "occurrence_id": "o4"})]) == []


@pytest.mark.parametrize("coded, visible", [((640, 368), (640, 360)), ((320, 192), (320, 180)),
                                            ((1920, 1088), (1920, 1080)), ((640, 480), (640, 480)),
                                            ((704, 576), (704, 576)), ((1280, 720), (1280, 720))])
def test_frames_are_asked_at_the_visible_size(coded, visible):
    assert picture_size(*coded) == visible


def test_relay_listing_quotes_the_url_and_asks_for_tcp():
    listing = relay_listing("rtsp://viewer:p%40ss@h:554/it's").decode()
    assert "file 'rtsp://viewer:p%40ss@h:554/it'\\''s'" in listing.splitlines()
    assert "option rtsp_transport tcp" in listing.splitlines()
    assert not any("p%40ss" in part for part in relay_command())
    with pytest.raises(ValueError, match="line break"):
        relay_listing("rtsp://h/a\nfile 'other'")
