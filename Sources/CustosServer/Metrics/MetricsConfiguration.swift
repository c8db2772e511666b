import CustosServices
public import Prometheus

/// How the server is watched: `/metrics` in Prometheus's text format, holding what swift-metrics
/// records into ``registry`` (requests by route and status, their durations, sweeps, audit
/// appends) and the casework counts read at each scrape (``CaseworkGauges``). Nothing in it is
/// personal data: routes are templates (`/api/v1/subjects/:subject`), labels are workspace names,
/// kinds and statuses.
public struct MetricsConfiguration: Sendable {
    /// Where `/metrics` is served.
    public enum Exposure: Sendable, Equatable {
        /// On the server's own address, to callers sending `Authorization: Bearer TOKEN`.
        case protected(token: String)
        /// On an address of its own (a private interface, or loopback for a local agent), and
        /// there to callers sending the token when one is given.
        case listener(host: String, port: Int, token: String?)
    }

    /// Where metrics are recorded; ``factory`` writes into it.
    public let registry: PrometheusCollectorRegistry
    public var exposure: Exposure

    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry(), exposure: Exposure) {
        self.registry = registry
        self.exposure = exposure
    }

    /// The swift-metrics factory to set up once per process (`MetricsSystem.bootstrap`): metric
    /// and label names made Prometheus's (`http.route` becomes `http_route`), and buckets fit for
    /// audit appends, which take well under a millisecond.
    public var factory: PrometheusMetricsFactory {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.nameAndLabelSanitizer = { name, labels in
            (Self.sanitized(name), labels.map { (Self.sanitized($0.0), $0.1) })
        }
        factory.durationHistogramBuckets[ServiceMetrics.auditAppend] = [
            .microseconds(50), .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1),
            .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(100),
        ]
        factory.durationHistogramBuckets[ServiceMetrics.retentionSweep] = [
            .seconds(1), .seconds(5), .seconds(15), .seconds(60), .seconds(300), .seconds(900), .seconds(3600),
        ]
        return factory
    }

    /// `name` with every character Prometheus does not allow in names replaced by `_`.
    static func sanitized(_ name: String) -> String {
        String(
            name.unicodeScalars.map { scalar in
                let allowed =
                    ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
                    || ("0"..."9").contains(scalar) || scalar == "_"
                return allowed ? Character(scalar) : "_"
            })
    }
}
