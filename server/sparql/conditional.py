"""Conditional requests: an answer's ETag, and the 304 for a client that already holds that answer.

The If-None-Match comparison is werkzeug's (Flask's conditional responses): weak tags, lists and * match.
"""

import hashlib

from flask import Response, request


def etag(version, *key):
    """The ETag of the answer to `key` on data `version`; None when the data has no version (a remote store)."""
    if version is None:
        return None
    return hashlib.sha256(repr((version, *key)).encode()).hexdigest()[:32]


def not_modified(tag):
    """The 304 answer when this GET's If-None-Match holds `tag`, else None; asked before any work is done."""
    if tag is None or not request.if_none_match:  # most requests hold none; the comparison costs ~20 us
        return None
    response = Response(headers={"Vary": "Accept"})
    response.set_etag(tag)
    response.make_conditional(request)
    return response if response.status_code == 304 else None
