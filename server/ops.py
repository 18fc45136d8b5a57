"""Operations: /health for probes and /metrics for Prometheus (prometheus_client's registry and text)."""

from flask import Blueprint, Response, current_app, jsonify, request
from prometheus_client import CollectorRegistry, Counter, Histogram
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily
from prometheus_client.exposition import choose_encoder

bp = Blueprint("ops", __name__)
BUCKETS = (0.005, 0.01, 0.05, 0.1, 0.5, 1.0, 5.0, 10.0, 30.0)


class Metrics:
    """The app's own registry: requests, query durations and timeouts, and the engine's figures at scrape time."""

    def __init__(self, engine):
        self.registry = CollectorRegistry()
        self.requests = Counter("atkg_http_requests", "Requests answered, by endpoint and status.",
                                ["endpoint", "status"], registry=self.registry)
        self.durations = Histogram("atkg_query_duration_seconds", "How long queries took, in seconds.",
                                   buckets=BUCKETS, registry=self.registry)
        self.timeouts = Counter("atkg_query_timeouts", "Queries stopped at the time limit.", registry=self.registry)
        self.registry.register(EngineCollector(engine))

    def observe_request(self, endpoint, status):
        """Count a finished request by endpoint and status."""
        self.requests.labels(endpoint, str(status)).inc()

    def observe_query(self, seconds):
        """Record how long a query took."""
        self.durations.observe(seconds)


class EngineCollector:
    """The answer cache's and the query workers' figures, read from the engine when Prometheus asks."""

    def __init__(self, engine):
        self.engine = engine

    def collect(self):
        """The figures as metric families."""
        cache, pool = self.engine.cache, self.engine.pool
        yield CounterMetricFamily("atkg_cache_hits", "Answers found in the cache.", value=cache.hits)
        yield CounterMetricFamily("atkg_cache_misses", "Answers not found in the cache.", value=cache.misses)
        yield GaugeMetricFamily("atkg_cache_bytes", "Bytes the answer cache holds.", value=cache.size)
        yield CounterMetricFamily("atkg_worker_restarts", "Query workers replaced.",
                                  value=pool.restarts if pool else 0)
        yield GaugeMetricFamily("atkg_workers_alive", "Query workers running.", value=pool.alive() if pool else 0)


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
    """The metrics in the format the scraper asks for: Prometheus text by default, or OpenMetrics."""
    encode, content_type = choose_encoder(request.headers.get("Accept"))
    return Response(encode(get_metrics().registry), content_type=content_type)


def init_app(app):
    """Register the blueprint and count every request (after the engine: its figures are read at scrape time)."""
    app.extensions["atkg.metrics"] = metrics = Metrics(app.extensions["atkg.engine"])
    app.register_blueprint(bp)

    @app.after_request
    def _count(response):
        metrics.observe_request(request.endpoint or "none", response.status_code)
        return response
