package import Foundation

/// Turns (blind index, subject) pairs into groups of subjects that share identifiers: subjects
/// linked through any chain of shared identifiers end up in one group, oldest first.
package enum SharedIdentifierGroups {
    /// `pairs` in the order the subjects should be listed within a group.
    package static func groups(_ pairs: [(Data, UUID)]) -> [[UUID]] {
        var parent: [UUID: UUID] = [:]
        func root(_ id: UUID) -> UUID {
            var current = id
            while let next = parent[current], next != current { current = next }
            return current
        }
        var firstByIndex: [Data: UUID] = [:]
        var order: [UUID] = []
        for (index, subject) in pairs {
            if parent[subject] == nil {
                parent[subject] = subject
                order.append(subject)
            }
            if let first = firstByIndex[index] {
                let a = root(first)
                let b = root(subject)
                if a != b { parent[b] = a }
            } else {
                firstByIndex[index] = subject
            }
        }
        var groups: [UUID: [UUID]] = [:]
        var roots: [UUID] = []
        for subject in order {
            let key = root(subject)
            if groups[key] == nil { roots.append(key) }
            groups[key, default: []].append(subject)
        }
        return roots.compactMap { groups[$0] }.filter { $0.count > 1 }
    }
}
