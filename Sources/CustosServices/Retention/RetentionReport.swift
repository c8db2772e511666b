/// What a retention run did.
public struct RetentionReport: Sendable, Equatable {
    /// People whose every record had run its course: erased whole (their key destroyed).
    public var subjectsErased = 0
    /// People who lost the records of some types and keep others.
    public var subjectsPartlyErased = 0
    /// Records anonymised: their statistical fields kept apart, the person's part erased.
    public var recordsAnonymised = 0
    /// Reviews put on the DPO's task list.
    public var reviewsAdded = 0
    /// Items a legal hold or a restriction (Art 18) stopped.
    public var held = 0
    /// People erased by destroying their key (by this run, or by one stopped before it purged)
    /// whose sealed rows were then purged.
    public var sealedRowsPurged = 0

    public init() {}
}
