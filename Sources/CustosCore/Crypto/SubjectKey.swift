public import Crypto
public import Foundation

/// Each subject's own AES-256-GCM data key. Every part of a record about the person is sealed with
/// it; destroying it (erasure) makes those parts unreadable everywhere, copies included.
public enum SubjectKey {
    public static func generate() -> SymmetricKey { SymmetricKey(size: .bits256) }

    /// The associated data a subject's key is wrapped with.
    public static func wrapContext(workspaceID: UUID, subjectID: UUID) -> Envelope.Context {
        Envelope.Context("subject-key", UUIDText.text(of: workspaceID), UUIDText.text(of: subjectID))
    }

    /// The associated data of one person's part of a record: workspace, record id, type and role.
    public static func recordContext(workspaceID: UUID, recordID: UUID, type: String, role: String) -> Envelope.Context
    {
        Envelope.Context("record", UUIDText.text(of: workspaceID), UUIDText.text(of: recordID), type, role)
    }

    /// The associated data of the originals of a record part's pseudonymised values.
    public static func reidentificationContext(
        workspaceID: UUID, recordID: UUID, type: String, role: String
    ) -> Envelope.Context {
        Envelope.Context(
            "reidentification", UUIDText.text(of: workspaceID), UUIDText.text(of: recordID), type, role)
    }
}
