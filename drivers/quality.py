"""Mapping protocol-level outcomes onto the shared `Quality` scale. Qt-free.

OPC UA status codes carry their severity in the top two bits (Good 00, Uncertain 01,
Bad 10); a few Bad codes mean "the server is fine but the value is wrong" and map to
BAD_OUT_OF_RANGE or BAD_CONFIG rather than BAD_COMM. Modbus exception codes 1-3 are
configuration mistakes on our side (function, address, value); 4 and above are the
device or gateway failing.
"""
from __future__ import annotations

from domain.values import Quality

_OPCUA_CONFIG = {
    0x80340000,  # BadNodeIdUnknown
    0x80330000,  # BadNodeIdInvalid
    0x80350000,  # BadAttributeIdInvalid
    0x803A0000,  # BadNotReadable
    0x80740000,  # BadTypeMismatch
    0x801F0000,  # BadUserAccessDenied
}
_OPCUA_OUT_OF_RANGE = {
    0x803C0000,  # BadOutOfRange
    0x80750000,  # BadSensorFailure
}


def from_opcua_status(code: int) -> Quality:
    """Quality for an OPC UA StatusCode value (an int, `StatusCode.value`)."""
    severity = code >> 30
    if severity == 0:
        return Quality.GOOD
    if severity == 1:
        return Quality.UNCERTAIN_STALE
    masked = code & 0xFFFF0000
    if masked in _OPCUA_CONFIG:
        return Quality.BAD_CONFIG
    if masked in _OPCUA_OUT_OF_RANGE:
        return Quality.BAD_OUT_OF_RANGE
    return Quality.BAD_COMM


def from_modbus_exception(code: int) -> Quality:
    """Quality for a Modbus exception response code."""
    if code in (1, 2, 3):  # illegal function / data address / data value
        return Quality.BAD_CONFIG
    return Quality.BAD_COMM


def check_range(value: float, span_lo: float, span_hi: float, margin: float = 0.1) -> Quality:
    """BAD_OUT_OF_RANGE when a value is far outside its instrument span (a broken sensor)."""
    width = span_hi - span_lo
    if value != value or value < span_lo - margin * width or value > span_hi + margin * width:
        return Quality.BAD_OUT_OF_RANGE
    return Quality.GOOD
