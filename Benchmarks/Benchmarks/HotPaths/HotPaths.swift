import Benchmark
import CustosCore
import CustosServices
import Foundation

/// The hot paths every use of personal data takes, on an SQLite store of 1,000 ASSET contacts
/// made once per run: the contact decision, a find by email, a read through the door (decided
/// and audited), an access request answered with a package, a batch of an import, and an audit
/// append. Names have no spaces: the threshold files are named after them, and the benchmark
/// tool of 1.38.1 writes spaces as underscores but reads them as spaces. Allocations are held to thresholds (`Thresholds/`, checked by
/// `swift package benchmark thresholds check`); times are recorded, with a wide margin, since
/// this machine is shared. Instruction counts need performance counters, which not every
/// machine lends (`perf stat -e instructions true` tells), and CPU time is counted here only in
/// 10 ms ticks; both are left out.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
        timeUnits: .microseconds,
        maxDuration: .seconds(3),
        maxIterations: 2_000,
        thresholds: [
            .mallocCountTotal: BenchmarkThresholds(relative: [.p50: 5, .p90: 10]),
            .wallClock: BenchmarkThresholds(relative: [.p50: 100, .p90: 200]),
            .peakMemoryResident: BenchmarkThresholds(relative: [.p90: 50]),
        ]
    )

    // The contact decision for one person, in process.
    Benchmark("contact-decision") { benchmark in
        let fixture = try await Fixture.shared
        let contacts = Contacts(vault: fixture.vault)
        benchmark.startMeasurement()
        for index in benchmark.scaledIterations {
            blackHole(try await contacts.decide(subject: fixture.person(index), Fixture.newsletter))
        }
    }

    // A person found by email (a blind index).
    Benchmark("find-by-email") { benchmark in
        let fixture = try await Fixture.shared
        benchmark.startMeasurement()
        for index in benchmark.scaledIterations {
            blackHole(
                try await fixture.vault.subjectIDs(
                    identifierKind: "email", value: Fixture.email(index % Fixture.people)))
        }
    }

    // A person read through the door for a purpose: decided, opened, audited (one durable commit).
    Benchmark("read-through-the-door") { benchmark in
        let fixture = try await Fixture.shared
        benchmark.startMeasurement()
        for index in benchmark.scaledIterations {
            blackHole(
                try await fixture.vault.read(
                    subject: fixture.person(index), as: fixture.dpo, purpose: "account_management",
                    reason: "benchmark"))
        }
    }

    // An access request taken in and answered with a package (opened, zipped; every step audited).
    Benchmark("access-request") { benchmark in
        let fixture = try await Fixture.shared
        let requests = Requests(vault: fixture.vault)
        benchmark.startMeasurement()
        for index in benchmark.scaledIterations {
            let request = try await requests.open(
                RequestIntake(
                    kind: .access, subjectID: fixture.person(index), channel: .email, receivedOn: .today,
                    identityShown: true), actor: "benchmark")
            blackHole(try await requests.package(request.id, actor: "benchmark"))
        }
    }

    // A batch of an import: 500 contacts, each found and updated.
    Benchmark("import-batch", configuration: .init(maxIterations: 50)) { benchmark in
        let fixture = try await Fixture.shared
        let importer = RecordImporter(
            vault: fixture.vault, recordType: fixture.contactType, as: fixture.dpo, purpose: "account_management")
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try await importer.run(file: fixture.batchFile, dryRun: false))
        }
    }

    // One audit entry appended (one durable commit).
    Benchmark("audit-append") { benchmark in
        let fixture = try await Fixture.shared
        benchmark.startMeasurement()
        for index in benchmark.scaledIterations {
            try await fixture.vault.audit([
                AuditEvent(
                    workspaceID: fixture.vault.workspace.id, time: Date(), actor: "benchmark", action: "subject.read",
                    purpose: "account_management", subjectID: fixture.person(index), detail: "benchmark")
            ])
        }
    }
}
