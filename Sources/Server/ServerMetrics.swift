import Foundation
import Metrics
import Prometheus

/// The process's Prometheus registry, behind the swift-metrics API that Hummingbird's
/// `MetricsMiddleware` records into (requests by route, method and status; a latency histogram).
/// A process has one metrics system, so the registry is made and bootstrapped once.
final class ServerMetrics: Sendable {
    let registry: PrometheusCollectorRegistry

    static let shared = ServerMetrics()

    private init() {
        registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        // Prometheus names allow [a-zA-Z0-9_:]; swift-metrics labels use dots.
        factory.nameAndLabelSanitizer = { name, labels in
            (Self.sanitise(name), labels.map { (Self.sanitise($0.0), $0.1) })
        }
        MetricsSystem.bootstrap(factory)
    }

    static func sanitise(_ s: String) -> String {
        String(s.map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == ":" ? $0 : "_" })
    }

    /// The text exposition format (version 0.0.4).
    func exposition() -> Data {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return Data(buffer)
    }
}
