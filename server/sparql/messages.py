"""The words of the endpoint's refusals: plain-text answers a person can act on."""

import re

from flask import Response

from atkg.server.engine import answers
from atkg.server.engine.pool import Busy, QueryTimeout
from atkg.server.sparql.describe import endpoint_url
from atkg.server.ops import get_metrics
from atkg.server.sparql.protocol import ProtocolError

POSITION = re.compile(r"error at (\d+):(\d+)")


def plain(status, message, **headers):
    """A plain-text answer, the form every refusal of this service takes."""
    return Response(message.rstrip() + "\n", status=status, headers=headers,
                    content_type="text/plain; charset=utf-8")


def failure_message(error, what):
    """The store's complaint about a query or update, in a sentence, its position said in words."""
    message = POSITION.sub(lambda m: f"error at line {m[1]}, column {m[2]}", str(error), count=1)
    message = message.split(", [")[0].split(" ['")[0]
    if error.syntax:
        return f"The {what} is not valid SPARQL: {message}"
    return f"The {what} could not be carried out: {message}"


def overload(error, timeout):
    """The 503 for a query stopped at the time limit, a busy service or a worker that died."""
    if isinstance(error, QueryTimeout):
        get_metrics().timeouts.inc()
        return ProtocolError(503, f"The query took longer than the limit of {timeout:g} seconds and was "
                                  "stopped (query timed out). Narrow it down, for example with LIMIT or more "
                                  "specific patterns, or download the data (see /.well-known/void).")
    if isinstance(error, Busy):
        return ProtocolError(503, "The service is busy with other queries; please try again in a moment.")
    return ProtocolError(503, "The query engine stopped while answering and is restarting; please try "
                              "again in a moment.")


def limits_url():
    """The address of the page that says what the row and time limits are (the link in a cut answer)."""
    return endpoint_url() + "/limits"  # under ATKG_PUBLIC_URL behind a proxy, like the endpoint


def mark_truncated(response, max_rows, *, advice="", fmt=None):
    """Say that an answer was cut at the row limit: in the headers (and, after it, what the reader can
    do), and in the body's head where its format `fmt` has a place for a link (SPARQL JSON and XML)."""
    if fmt:
        response.set_data(answers.with_link(response.get_data(), fmt, limits_url()))
    response.headers["X-ATKG-Truncated"] = "true"
    response.headers["X-SPARQL-MaxRows"] = str(max_rows)
    response.headers["Warning"] = (f'199 atkg "Only the first {max_rows} results are shown: this service '
                                   f'sends at most that many.{advice}"')
