import CustosServices

/// The body of `/readyz`: the outcome, and each check by name.
struct ReadinessDocument: Encodable {
    struct Check: Encodable {
        var passed: Bool
        var detail: String
    }

    var status: String
    var checks: [String: Check]

    init(_ readiness: Readiness) {
        status = readiness.isReady ? "ready" : "not_ready"
        checks = Dictionary(
            readiness.checks.map { ($0.name, Check(passed: $0.passed, detail: $0.detail)) },
            uniquingKeysWith: { first, _ in first })
    }
}
