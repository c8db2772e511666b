import Foundation

/// Ids (or blind indexes) cut into runs for statements that take a list (`WHERE id IN (…)`): at
/// most 512 a run, each run padded with its last id repeated up to a power of two. A statement over
/// a run then has one of ten texts, so it is prepared once and found in the cache after, however
/// many ids a change set holds; the repeats change nothing, since `IN` matches a row once.
struct IDRuns<ID>: Sequence {
    /// The longest run.
    static var longest: Int { 512 }

    let ids: [ID]

    init(_ ids: [ID]) {
        self.ids = ids
    }

    func makeIterator() -> AnyIterator<[ID]> {
        var start = ids.startIndex
        return AnyIterator {
            guard start < ids.endIndex else { return nil }
            let end = Swift.min(start + Self.longest, ids.endIndex)
            var run = Array(ids[start..<end])
            start = end
            var padded = 1
            while padded < run.count { padded *= 2 }
            run.append(contentsOf: repeatElement(run[run.count - 1], count: padded - run.count))
            return run
        }
    }
}
