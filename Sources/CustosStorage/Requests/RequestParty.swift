package import CustosCore
public import Foundation

/// Who asked, for a request made on someone else's behalf: the requester's relationship to the
/// person, in their words (`mother`, `foster carer`), and the decision on the person's competence
/// to act for themselves. Personal text: the register keeps it sealed (``SealedText``), under a
/// key of its own sealed under the workspace's requester key; ``Requests/party(of:)`` opens it.
public struct RequestParty: Sendable, Hashable, Codable {
    public var relationship: String
    public var competence: String

    public init(relationship: String, competence: String) {
        self.relationship = relationship
        self.competence = competence
    }

    package static func keyContext(workspaceID: UUID, requestID: UUID) -> Envelope.Context {
        Envelope.Context("request-party-key", workspaceID.uuidString, requestID.uuidString)
    }

    package static func sealContext(workspaceID: UUID, requestID: UUID) -> Envelope.Context {
        Envelope.Context("request-party", workspaceID.uuidString, requestID.uuidString)
    }
}

/// Text sealed under a key of its own (``key``, itself sealed under a workspace key).
public struct SealedText: Sendable, Hashable {
    public var key: Data
    public var sealed: Data

    public init(key: Data, sealed: Data) {
        self.key = key
        self.sealed = sealed
    }
}
