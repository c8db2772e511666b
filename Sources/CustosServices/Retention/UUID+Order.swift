import Foundation

extension UUID {
    /// Whether `self` sorts before `other` by their bytes: a stable order without making text.
    func precedes(_ other: UUID) -> Bool {
        withUnsafeBytes(of: uuid) { left in
            withUnsafeBytes(of: other.uuid) { right in
                left.lexicographicallyPrecedes(right)
            }
        }
    }
}
