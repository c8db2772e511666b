import CustosCore
public import Foundation

/// An audience decided and audited (``Contacts/exportAudience(_:actor:reason:at:)``), to be
/// written out: each person's records opened for their address a batch at a time, in the order
/// the store keeps people (the order they were added). Memory holds the decision and one batch,
/// whatever the audience's size.
public struct AudienceExport: Sendable {
    let contacts: Contacts
    let decision: AudienceDecision
    /// The record types the purpose keeps, whose records hold the addresses.
    let types: Set<String>

    /// Opens the people allowed, `batchSize` at a time, and hands each batch that has an address
    /// to `write`; returns how many were handed on and who was left out.
    public func write(
        batchSize: Int = 500, to write: ([AudienceMember]) async throws -> Void
    ) async throws -> AudienceSummary {
        let question = decision.question
        var summary = AudienceSummary(count: 0, denied: decision.denied, withoutAddress: decision.withoutAddress)
        let size = max(1, batchSize)
        for start in stride(from: 0, to: decision.allowed.count, by: size) {
            let batch = decision.allowed[start..<min(start + size, decision.allowed.count)]
            let viewsBySubject = try await contacts.views(of: batch.map(\.subjectID), types: types)
            var members: [AudienceMember] = []
            members.reserveCapacity(batch.count)
            for person in batch {
                guard let views = viewsBySubject[person.subjectID] else { continue }
                guard let address = contacts.address(in: views, channel: question.channel) else {
                    summary.withoutAddress += 1
                    continue
                }
                members.append(
                    AudienceMember(
                        subjectID: person.subjectID, address: address, name: contacts.vault.displayName(of: views),
                        reason: person.reason))
            }
            summary.count += members.count
            if !members.isEmpty { try await write(members) }
        }
        return summary
    }
}
