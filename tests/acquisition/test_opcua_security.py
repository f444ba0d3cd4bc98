"""OPC UA Basic256Sha256 against a real asyncua server: right credentials read; a wrong
password and a certificate other than the pinned one are refused."""
from __future__ import annotations

import asyncio
import socket

import pytest
from asyncua import Server, ua
from asyncua.crypto import cert_gen
from asyncua.server.user_managers import UserManager
from asyncua.crypto.permission_rules import User, UserRole
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import ExtendedKeyUsageOID

from drivers.acq_config import EndpointSettings
from domain.values import Quality
from drivers.opcua_client import CLIENT_APPLICATION_URI
from drivers.probe import ProbeError, read_once


class OnePassword(UserManager):
    def get_user(self, iserver, username=None, password=None, certificate=None):
        return User(role=UserRole.User) if (username, password) == ("duty", "s3cret") else None


def _certificate(tmp_path, name, uri, usage):
    key = cert_gen.generate_private_key()
    cert = cert_gen.generate_self_signed_app_certificate(
        key, name, {}, [x509.UniformResourceIdentifier(uri), x509.DNSName("localhost"),
                        x509.DNSName(socket.gethostname())], [usage])
    (tmp_path / f"{name}.pem").write_bytes(cert_gen.dump_private_key_as_pem(key))
    (tmp_path / f"{name}.der").write_bytes(cert.public_bytes(Encoding.DER))
    return tmp_path / f"{name}.der", tmp_path / f"{name}.pem"


@pytest.fixture()
def pki(tmp_path):
    server = _certificate(tmp_path, "server", "urn:hebei-duty:test-server", ExtendedKeyUsageOID.SERVER_AUTH)
    client = _certificate(tmp_path, "client", CLIENT_APPLICATION_URI, ExtendedKeyUsageOID.CLIENT_AUTH)
    impostor = _certificate(tmp_path, "impostor", "urn:hebei-duty:impostor", ExtendedKeyUsageOID.SERVER_AUTH)
    return server, client, impostor


async def _secure_server(url, server_cert, server_key) -> Server:
    server = Server(user_manager=OnePassword())
    await server.init()
    server.set_endpoint(url)
    server.set_security_policy([ua.SecurityPolicyType.Basic256Sha256_SignAndEncrypt,
                                ua.SecurityPolicyType.Basic256Sha256_Sign])
    await server.load_certificate(str(server_cert))
    await server.load_private_key(str(server_key))
    ns = await server.register_namespace("urn:test")
    await server.nodes.objects.add_variable(ua.NodeId("Pond01.WaterLevel", ns), "WaterLevel", 12.5)
    await server.start()
    return server


def test_security_right_credentials_read_wrong_password_and_unpinned_certificate_refused(pki, monkeypatch):
    (server_cert, server_key), (client_cert, client_key), (impostor_cert, _) = pki
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"opc.tcp://127.0.0.1:{port}/secure"
    point = f"{url}#ns=2;s=Pond01.WaterLevel"
    monkeypatch.setenv("DUTY_OPC_PASSWORD", "s3cret")
    monkeypatch.setenv("DUTY_OPC_WRONG", "guess")

    def settings(**changes):
        base = dict(url=url, security_policy="Basic256Sha256", security_mode="SignAndEncrypt",
                    certificate=client_cert, private_key=client_key, server_certificate=server_cert,
                    username="duty", password_env="DUTY_OPC_PASSWORD")
        return EndpointSettings(**(base | changes))

    async def scenario():
        server = await _secure_server(url, server_cert, server_key)
        try:
            reading = await read_once(point, settings())
            assert (reading.value, reading.quality) == (12.5, Quality.GOOD)
            signed = await read_once(point, settings(security_mode="Sign"))
            assert signed.value == 12.5
            with pytest.raises(ProbeError, match="refused|cannot connect"):
                await read_once(point, settings(password_env="DUTY_OPC_WRONG"))
            with pytest.raises(ProbeError, match="refused|cannot connect"):
                await read_once(point, settings(server_certificate=impostor_cert), timeout=2)
            with pytest.raises(ProbeError):  # no security at all: the server offers none
                await read_once(point, EndpointSettings(url=url), timeout=2)
        finally:
            await server.stop()

    asyncio.run(scenario())
