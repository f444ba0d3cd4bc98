"""A throwaway PostgreSQL cluster that only accepts TLS, with its own test CA.

Certificates are made with `cryptography` (already a dependency through asyncua): a CA and
a server certificate for 127.0.0.1/localhost, so `sslmode=verify-full` can be tested for real.
"""
from __future__ import annotations

import contextlib
import datetime
import ipaddress
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from tests.support.pg_cluster import free_port as _free_port, pg_bin as _pg_bin, run_pg_tool


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])


def _certificate(subject: str, issuer_key, issuer: str, key, ca: bool, sans=()) -> x509.Certificate:
    now = datetime.datetime.now(datetime.timezone.utc)
    builder = (x509.CertificateBuilder().subject_name(_name(subject)).issuer_name(_name(issuer))
               .public_key(key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(now - datetime.timedelta(minutes=5)).not_valid_after(now + datetime.timedelta(days=2))
               .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
    if sans:
        builder = builder.add_extension(x509.SubjectAlternativeName(list(sans)), critical=False)
    return builder.sign(issuer_key, hashes.SHA256())


def _pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def make_ca(directory: Path, name: str) -> tuple[Path, object]:
    key = ec.generate_private_key(ec.SECP256R1())
    path = directory / f"{name}.crt"
    path.write_bytes(_pem(_certificate(name, key, name, key, ca=True)))
    return path, key


@contextlib.contextmanager
def tls_cluster() -> Iterator[tuple[int, Path, Path]]:
    """Yields (port, CA certificate of the server, an unrelated CA certificate)."""
    workdir = Path(tempfile.mkdtemp(prefix="duty-pg-tls-"))
    run_as: list[str] = []
    try:
        ca_path, ca_key = make_ca(workdir, "duty-test-ca")
        other_ca, _ = make_ca(workdir, "someone-else-ca")
        server_key = ec.generate_private_key(ec.SECP256R1())
        server_cert = _certificate("127.0.0.1", ca_key, "duty-test-ca", server_key, ca=False,
                                   sans=(x509.IPAddress(ipaddress.ip_address("127.0.0.1")), x509.DNSName("localhost")))
        (workdir / "server.crt").write_bytes(_pem(server_cert))
        (workdir / "server.key").write_bytes(server_key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL, serialization.NoEncryption()))
        os.chmod(workdir / "server.key", 0o600)
        if os.geteuid() == 0:
            run_as = ["runuser", "-u", "postgres", "--"]
            pw = pwd.getpwnam("postgres")
            for path in (workdir, workdir / "server.key", workdir / "server.crt"):
                os.chown(path, pw.pw_uid, pw.pw_gid)
        datadir, port = workdir / "data", _free_port()
        run_pg_tool([*run_as, _pg_bin("initdb"), "-D", str(datadir), "-U", "postgres", "-A", "trust",
                     "-E", "UTF8", "--no-locale"])
        # TLS only: plain TCP connections are rejected by pg_hba
        (datadir / "pg_hba.conf").write_text("hostssl all all 127.0.0.1/32 trust\nlocal all all trust\n")
        options = (f"-p {port} -c listen_addresses=127.0.0.1 -k {workdir} -c fsync=off -c ssl=on "
                   f"-c ssl_cert_file={workdir / 'server.crt'} -c ssl_key_file={workdir / 'server.key'}")
        run_pg_tool([*run_as, _pg_bin("pg_ctl"), "-D", str(datadir), "-o", options, "-w",
                     "-l", str(workdir / "log"), "start"])
        try:
            yield port, ca_path, other_ca
        finally:
            subprocess.run([*run_as, _pg_bin("pg_ctl"), "-D", str(datadir), "-m", "immediate", "stop"],
                           capture_output=True)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
