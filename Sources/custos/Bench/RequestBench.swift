import CustosCore
import CustosServices
import Foundation

/// The requests part of `custos bench`: access requests taken in and answered with a written
/// package, one at a time and many at once, and approved erasures carried out, for contacts picked
/// at random.
struct RequestBench {
    let vault: Vault
    /// How many requests to time.
    let count: Int

    /// Prints the median and 95th percentile of an access request from creation to a written
    /// package (opened, packaged, zipped and written to a file; every step audited), the rate
    /// sustained with several at once, and the median of an approved erasure carried out.
    func run(folder: URL) async throws {
        let ids = try await vault.subjectIDs(withRecordsOfTypes: ["contact"])
        guard !ids.isEmpty else { return }
        let workers = 2 * ProcessInfo.processInfo.activeProcessorCount
        defer {
            for worker in 0..<workers {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent("package-\(worker).zip"))
            }
        }
        var times: [Double] = []
        for _ in 0..<count {
            let start = DispatchTime.now().uptimeNanoseconds
            try await answerAccessRequest(for: ids[Int.random(in: 0..<ids.count)], folder: folder, index: 0)
            times.append(Self.milliseconds(since: start))
        }
        print(
            "access request, from creation to a written package, among \(ids.count) people: \(BenchCommand.summary(times))"
        )

        let start = DispatchTime.now().uptimeNanoseconds
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<workers {
                group.addTask {
                    for _ in stride(from: worker, to: count, by: workers) {
                        try await answerAccessRequest(
                            for: ids[Int.random(in: 0..<ids.count)], folder: folder, index: worker)
                    }
                }
            }
            try await group.waitForAll()
        }
        let seconds = Self.milliseconds(since: start) / 1000
        print(
            "access requests sustained, \(workers) at once: \(String(format: "%.0f", Double(count) / seconds)) per second (\(count) in \(String(format: "%.2f", seconds)) s)"
        )
        try await eraseApproved(ids)
    }

    /// Times approved erasures carried out (the erasure, its certificate, the Art 19 task and the
    /// audit, in one transaction), after each request is taken in, submitted and approved.
    private func eraseApproved(_ ids: [UUID]) async throws {
        let requests = Requests(vault: vault)
        let erasures = Erasures(vault: vault)
        let today = CalendarDay.today
        var times: [Double] = []
        var whole: [Double] = []
        for _ in 0..<min(count, ids.count) {
            let begun = DispatchTime.now().uptimeNanoseconds
            let request = try await requests.open(
                RequestIntake(
                    kind: .erasure, subjectID: ids[Int.random(in: 0..<ids.count)], channel: .email, receivedOn: today,
                    identityShown: true), actor: "bench")
            if vault.policy.rights.erasureNeedsDPOApproval {
                try await requests.record(.submittedForApproval, request: request.id, on: today, actor: "bench")
                try await requests.record(.approved, request: request.id, on: today, reason: "bench", actor: "dpo")
            }
            // A folder kept from before a policy change may hold a policy that keeps contacts for a
            // public task; the DPO would erase them despite it.
            let despite = try await erasures.assess(request: request.id, on: today).plan.items
                .filter { $0.kept?.mayOverride == true }.map(\.recordType)
            let start = DispatchTime.now().uptimeNanoseconds
            try await erasures.carryOut(
                request: request.id, ground: .consentWithdrawn, eraseDespite: Set(despite), on: today, actor: "bench")
            times.append(Self.milliseconds(since: start))
            whole.append(Self.milliseconds(since: begun))
        }
        print("approved erasure carried out: \(BenchCommand.summary(times))")
        print("erasure request from creation through approval to certificate: \(BenchCommand.summary(whole))")
    }

    private func answerAccessRequest(for subject: UUID, folder: URL, index: Int) async throws {
        let requests = Requests(vault: vault)
        let request = try await requests.open(
            RequestIntake(kind: .access, subjectID: subject, channel: .email, receivedOn: .today, identityShown: true),
            actor: "bench")
        let zip = try await requests.package(request.id, actor: "bench")
        let file = folder.appendingPathComponent("package-\(index).zip")
        try zip.write(to: file)
    }

    private static func milliseconds(since start: UInt64) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
    }
}
