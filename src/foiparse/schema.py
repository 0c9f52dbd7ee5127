"""JSON Schema of the record ``Letter.to_dict()`` produces, generated from the attrs classes.

Each record class's fields give the properties and their types (through the type hints); the
few places where the JSON form differs from the attrs form are declared once below:
``Field`` values appear as their plain string with the span under ``spans``, ``Exemption`` adds
its canonical ``id``, ``Source`` pairs OCR pages with their confidence, and ``Letter.text`` only
appears when asked for. ``foiparse schema`` prints the result; a copy ships as package data
(``foiparse/data/letter.schema.json``) and a test keeps the two identical.
"""

from __future__ import annotations

import enum
import json
import types
import typing
from importlib import resources
from typing import Any

import attrs

from foiparse.records import Answer, Exemption, Field, Letter, Question, Source, Span

SCHEMA_ID = "urn:foiparse:schema:letter:1"

_NULL = {"type": "null"}

#: Keys a class's JSON form adds to its fields.
_EXTRA: dict[type, dict[str, dict[str, Any]]] = {
    Exemption: {"id": {"type": "string", "description": "canonical id, 'REGIME provision'"}},
    Letter: {
        "spans": {
            "type": "object",
            "description": "where reference, authority and date were found",
            "properties": {k: {"anyOf": [{"$ref": "#/$defs/Span"}, _NULL]}
                           for k in ("reference", "authority", "date")},
            "additionalProperties": False,
        }
    },
}
#: Fields whose JSON form is not their attrs form.
_REPLACED: dict[tuple[type, str], dict[str, Any] | None] = {
    (Source, "ocr_pages"): {
        "type": "array",
        "description": "pages read by OCR, with Tesseract's mean confidence (0-100)",
        "items": {
            "type": "object",
            "properties": {"page": {"type": "integer"}, "confidence": {"type": "number"}},
            "required": ["page", "confidence"],
            "additionalProperties": False,
        },
    },
    (Source, "ocr_confidence"): None,  # folded into ocr_pages
}
#: Fields present only in some records (``text`` with include_text, OCR details when OCR ran).
_OPTIONAL = {(Letter, "text"), (Source, "ocr_pages")}
_RECORDS = (Span, Question, Answer, Exemption, Source)


def _type_schema(tp: Any) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        members = [a for a in typing.get_args(tp) if a is not type(None)]
        inner = [_type_schema(a) for a in members]
        nullable = len(members) < len(typing.get_args(tp))
        return {"anyOf": [*inner, _NULL]} if nullable else (inner[0] if len(inner) == 1 else {"anyOf": inner})
    if origin is tuple:
        return {"type": "array", "items": _type_schema(typing.get_args(tp)[0])}
    if tp is Field:
        return {"type": "string"}
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return {"type": "string", "enum": [m.value for m in tp]}
    if isinstance(tp, type) and attrs.has(tp):
        return {"$ref": f"#/$defs/{tp.__name__}"}
    simple = {str: "string", int: "integer", float: "number", bool: "boolean"}
    if tp in simple:
        return {"type": simple[tp]}
    raise TypeError(f"no JSON Schema for {tp!r}")


def _object_schema(cls: type) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in attrs.fields(cls):
        key = (cls, field.name)
        if key in _REPLACED:
            replaced = _REPLACED[key]
            if replaced is None:
                continue
            properties[field.name] = replaced
        else:
            properties[field.name] = _type_schema(hints[field.name])
        if key not in _OPTIONAL:
            required.append(field.name)
    for name, extra in _EXTRA.get(cls, {}).items():
        properties[name] = extra
        required.append(name)
    doc = (cls.__doc__ or "").strip().split("\n\n")[0]
    return {
        "type": "object",
        "description": " ".join(doc.split()),
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def letter_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one record as ``Letter.to_dict()`` returns it."""
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "foiparse Letter",
        **_object_schema(Letter),
        "$defs": {cls.__name__: _object_schema(cls) for cls in _RECORDS},
    }
    return schema


def error_record_schema() -> dict[str, Any]:
    """The JSON Schema of the record printed in place of a letter that failed to parse."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "foiparse error record",
        "type": "object",
        "properties": {
            "source": {"type": "object", "properties": {"path": {"type": ["string", "null"]}},
                       "required": ["path"]},
            "error": {
                "type": "object",
                "properties": {"type": {"type": "string"}, "message": {"type": "string"}},
                "required": ["type", "message"],
                "additionalProperties": False,
            },
        },
        "required": ["source", "error"],
        "additionalProperties": False,
    }


def shipped_schema() -> dict[str, Any]:
    """The schema shipped as package data (``foiparse/data/letter.schema.json``)."""
    text = resources.files("foiparse").joinpath("data/letter.schema.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def dumps(schema: dict[str, Any]) -> str:
    """The schema as the JSON text written to the package data file."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
