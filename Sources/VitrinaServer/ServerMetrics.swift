import Prometheus
import Synchronization

/// Prometheus metrics of the server: requests and latency per route, index size and generation.
final class ServerMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    private let documents: Gauge
    private let generation: Gauge
    /// Collectors by route, method and status, so a request does not build names and labels.
    private let collectors = Mutex<[Key: (requests: Counter, duration: DurationHistogram)]>([:])

    private struct Key: Hashable {
        var route: String
        var method: String
        var status: Int
    }

    /// Latency buckets: searches are expected well under 5 ms, writes can take seconds.
    static let buckets: [Duration] = [
        .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5),
        .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
        .milliseconds(500), .seconds(1), .seconds(5),
    ]

    init() {
        documents = registry.makeGauge(
            descriptor: MetricNameDescriptor(
                namespace: "vitrina", metricName: "index", unitName: "documents",
                helpText: "Live documents in the snapshot being served."))
        generation = registry.makeGauge(
            descriptor: MetricNameDescriptor(
                namespace: "vitrina", metricName: "index_snapshot", unitName: "generation",
                helpText: "Commit generation of the snapshot being served."))
    }

    /// Records one finished request.
    func record(route: String, method: String, status: Int, duration: Duration) {
        let key = Key(route: route, method: method, status: status)
        let (requests, histogram) = collectors.withLock { collectors in
            if let found = collectors[key] { return found }
            let made = makeCollectors(key)
            collectors[key] = made
            return made
        }
        requests.increment()
        histogram.record(duration)
    }

    private func makeCollectors(_ key: Key) -> (requests: Counter, duration: DurationHistogram) {
        let requests = registry.makeCounter(
            descriptor: MetricNameDescriptor(
                namespace: "vitrina", metricName: "http_requests", unitName: "total",
                helpText: "HTTP requests by route, method and status."),
            labels: [("route", key.route), ("method", key.method), ("status", String(key.status))])
        let duration = registry.makeDurationHistogram(
            descriptor: MetricNameDescriptor(
                namespace: "vitrina", metricName: "http_request_duration", unitName: "seconds",
                helpText: "Time from request to response by route."),
            labels: [("route", key.route)], buckets: Self.buckets)
        return (requests, duration)
    }

    /// Records the snapshot being served.
    func snapshot(generation: Int, documents: Int) {
        self.generation.set(Double(generation))
        self.documents.set(Double(documents))
    }

    /// The Prometheus text exposition.
    func text() -> [UInt8] { registry.emitToBuffer() }
}
