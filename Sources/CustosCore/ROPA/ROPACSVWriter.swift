import CSV
import Foundation

/// Writes a ``RecordOfProcessing`` as CSV.
public struct ROPACSVWriter: Sendable {
    /// How the sheet is laid out.
    public enum Layout: String, Sendable, CaseIterable {
        /// As the ICO's controller template: the contact block in rows 1–6, the column headings in
        /// row 9, one purpose a row from row 10; pastes straight into the ICO spreadsheet.
        case ico
        /// The headings in row 1 and one purpose a row, for tools that read a plain table.
        case table
    }

    public var layout: Layout

    public init(layout: Layout = .ico) {
        self.layout = layout
    }

    /// The CSV text, lines ended with CRLF as RFC 4180 and spreadsheets expect.
    public func csv(_ record: RecordOfProcessing) throws -> String {
        try CSVText.write { writer in
            if layout == .ico {
                for row in contactBlock(record) { try writer.write(row: row) }
                try writer.write(row: [""])
                try writer.write(row: [""])
            }
            try writer.write(row: RecordOfProcessing.columns)
            for row in record.rows { try writer.write(row: row) }
        }
    }

    private func contactBlock(_ record: RecordOfProcessing) -> [[String]] {
        let parties = [record.controller, record.dpo ?? ContactDetails(), record.representative ?? ContactDetails()]
        return [
            ["", "Controller", "Data Protection Officer (if applicable)", "Representative (if applicable)"],
            ["Name"] + parties.map { $0.displayName ?? "" },
            ["Address"] + parties.map { $0.address ?? "" },
            ["Email"] + parties.map { $0.email ?? "" },
            ["Telephone"] + parties.map { $0.phone ?? "" },
            ["ICO registration number", record.icoRegistration ?? "", "", ""],
        ]
    }
}
