"""ctypes declarations of the libziggeo C ABI (include/ziggeo.h).

Every function gets ``argtypes`` and ``restype``. Handles are typed pointers
to opaque structures, so ctypes rejects a pointer of the wrong kind. Owned
``char *`` results are received as ``c_void_p`` (``c_char_p`` would copy the
text and lose the pointer that ``ziggeo_string_free`` needs), copied with
:func:`take_string`, and freed exactly once.
"""

from __future__ import annotations

import ctypes
from ctypes import POINTER, c_bool, c_char_p, c_int, c_int32, c_size_t, c_uint32, c_uint64, c_void_p

from ._loader import load_library


class ZiggeoClient(ctypes.Structure):
    """Opaque ``ZiggeoClient``."""


class ZiggeoDelivery(ctypes.Structure):
    """Opaque ``ZiggeoDelivery``."""


class ZiggeoError(ctypes.Structure):
    """Opaque ``ZiggeoError``."""


class ZiggeoOptions(ctypes.Structure):
    """Opaque ``ZiggeoOptions``."""


ClientPtr = POINTER(ZiggeoClient)
DeliveryPtr = POINTER(ZiggeoDelivery)
ErrorPtr = POINTER(ZiggeoError)
OptionsPtr = POINTER(ZiggeoOptions)
ErrorOut = POINTER(ErrorPtr)
OwnedStringOut = POINTER(c_void_p)

# ZiggeoStatus and ZiggeoDeliveryKind are C enums, passed as int.
Status = c_int
DeliveryKind = c_int

# name: (restype, argtypes)
SIGNATURES: dict[str, tuple[object, list[object]]] = {
    "ziggeo_client_new": (Status, [c_char_p, c_char_p, OptionsPtr, POINTER(ClientPtr), ErrorOut]),
    "ziggeo_client_free": (None, [ClientPtr]),
    "ziggeo_delivery_parse": (Status, [c_char_p, c_char_p, c_size_t, POINTER(DeliveryPtr), ErrorOut]),
    "ziggeo_delivery_kind": (DeliveryKind, [DeliveryPtr]),
    "ziggeo_delivery_event_type": (c_char_p, [DeliveryPtr]),
    "ziggeo_delivery_webhook_id": (c_char_p, [DeliveryPtr]),
    "ziggeo_delivery_validation_code": (c_char_p, [DeliveryPtr]),
    "ziggeo_delivery_json": (Status, [DeliveryPtr, OwnedStringOut, ErrorOut]),
    "ziggeo_delivery_free": (None, [DeliveryPtr]),
    "ziggeo_error_code": (Status, [ErrorPtr]),
    "ziggeo_error_message": (c_char_p, [ErrorPtr]),
    "ziggeo_error_http_status": (c_int32, [ErrorPtr]),
    "ziggeo_error_body": (c_char_p, [ErrorPtr]),
    "ziggeo_error_outcome_unknown": (c_bool, [ErrorPtr]),
    "ziggeo_error_free": (None, [ErrorPtr]),
    "ziggeo_options_new": (OptionsPtr, []),
    "ziggeo_options_free": (None, [OptionsPtr]),
    "ziggeo_options_set_base_url": (Status, [OptionsPtr, c_char_p, ErrorOut]),
    "ziggeo_options_set_timeout_ms": (Status, [OptionsPtr, c_uint64, ErrorOut]),
    "ziggeo_options_set_connect_timeout_ms": (Status, [OptionsPtr, c_uint64, ErrorOut]),
    "ziggeo_options_set_max_retries": (Status, [OptionsPtr, c_uint32, ErrorOut]),
    "ziggeo_options_set_user_agent": (Status, [OptionsPtr, c_char_p, ErrorOut]),
    "ziggeo_options_set_ca_bundle": (Status, [OptionsPtr, c_char_p, ErrorOut]),
    "ziggeo_options_set_proxy_from_env": (Status, [OptionsPtr, c_bool, ErrorOut]),
    "ziggeo_status_message": (c_char_p, [c_int32]),
    "ziggeo_string_free": (None, [c_void_p]),
    "ziggeo_version": (c_char_p, []),
    "ziggeo_webhooks_create": (Status, [ClientPtr, c_char_p, c_char_p, c_char_p, OwnedStringOut, ErrorOut]),
    "ziggeo_webhooks_confirm": (Status, [ClientPtr, c_char_p, c_char_p, OwnedStringOut, ErrorOut]),
    "ziggeo_webhooks_delete": (Status, [ClientPtr, c_char_p, OwnedStringOut, ErrorOut]),
    "ziggeo_webhooks_confirm_delivery": (Status, [ClientPtr, DeliveryPtr, OwnedStringOut, ErrorOut]),
}


def _declare(library: ctypes.CDLL) -> ctypes.CDLL:
    for name, (restype, argtypes) in SIGNATURES.items():
        function = getattr(library, name)
        function.restype = restype
        function.argtypes = argtypes
    return library


lib = _declare(load_library())


def take_string(pointer: c_void_p) -> str:
    """Copy an owned ``char *`` into a str and free it with ``ziggeo_string_free``.

    The pointer must not be used afterwards. A NULL pointer gives "".
    """
    if not pointer.value:
        return ""
    try:
        return ctypes.string_at(pointer.value).decode("utf-8")
    finally:
        lib.ziggeo_string_free(pointer)
        pointer.value = None


def borrowed_text(value: bytes | None) -> str | None:
    """Decode a borrowed ``const char *`` result, already copied by ctypes."""
    return None if value is None else value.decode("utf-8", errors="replace")
