import CSV
public import CustosCore
import Foundation

/// An audience as a file for a mailing tool, CSV or JSON, written as the export reads it:
/// ``opening()``, then ``members(_:)`` for each batch, then ``closing(_:)``. Nothing but the
/// batch in hand is held, whatever the audience's size.
public struct AudienceWriter: Sendable {
    /// The file formats an audience is written in.
    public enum Format: String, Sendable, CaseIterable {
        case csv
        case json
    }

    public let format: Format
    public let question: ContactQuestion
    private var wroteMember = false

    public init(format: Format, question: ContactQuestion) {
        self.format = format
        self.question = question
    }

    /// The address column's heading: `email`, `phone` or `address` (post).
    static func addressHeading(_ channel: MarketingChannel) -> String {
        channel.identifierKind ?? "address"
    }

    /// What comes before the members. CSV: the heading row (the address, headed by its kind, then
    /// name, subject id, basis; CRLF line ends). JSON: the question and the start of the members.
    public func opening() throws -> String {
        switch format {
        case .csv:
            return try CSVText.write { writer in
                try writer.write(row: [Self.addressHeading(question.channel), "name", "subject_id", "basis"])
            }
        case .json:
            return
                "{\"purpose\":\(try Self.json(question.purpose)),\"channel\":\(try Self.json(question.channel.rawValue)),\"list\":\(try Self.json(question.list)),\"members\":["
        }
    }

    /// One batch of members.
    public mutating func members(_ batch: [AudienceMember]) throws -> String {
        guard !batch.isEmpty else { return "" }
        switch format {
        case .csv:
            return try CSVText.write { writer in
                for member in batch {
                    try writer.write(row: [
                        member.address, member.name ?? "", member.subjectID.uuidString.lowercased(),
                        member.reason.rawValue,
                    ])
                }
            }
        case .json:
            let array = try Self.json(
                batch.map {
                    Member(subject: $0.subjectID, address: $0.address, name: $0.name, basis: $0.reason.rawValue)
                })
            defer { wroteMember = true }
            // The batch's objects, without the array's brackets, after the last batch's.
            return (wroteMember ? "," : "") + array.dropFirst().dropLast()
        }
    }

    /// What comes after the members. JSON: how many, who was left out (reason code → how many)
    /// and how many had no address.
    public func closing(_ summary: AudienceSummary) throws -> String {
        switch format {
        case .csv:
            return ""
        case .json:
            let leftOut = Dictionary(uniqueKeysWithValues: summary.denied.map { ($0.key.rawValue, $0.value) })
            return
                "],\"count\":\(summary.count),\"leftOut\":\(try Self.json(leftOut)),\"withoutAddress\":\(summary.withoutAddress)}\n"
        }
    }

    /// One member in JSON.
    struct Member: Codable, Sendable {
        var subject: UUID
        var address: String
        var name: String?
        var basis: String
    }

    private static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
