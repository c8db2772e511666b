import Foundation

/// Walks a list in ``SubjectOrder`` alongside the people of an audience (in the same order),
/// handing over each person's elements in turn.
struct SubjectWalk<Element: Sendable>: Sendable {
    private let elements: [Element]
    private let subject: @Sendable (Element) -> UUID
    private var position = 0

    init(_ elements: [Element], subject: @escaping @Sendable (Element) -> UUID) {
        self.elements = elements
        self.subject = subject
    }

    /// The walk started at the first element whose subject is not before `key`, found by
    /// halving: audiences walk several stretches of one list at once.
    func starting(at key: (UInt64, UInt64)) -> SubjectWalk {
        var walk = self
        var (low, high) = (0, elements.count)
        while low < high {
            let middle = (low + high) / 2
            if SubjectOrder.key(subject(elements[middle])) < key { low = middle + 1 } else { high = middle }
        }
        walk.position = low
        return walk
    }

    /// The elements of the subject with `key`; those of subjects before it are passed over. Keys
    /// asked for must not go backwards.
    mutating func elements(of key: (UInt64, UInt64)) -> ArraySlice<Element> {
        while position < elements.count, SubjectOrder.key(subject(elements[position])) < key { position += 1 }
        let start = position
        while position < elements.count, SubjectOrder.key(subject(elements[position])) == key { position += 1 }
        return elements[start..<position]
    }
}
