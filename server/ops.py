"""Operations: /health for probes and /metrics in the Prometheus text format."""

import threading
from collections import Counter

from flask import Blueprint, Response, current_app, jsonify, request

bp = Blueprint("ops", __name__)
BUCKETS = (0.005, 0.01, 0.05, 0.1, 0.5, 1.0, 5.0, 10.0, 30.0)


class Metrics:
    """Counters and a query-duration histogram shared by the request threads."""

    def __init__(self):
        self._lock = threading.Lock()
        self.requests = Counter()
        self.counters = Counter()
        self.buckets = Counter()
        self.duration_sum = 0.0
        self.duration_count = 0

    def count(self, name):
        """Add one to the counter `name`."""
        with self._lock:
            self.counters[name] += 1

    def observe_request(self, endpoint, status):
        """Count a finished request by endpoint and status."""
        with self._lock:
            self.requests[(endpoint, status)] += 1

    def observe_query(self, seconds):
        """Record how long a query took."""
        with self._lock:
            self.duration_sum += seconds
            self.duration_count += 1
            for bound in BUCKETS:
                if seconds <= bound:
                    self.buckets[bound] += 1

    def render(self, extra):
        """All metrics as Prometheus text; `extra` adds gauges {name: value}."""
        with self._lock:
            lines = ["# TYPE atkg_http_requests_total counter"]
            lines += [f'atkg_http_requests_total{{endpoint="{e}",status="{s}"}} {n}'
                      for (e, s), n in sorted(self.requests.items())]
            lines.append("# TYPE atkg_query_duration_seconds histogram")
            lines += [f'atkg_query_duration_seconds_bucket{{le="{b}"}} {self.buckets[b]}' for b in BUCKETS]
            lines.append(f'atkg_query_duration_seconds_bucket{{le="+Inf"}} {self.duration_count}')
            lines.append(f"atkg_query_duration_seconds_sum {self.duration_sum:.6f}")
            lines.append(f"atkg_query_duration_seconds_count {self.duration_count}")
            for name, value in sorted({**self.counters, **extra}.items()):
                lines += [f"# TYPE atkg_{name} gauge", f"atkg_{name} {value}"]
        return "\n".join(lines) + "\n"


def get_metrics():
    """The metrics of the current app."""
    return current_app.extensions["atkg.metrics"]


@bp.route("/health")
def health():
    """Alive, with the data version and the number of running query workers."""
    engine = current_app.extensions["atkg.engine"]
    workers = engine.pool.alive() if engine.pool else None
    healthy = workers is None or workers > 0
    body = {"status": "ok" if healthy else "no query worker is running", "version": engine.version(),
            "workers": workers}
    return jsonify(body), 200 if healthy else 503


@bp.route("/metrics")
def prometheus():
    """Counters for Prometheus."""
    engine, metrics = current_app.extensions["atkg.engine"], get_metrics()
    extra = {"cache_hits_total": engine.cache.hits, "cache_misses_total": engine.cache.misses,
             "cache_bytes": engine.cache.size, "query_timeouts_total": metrics.counters["timeouts"],
             "worker_restarts_total": engine.pool.restarts if engine.pool else 0,
             "workers_alive": engine.pool.alive() if engine.pool else 0}
    return Response(metrics.render(extra), content_type="text/plain; version=0.0.4; charset=utf-8")


def init_app(app):
    """Register the blueprint and count every request."""
    app.extensions["atkg.metrics"] = metrics = Metrics()
    app.register_blueprint(bp)

    @app.after_request
    def _count(response):
        metrics.observe_request(request.endpoint or "none", response.status_code)
        return response
