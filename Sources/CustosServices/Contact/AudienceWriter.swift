import CSV
import CustosCore
public import Foundation

/// Writes an ``Audience`` for a mailing tool: CSV (one person a row) or JSON (with the counts of
/// those left out and why).
public enum AudienceWriter {
    /// The file formats an audience is written in.
    public enum Format: String, Sendable, CaseIterable {
        case csv
        case json
    }

    /// The audience as text in `format`.
    public static func text(_ audience: Audience, format: Format) throws -> String {
        switch format {
        case .csv: try csv(audience)
        case .json: try json(audience)
        }
    }

    /// The address column's heading: `email`, `phone` or `address` (post).
    static func addressHeading(_ channel: MarketingChannel) -> String {
        channel.identifierKind ?? "address"
    }

    /// Columns: the address (headed by its kind), name, subject id, basis; CRLF line ends.
    public static func csv(_ audience: Audience) throws -> String {
        try CSVText.write { writer in
            try writer.write(row: [addressHeading(audience.question.channel), "name", "subject_id", "basis"])
            for member in audience.members {
                try writer.write(row: [
                    member.address, member.name ?? "", member.subjectID.uuidString.lowercased(), member.reason.rawValue,
                ])
            }
        }
    }

    /// The JSON document the API returns too.
    public static func json(_ audience: Audience) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(Document(audience)), as: UTF8.self) + "\n"
    }

    /// The JSON shape of an audience.
    public struct Document: Codable, Sendable {
        public struct Member: Codable, Sendable {
            public var subject: UUID
            public var address: String
            public var name: String?
            public var basis: String
        }
        public var purpose: String
        public var channel: String
        public var list: String?
        public var count: Int
        public var members: [Member]
        /// Reason code → how many were left out for it.
        public var leftOut: [String: Int]
        public var withoutAddress: Int

        public init(_ audience: Audience) {
            purpose = audience.question.purpose
            channel = audience.question.channel.rawValue
            list = audience.question.list
            count = audience.members.count
            members = audience.members.map {
                Member(subject: $0.subjectID, address: $0.address, name: $0.name, basis: $0.reason.rawValue)
            }
            leftOut = Dictionary(uniqueKeysWithValues: audience.denied.map { ($0.key.rawValue, $0.value) })
            withoutAddress = audience.withoutAddress
        }
    }
}
