import CustosStorage
import Foundation

extension SubjectStretch {
    /// What a subject id (a 16-byte BLOB) must be greater than to be in the stretch: the id
    /// before it, or the empty BLOB, which every id follows.
    var lowestBlob: Data {
        after.map { withUnsafeBytes(of: $0.uuid) { Data($0) } } ?? Data()
    }

    /// What a subject id must be at most to be in the stretch: its last id, or 17 bytes of 0xFF,
    /// which every 16-byte id precedes.
    var highestBlob: Data {
        through.map { withUnsafeBytes(of: $0.uuid) { Data($0) } } ?? Data(repeating: 0xFF, count: 17)
    }
}
