import CustosCore
import CustosServices
import Foundation

/// The audience part of `custos bench`: consents, withdrawals, suppressions and restrictions
/// mixed into the synthetic contacts, then the audience decided and exported.
struct AudienceBench {
    let vault: Vault
    /// How many synthetic contacts were imported (`SyntheticData.email(0..<count)`).
    let count: Int

    /// Of every 100 contacts: 70 consented, 10 consented then withdrew, 5 on the suppression list
    /// (of those consented), 2 restricted; the rest never said.
    func mix() async throws {
        let ids = try await vault.subjectIDs(withRecordsOfTypes: ["contact"])
        let time = Date()
        let contacts = Contacts(vault: vault)
        var changes = CarriedLedger()
        func flush(force: Bool = false) async throws {
            guard force || changes.count >= 20_000 else { return }
            try await contacts.carryOver(changes, actor: "bench", at: time)
            changes = CarriedLedger()
        }
        for (position, id) in ids.enumerated() {
            let bucket = position % 100
            if bucket < 80 {
                changes.consents.append(entry(id, .given, time))
            }
            if bucket >= 70, bucket < 80 {
                changes.consents.append(entry(id, .withdrawn, time + 1))
            }
            if bucket == 80 || bucket == 81 {
                changes.processingStates.append(
                    ProcessingStateEntry(
                        subjectID: id, purpose: nil, state: .restricted, reason: "bench", recordedBy: "bench",
                        recordedAt: time))
            }
            try await flush()
        }
        for number in 0..<count where number % 20 == 3 {
            changes.suppressions.append(
                CarriedLedger.Suppression(
                    kind: "email", value: SyntheticData.email(number), scope: .marketing, reason: .optOut))
            try await flush()
        }
        try await flush(force: true)
    }

    private func entry(_ subject: UUID, _ action: ConsentAction, _ time: Date) -> ConsentEntry {
        ConsentEntry(
            subjectID: subject, purpose: "marketing", channel: .email, list: "newsletter", action: action,
            wording: nil, policyVersion: 1, source: .import, recordedBy: "bench", recordedAt: time)
    }

    /// Prints, when `exporting`, the time and memory to export the audience with addresses (first,
    /// so that the peak memory after it is the export's), then the time to decide it (best of
    /// three); mixes consents and the rest in first unless told they are there already.
    func run(mixing: Bool = true, exporting: Bool = true) async throws {
        if mixing { try await mix() }
        let contacts = Contacts(vault: vault)
        let question = ContactQuestion(purpose: "marketing", channel: .email, list: "newsletter")
        if exporting {
            let start = Date()
            let before = BenchCommand.peakResidentMegabytes()
            var writer = AudienceWriter(format: .csv, question: question)
            var bytes = try writer.opening().utf8.count
            let summary = try await contacts.exportAudience(question, actor: "bench").write { members in
                bytes += try writer.members(members).utf8.count
            }
            print(
                "audience exported as CSV with addresses opened: \(summary.count) people (\(bytes / 1_000_000) MB) in \(String(format: "%.1f", Date().timeIntervalSince(start))) s; peak resident memory \(before) MB before, \(BenchCommand.peakResidentMegabytes()) MB after"
            )
        }
        var best = Double.infinity
        var decided: AudienceDecision?
        for _ in 0..<3 {
            let start = DispatchTime.now().uptimeNanoseconds
            decided = try await contacts.decideAudience(question)
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000_000)
        }
        let allowed = decided?.allowed.count ?? 0
        let denied = (decided?.denied ?? [:]).sorted { $0.key.rawValue < $1.key.rawValue }
            .map { "\($0.value) \($0.key.rawValue)" }.joined(separator: ", ")
        print(
            "audience decided over \(count) contacts: \(String(format: "%.3f", best)) s (\(allowed) allowed; \(denied))"
        )
        var times: [Double] = []
        let ids = (decided?.allowed ?? []).prefix(2_000).map(\.subjectID)
        for id in ids {
            let started = DispatchTime.now().uptimeNanoseconds
            _ = try await contacts.decide(subject: id, question)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000)
        }
        if !times.isEmpty { print("one contact decision, in process: \(BenchCommand.summary(times))") }
    }
}
