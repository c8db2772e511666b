import CustosStorage
import Foundation

extension SubjectStretch {
    /// What a subject id (a 16-byte BLOB) must be greater than to be in the stretch: the id
    /// before it, or the one-byte BLOB 0x00, which every 16-byte id follows (BLOBs compare by
    /// their bytes, then the shorter first). Not the empty BLOB, which may be bound as NULL.
    var lowestBlob: Data {
        after.map { withUnsafeBytes(of: $0.uuid) { Data($0) } } ?? Data([0])
    }

    /// What a subject id must be at most to be in the stretch: its last id, or 17 bytes of 0xFF,
    /// which every 16-byte id precedes.
    var highestBlob: Data {
        through.map { withUnsafeBytes(of: $0.uuid) { Data($0) } } ?? Data(repeating: 0xFF, count: 17)
    }
}
