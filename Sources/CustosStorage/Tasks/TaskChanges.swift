/// Changes to the DPO's tasks.
///
/// One part of a ``ChangeSet``, written in its transaction.
public struct TaskChanges: Sendable {
    /// Added to the task list.
    public var opened: [StoredTask] = []
    /// Tasks marked done.
    public var completions: [TaskCompletion] = []

    public init() {}
}
