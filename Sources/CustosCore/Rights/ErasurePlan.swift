public import Foundation

/// What an erasure would do with each kind of record a person has: erase it, or keep it under an
/// exemption of UK GDPR Art 17(3), with why. Worked out from the policy alone, before anything is
/// touched, so the DPO can read it before approving:
///
/// - a standing legal hold keeps what it covers (Art 17(3)(e)); release the hold to erase;
/// - a statutory retention period keeps the record type (Art 17(3)(b));
/// - a purpose resting on a legal obligation or a public task keeps it too (Art 17(3)(b); the
///   policy's `survives_erasure` says otherwise), unless the DPO judges the data no longer needed
///   for it and names the type in `eraseDespite`;
/// - everything else is erased.
///
/// When nothing is kept the erasure is of the whole person: their key is destroyed.
public struct ErasurePlan: Sendable, Equatable, Codable {
    /// Why a record type is kept.
    public struct Kept: Sendable, Equatable, Codable {
        public var exemption: ErasureExemption
        /// The reason in words, without personal data: "kept by law: 6 years after leaving (Limitation Act 1980)".
        public var why: String
        /// Whether the DPO may erase it anyway (a public task they judge no longer served); a
        /// legal hold or a statutory period may not be overridden.
        public var mayOverride: Bool
    }

    /// One record type the person has records of.
    public struct Item: Sendable, Equatable, Codable {
        public var recordType: String
        public var typeName: String
        public var count: Int
        /// Nil when the records are erased.
        public var kept: Kept?
        /// The exemption the DPO set aside to erase these records, if any.
        public var overridden: Kept?
    }

    public var items: [Item]

    /// Whether nothing is kept: the person's key is destroyed and their identifiers tombstoned.
    public var erasesEverything: Bool { items.allSatisfy { $0.kept == nil } }
    /// The record types erased.
    public var erasedTypes: [String] { items.filter { $0.kept == nil }.map(\.recordType) }

    /// The plan for a person holding `counts` records by type, on `day`, under `holds` (those
    /// standing that cover the person are applied). Throws when `eraseDespite` names a type the
    /// person has no records of, or one whose exemption may not be set aside.
    public init(
        policy: Policy, subject: UUID, counts: [String: Int], holds: [LegalHold], on day: CalendarDay,
        eraseDespite: Set<String> = []
    ) throws(RequestError) {
        for type in eraseDespite.sorted() where counts[type] == nil {
            throw RequestError("erase_despite: the person has no records of type '\(type)'")
        }
        let ordered =
            policy.recordTypes.map(\.id).filter { counts[$0] != nil }
            + counts.keys.filter { policy.recordType($0) == nil }.sorted()
        items = []
        for type in ordered {
            let recordType = policy.recordType(type)
            var kept = Self.exemption(
                policy: policy, recordType: recordType, type: type, subject: subject, holds: holds, on: day)
            var overridden: Kept?
            if eraseDespite.contains(type), let reason = kept {
                guard reason.mayOverride else {
                    throw RequestError(
                        "erase_despite: '\(type)' cannot be erased: \(reason.why) (\(reason.exemption.reference))")
                }
                overridden = reason
                kept = nil
            }
            items.append(
                Item(
                    recordType: type, typeName: recordType?.name ?? type, count: counts[type] ?? 0, kept: kept,
                    overridden: overridden))
        }
    }

    private static func exemption(
        policy: Policy, recordType: RecordType?, type: String, subject: UUID, holds: [LegalHold],
        on day: CalendarDay
    ) -> Kept? {
        if let hold = holds.first(where: { $0.stands(on: day) && $0.covers(subject: subject, recordType: type) }) {
            let until = hold.endsOn.map { "until \($0.iso)" } ?? "until it is released"
            return Kept(
                exemption: .legalClaims, why: "under a legal hold placed on \(hold.placedOn.iso), \(until)",
                mayOverride: false)
        }
        guard let recordType else { return nil }
        if let rule = policy.retentionRules(of: recordType).first(where: \.statutory) {
            let authority = rule.authority.map { " (\($0))" } ?? ""
            return Kept(
                exemption: .legalObligationOrPublicTask, why: "kept by law: \(rule.plainEnglish)\(authority)",
                mayOverride: false)
        }
        let purposes = recordType.purposes.compactMap { id in policy.purposes.first { $0.id == id } }
        if let purpose = purposes.first(where: \.keepsRecordsOnErasure) {
            let basis = purpose.lawfulBasis.map { " (\($0.title.lowercased()), \($0.reference))" } ?? ""
            return Kept(
                exemption: .legalObligationOrPublicTask, why: "needed for \(purpose.name)\(basis)", mayOverride: true)
        }
        return nil
    }
}
