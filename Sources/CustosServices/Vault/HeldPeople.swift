import Foundation

/// The blind indexes of a batch of records' identifiers and lookups, and the people already held
/// whom they find: looked up once a batch (``Vault/heldPeople(of:)``), so that the door's
/// decision on each record and the record's writing read the same people, and read them once.
struct HeldPeople: Sendable {
    /// For each record, each role's identifier indexes, in the order of the role's identifier
    /// fields.
    var identifiers: [[String: [(kind: String, index: Data)]]]
    /// For each record, each role's lookups' indexes: they find someone held and are not kept.
    var lookups: [[String: [Data]]]
    /// The people each index of every record finds.
    var found: [Data: [UUID]]

    /// Every index of every record, identifiers' and lookups'.
    var indexes: [Data] {
        identifiers.flatMap { $0.values.joined().map(\.index) } + lookups.flatMap { $0.values.joined() }
    }

    /// Those of the records at `positions`, in that order.
    func subset(_ positions: [Int]) -> HeldPeople {
        HeldPeople(
            identifiers: positions.map { identifiers[$0] }, lookups: positions.map { lookups[$0] }, found: found)
    }
}
