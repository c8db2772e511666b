import CSV
public import Foundation
import Mustache

/// Writes an ``AccessPackage`` as the files a person receives: an intelligible, printable report
/// (`report.html`), the same content as data (`data.json`), and every value as a table
/// (`records.csv`).
public struct AccessPackageWriter: Sendable {
    /// Parsed once: a package is written for every access request.
    private static let template = {
        // The template is a constant of this module; a failure to parse it is a programming error.
        try! MustacheTemplate(string: AccessPackageTemplate.html)
    }()
    private let report: MustacheTemplate

    public init() {
        report = Self.template
    }

    /// The files, by name.
    public func files(_ package: AccessPackage) throws -> [(name: String, data: Data)] {
        [
            ("report.html", Data(html(package).utf8)),
            ("data.json", try json(package)),
            ("records.csv", Data(try csv(package).utf8)),
        ]
    }

    /// The report, standing alone (its stylesheet inline).
    public func html(_ package: AccessPackage) -> String {
        let day = Self.LongDay()
        var page: [String: Any] = [
            "controller": package.controller,
            "heading": package.answer == .educationalRecord
                ? "The educational record held by \(package.controller)"
                : "Your personal data held by \(package.controller)",
            "access": package.answer == .access,
            "educationalRecord": package.answer == .educationalRecord,
            "generated": day.string(from: package.generatedAt),
            "hasAutomatedDecisions": !package.automatedDecisions.isEmpty,
            "automatedDecisions": package.automatedDecisions,
            "records": package.records.map { record in
                [
                    "typeName": record.typeName, "role": record.role, "source": record.source,
                    "created": day.string(from: record.createdAt), "updated": day.string(from: record.updatedAt),
                    "fields": record.fields.map { ["label": $0.label, "value": $0.value] },
                    "uses": record.uses.map { use in
                        var entry: [String: Any] = ["purpose": use.purpose, "lawfulBasis": use.lawfulBasis]
                        if let decision = use.automatedDecision { entry["automatedDecision"] = decision }
                        return entry
                    },
                    "hasRecipients": !record.recipients.isEmpty,
                    "recipients": record.recipients.joined(separator: "; "),
                    "hasRetention": !record.retention.isEmpty,
                    "retention": record.retention.joined(separator: "; "),
                    "hasStatements": !record.statements.isEmpty,
                    "statements": record.statements,
                    "earlier": record.earlier.map { version in
                        [
                            "asOf": day.string(from: version.asOf),
                            "fields": version.fields.map { ["label": $0.label, "value": $0.value] },
                        ] as [String: Any]
                    },
                ] as [String: Any]
            },
            "hasRecords": !package.records.isEmpty,
            "hasConsents": !package.consents.isEmpty,
            "consents": package.consents.map {
                [
                    "when": day.string(from: $0.recordedAt), "purpose": $0.purpose, "channel": $0.channel,
                    "list": $0.list, "action": $0.action, "source": $0.source,
                ]
            },
            "hasStates": !package.processingStates.isEmpty,
            "states": package.processingStates,
            "hasDisclosures": !package.disclosures.isEmpty,
            "disclosures": package.disclosures.map {
                ["recipient": $0.recipient, "on": $0.on, "what": $0.what, "ground": $0.ground]
            },
            "hasWithheld": !package.withheld.isEmpty,
            "withheld": package.withheld.map { ["ground": $0.ground, "reference": $0.reference] },
            "hasMessages": !package.messages.isEmpty,
            "messages": package.messages.map {
                ["template": $0.template, "purpose": $0.purpose, "events": $0.events.joined(separator: "; ")]
            },
        ]
        if let contact = package.controllerContact { page["contact"] = contact }
        if let received = package.requestReceived { page["received"] = received.long }
        if let fee = package.copyFee { page["copyFee"] = fee }
        return report.render(page)
    }

    /// The package as JSON, keys sorted, dates in ISO 8601.
    public func json(_ package: AccessPackage) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(package)
    }

    /// One row per value held: record, type, role, field, value, then the person's statements and
    /// the values of earlier versions; lines ended with CRLF.
    public func csv(_ package: AccessPackage) throws -> String {
        try CSVText.write { writer in
            try writer.write(row: ["record", "record type", "role", "field", "value"])
            for record in package.records {
                for field in record.fields {
                    try writer.write(row: [
                        record.id.uuidString, record.typeName, record.role, field.label, field.value,
                    ])
                }
                for statement in record.statements {
                    try writer.write(row: [
                        record.id.uuidString, "\(record.typeName) (your statement)", record.role, "statement",
                        statement,
                    ])
                }
                for version in record.earlier {
                    let asOf = CalendarDay(version.asOf, in: CalendarDay.clockTimeZone).iso
                    for field in version.fields {
                        try writer.write(row: [
                            record.id.uuidString, "\(record.typeName) (as it was on \(asOf))", record.role, field.label,
                            field.value,
                        ])
                    }
                }
            }
        }
    }

    /// Times as the day they fell on in England and Wales, "3 November 2026".
    private struct LongDay {
        func string(from time: Date) -> String { CalendarDay(time, in: CalendarDay.clockTimeZone).long }
    }
}
