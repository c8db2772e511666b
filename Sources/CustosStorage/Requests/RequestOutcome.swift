public import CustosCore
public import Foundation

/// What a completed request produced, kept with it in the register (as JSON): for an erasure, its
/// certificate. Holds no personal data, so it outlives the person.
public struct RequestOutcome: Sendable, Equatable, Codable {
    /// A restriction put in place (Art 18).
    public struct Restriction: Sendable, Equatable, Codable {
        /// The purposes restricted, or nil for every purpose.
        public var purposes: [String]?
        public var ground: RestrictionGround

        public init(purposes: [String]?, ground: RestrictionGround) {
            self.purposes = purposes
            self.ground = ground
        }
    }

    /// An objection answered (Art 21): the purposes stopped, and those carried on with the
    /// compelling grounds the DPO recorded.
    public struct Objection: Sendable, Equatable, Codable {
        public struct Continued: Sendable, Equatable, Codable {
            public var purpose: String
            public var grounds: String

            public init(purpose: String, grounds: String) {
                self.purpose = purpose
                self.grounds = grounds
            }
        }

        public var stopped: [String]
        public var continued: [Continued]

        public init(stopped: [String], continued: [Continued]) {
            self.stopped = stopped
            self.continued = continued
        }
    }

    /// A record corrected (Art 16): which, and the names of the fields changed (never the values).
    public struct Rectification: Sendable, Equatable, Codable {
        public var recordID: UUID
        public var fields: [String]

        public init(recordID: UUID, fields: [String]) {
            self.recordID = recordID
            self.fields = fields
        }
    }

    public var erasure: ErasureCertificate?
    public var restriction: Restriction?
    public var objection: Objection?
    public var rectification: Rectification?

    public init(
        erasure: ErasureCertificate? = nil, restriction: Restriction? = nil, objection: Objection? = nil,
        rectification: Rectification? = nil
    ) {
        self.erasure = erasure
        self.restriction = restriction
        self.objection = objection
        self.rectification = rectification
    }

    /// The outcome as stored.
    package func encoded() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// The outcome stored as `text`.
    package static func stored(_ text: String?) throws -> RequestOutcome? {
        guard let text else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(RequestOutcome.self, from: Data(text.utf8))
        } catch {
            throw StoreError.corruptData("a request's stored outcome does not decode")
        }
    }
}
