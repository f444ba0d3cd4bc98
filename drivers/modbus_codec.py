"""Modbus register decoding and block planning. Qt-free.

Hand-written on `struct` on purpose: pymodbus' `convert_from_registers` handles word
order only, and the byte-swapped orders (BADC, DCBA) that real devices use need a swap
anyway, so all four orders go through one small, tested path here.
"""
from __future__ import annotations

import struct
from dataclasses import dataclass, field
from typing import Literal

DataType = Literal["int16", "uint16", "int32", "uint32", "float32", "float64", "bool"]
WordOrder = Literal["ABCD", "CDAB", "BADC", "DCBA"]
Table = Literal["hr", "ir", "co", "di"]

DATA_TYPES: dict[str, tuple[str, int]] = {  # struct code (big-endian), registers
    "int16": ("h", 1), "uint16": ("H", 1), "int32": ("i", 2), "uint32": ("I", 2),
    "float32": ("f", 2), "float64": ("d", 4), "bool": ("?", 1),
}
ORDERS = ("ABCD", "CDAB", "BADC", "DCBA")
BIT_TABLES = ("co", "di")
MAX_REGISTERS = 125  # per read, Modbus application protocol §6.3
MAX_BITS = 2000


def register_count(data_type: str) -> int:
    return DATA_TYPES[data_type][1]


def _reorder(words: list[int], order: str) -> list[int]:
    """Between wire order and canonical big-endian (ABCD) — the mapping is its own inverse."""
    if order in ("CDAB", "DCBA"):
        words = words[::-1]
    if order in ("BADC", "DCBA"):
        words = [((w & 0xFF) << 8) | (w >> 8) for w in words]
    return words


def decode(registers: list[int], data_type: str, order: str = "ABCD") -> float:
    code, count = DATA_TYPES[data_type]
    if len(registers) != count:
        raise ValueError(f"{data_type} needs {count} registers, got {len(registers)}")
    if data_type == "bool":
        return float(bool(registers[0]))
    words = _reorder(list(registers), order)
    raw = struct.pack(f">{count}H", *words)
    return float(struct.unpack(f">{code}", raw)[0])


def encode(value: float, data_type: str, order: str = "ABCD") -> list[int]:
    code, count = DATA_TYPES[data_type]
    if data_type == "bool":
        return [1 if value else 0]
    number = value if code in "fd" else int(round(value))
    words = list(struct.unpack(f">{count}H", struct.pack(f">{code}", number)))
    return _reorder(words, order)


@dataclass(frozen=True)
class Point:
    """One value on a Modbus device: table, first register/bit, type and order."""

    table: Table
    address: int
    data_type: DataType = "float32"
    order: WordOrder = "ABCD"

    @property
    def width(self) -> int:
        return 1 if self.table in BIT_TABLES else register_count(self.data_type)


@dataclass
class Block:
    """One read request: a contiguous range of one table and the points inside it."""

    table: Table
    start: int
    count: int
    members: list[tuple[object, Point]] = field(default_factory=list)


def plan_blocks(points: list[tuple[object, Point]], max_gap: int = 8) -> list[Block]:
    """Merge points into as few reads as the protocol allows.

    Neighbours in the same table join one block if the gap between them is at most
    `max_gap` registers (reading a few unused registers is cheaper than another round
    trip) and the block stays within 125 registers / 2000 bits.
    """
    blocks: list[Block] = []
    for table in ("hr", "ir", "co", "di"):
        limit = MAX_BITS if table in BIT_TABLES else MAX_REGISTERS
        members = sorted((m for m in points if m[1].table == table), key=lambda m: m[1].address)
        current: Block | None = None
        for key, point in members:
            end = point.address + point.width
            if current is not None and point.address - (current.start + current.count) <= max_gap \
                    and end - current.start <= limit:
                current.count = max(current.count, end - current.start)
                current.members.append((key, point))
                continue
            current = Block(table, point.address, point.width, [(key, point)])
            blocks.append(current)
    return blocks


def values_of(block: Block, data: list) -> list[tuple[object, float]]:
    """Decode every member of a block from the registers/bits the read returned."""
    out = []
    for key, point in block.members:
        offset = point.address - block.start
        if block.table in BIT_TABLES:
            out.append((key, float(bool(data[offset]))))
        else:
            out.append((key, decode(data[offset:offset + point.width], point.data_type, point.order)))
    return out
