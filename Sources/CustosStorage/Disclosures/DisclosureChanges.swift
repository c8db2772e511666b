/// Changes to the disclosure log.
///
/// One part of a ``ChangeSet``, written in its transaction.
public struct DisclosureChanges: Sendable {
    /// Added to the disclosure log.
    public var recorded: [StoredDisclosure] = []
    /// People told of disclosures made without telling them.
    public var tellings: [DisclosureTelling] = []

    public init() {}
}
