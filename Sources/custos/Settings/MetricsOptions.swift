import ArgumentParser
import CustosServer
import Foundation
import Metrics

/// `--metrics-address` and `CUSTOS_METRICS_TOKEN`: whether, and where, the server serves
/// `/metrics`. With neither, it serves none.
struct MetricsOptions: ParsableArguments {
    @Option(
        name: .customLong("metrics-address"),
        help: ArgumentHelp(
            "Serve /metrics on an address of its own, HOST:PORT (e.g. 127.0.0.1:9464), and not on the server's; callers there send CUSTOS_METRICS_TOKEN when it is set. Default: CUSTOS_METRICS_ADDRESS. Without it, /metrics is served on the server's own address when CUSTOS_METRICS_TOKEN is set, to callers sending 'Authorization: Bearer TOKEN'.",
            valueName: "HOST:PORT"))
    var metricsAddress: String?

    /// The shortest token taken: a guessable one would open the metrics to anyone.
    static let shortestToken = 24

    /// The metrics asked for, checked; nil when none are.
    func configuration(settings: Settings = .current) throws -> MetricsConfiguration? {
        let token = settings.value(.metricsToken)
        if let token, token.count < Self.shortestToken {
            throw ValidationError(
                "\(settings.origin(of: .metricsToken, givenAsOption: false)): a token has at least \(Self.shortestToken) characters (this one has \(token.count)); make one with: openssl rand -hex 24"
            )
        }
        if let address = metricsAddress ?? settings.value(.metricsAddress) {
            let parts = address.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count >= 2, let port = Int(parts.last!), (1...65_535).contains(port),
                !parts.dropLast().joined(separator: ":").isEmpty
            else {
                let origin = settings.origin(of: .metricsAddress, givenAsOption: metricsAddress != nil)
                throw ValidationError("\(origin): '\(address)' is not HOST:PORT (e.g. 127.0.0.1:9464)")
            }
            return MetricsConfiguration(
                exposure: .listener(host: parts.dropLast().joined(separator: ":"), port: port, token: token))
        }
        return token.map { MetricsConfiguration(exposure: .protected(token: $0)) }
    }

    /// The metrics asked for, with swift-metrics set up to record into them (once per process).
    func bootstrapped() throws -> MetricsConfiguration? {
        guard let metrics = try configuration() else { return nil }
        MetricsSystem.bootstrap(metrics.factory)
        return metrics
    }
}
