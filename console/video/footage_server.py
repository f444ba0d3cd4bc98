"""RTSP cameras from generated test footage, for the simulator, tests and benchmarks.

Runs as its own process under the system Python (`/usr/bin/python3`), because GStreamer's
RTSP server comes from Debian's python3-gi, not from PyPI: start it through
`console.video.footage.FootageServer`, never import it. Serves `/cam<N>/main` and
`/cam<N>/sub` on 127.0.0.1 (H.264 from `videotestsrc`, a different pattern per camera),
prints `PORT <n>` once listening, and exits when its stdin closes, so it never outlives
the process that started it.
"""
import argparse
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtspServer  # noqa: E402

# Cheap patterns (pinwheel and spokes cost 2-3 times as much to draw); the first four are
# never mostly black, so "the picture is not black" is a fair test on cameras 1-4.
PATTERNS = ("smpte", "gamut", "checkers-8", "smpte75", "colors", "ball", "smpte100", "bar")


def pipeline(number, width, height, fps):
    pattern = PATTERNS[number % len(PATTERNS)]
    return (
        f"( videotestsrc is-live=true pattern={pattern} horizontal-speed=2 "
        f"! video/x-raw,width={width},height={height},framerate={fps}/1 "
        f"! x264enc tune=zerolatency speed-preset=ultrafast key-int-max={fps} bitrate=800 "
        f"! rtph264pay name=pay0 pt=96 config-interval=1 )"
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cameras", type=int, default=4)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--main-size", default="1280x720")
    parser.add_argument("--sub-size", default="640x360")
    parser.add_argument("--fps", type=int, default=25)
    parser.add_argument("--user")
    parser.add_argument("--password")
    args = parser.parse_args()
    Gst.init(None)
    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service(str(args.port))
    if args.user:
        auth = GstRtspServer.RTSPAuth()
        token = GstRtspServer.RTSPToken()
        token.set_string("media.factory.role", args.user)
        auth.add_basic(GstRtspServer.RTSPAuth.make_basic(args.user, args.password or ""), token)
        server.set_auth(auth)
    mounts = server.get_mount_points()
    for number in range(1, args.cameras + 1):
        for stream, size in (("main", args.main_size), ("sub", args.sub_size)):
            width, height = (int(part) for part in size.split("x"))
            factory = GstRtspServer.RTSPMediaFactory()
            factory.set_launch(pipeline(number - 1, width, height, args.fps))
            factory.set_shared(True)
            if args.user:
                permissions = GstRtspServer.RTSPPermissions()
                permissions.add_role(args.user)
                permissions.add_permission_for_role(args.user, "media.factory.access", True)
                permissions.add_permission_for_role(args.user, "media.factory.construct", True)
                factory.set_permissions(permissions)
            mounts.add_factory(f"/cam{number}/{stream}", factory)
    server.attach(None)
    loop = GLib.MainLoop()
    GLib.io_add_watch(sys.stdin, GLib.PRIORITY_DEFAULT, GLib.IO_IN | GLib.IO_HUP | GLib.IO_ERR,
                      lambda source, condition: _stdin_event(source, loop))
    print(f"PORT {server.get_bound_port()}", flush=True)
    loop.run()


def _stdin_event(source, loop):
    if not source.readline():
        loop.quit()
        return False
    return True


if __name__ == "__main__":
    main()
