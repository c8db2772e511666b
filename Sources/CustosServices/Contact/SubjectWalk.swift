import CustosStorage
import Foundation

/// Walks a list in ``SubjectOrder`` alongside the people of an audience (in the same order),
/// handing over each person's elements in turn.
struct SubjectWalk<Element: Sendable>: Sendable {
    private let elements: [Element]
    /// The subject key of each element, worked out once: the walk compares keys, never elements.
    private let keys: [(UInt64, UInt64)]
    private var position = 0

    init(_ elements: [Element], subject: (Element) -> UUID) {
        self.elements = elements
        keys = elements.map { SubjectOrder.key(subject($0)) }
    }

    /// The walk started at the first element whose subject is not before `key`, found by
    /// halving: a walk may start part-way through its list.
    func starting(at key: (UInt64, UInt64)) -> SubjectWalk {
        var walk = self
        var (low, high) = (0, keys.count)
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < key { low = middle + 1 } else { high = middle }
        }
        walk.position = low
        return walk
    }

    /// The elements of the subject with `key`; those of subjects before it are passed over. Keys
    /// asked for must not go backwards.
    mutating func elements(of key: (UInt64, UInt64)) -> ArraySlice<Element> {
        while position < keys.count, keys[position] < key { position += 1 }
        let start = position
        while position < keys.count, keys[position] == key { position += 1 }
        return elements[start..<position]
    }

    /// Whether the subject with `key` has an element; those before it are passed over.
    mutating func contains(_ key: (UInt64, UInt64)) -> Bool {
        !elements(of: key).isEmpty
    }
}
