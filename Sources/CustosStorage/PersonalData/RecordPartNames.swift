public import Foundation

/// The blind index of the name in one person's part of a record: keyed hashes of its words (for a
/// search by name) and of the whole name (for suggesting that two people are one). Never the name:
/// the hashes tell who shares a word of a name, not what the word is.
public struct RecordPartNames: Sendable, Hashable {
    /// One keyed hash per word of the name (``DisplayName/words(_:)``).
    public var words: [Data]
    /// The keyed hash of the whole name, its words sorted; nil for a name of one word.
    public var whole: Data?
    /// Whether the part may have been indexed before (an update, a merge): its old entries are
    /// removed first. A new part has none to remove.
    public var replacing: Bool

    /// How far a search by name counts a word's entries to find the rarest: past this, a word is
    /// common enough. The same on every backend.
    public static let wordCountCap = 10_000

    public init(words: [Data], whole: Data?, replacing: Bool) {
        self.words = words
        self.whole = whole
        self.replacing = replacing
    }
}
