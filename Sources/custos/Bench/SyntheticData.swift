import CSV
import CustosCore
import Foundation

/// Made-up pupils and contacts for benchmarks: valid UPNs, nobody real.
enum SyntheticData {
    static let pupilHeading =
        "Pupil Name,UPN,Gender,FSM,Disadvantaged,SEN,Ethnicity,Class Name,KS2 Reading Mark,KS2 Maths Mark,KS2 Reading TA,KS2 Maths TA,KS2 APS,Subjects,Grades"

    /// A valid UPN for `number` (LA 801, year 05).
    static func upn(_ number: Int) -> String {
        let body = "801" + pad(number / 1000 % 10_000, 4) + "05" + pad(number % 1000, 3)
        var sum = 0
        for (offset, character) in body.enumerated() { sum += (offset + 2) * (character.wholeNumberValue ?? 0) }
        return String(Array("ABCDEFGHJKLMNPQRTUVWXYZ")[sum % 23]) + body
    }

    static func email(_ number: Int) -> String { "contact\(number)@school\(number % 997).sch.uk" }

    static func writePupils(count: Int, to url: URL) throws {
        try write(to: url, heading: pupilHeading, count: count) { number in
            let sen = ["N", "K", "E"][number % 3]
            return
                "Pupil \(number) Surname,\(upn(number)),\(number % 2 == 0 ? "F" : "M"),\(number % 4 == 0 ? "Y" : "N"),N,\(sen),WBRI,7\(number % 8),\(90 + number % 30),\(88 + number % 31),EXS,EXS,\(95 + number % 20).5,Maths;English;Science,5;6;4"
        }
    }

    static func writeContacts(count: Int, to url: URL) throws {
        try write(to: url, heading: "Name,School name,Contact email address,Job title", count: count) { number in
            "Contact \(number),School \(number % 997),\(email(number)),Teacher"
        }
    }

    static func reader(_ url: URL) throws -> CSVReader {
        guard let stream = InputStream(url: url) else { throw CommandFailure(message: "cannot read \(url.path)") }
        return try CSVReader(stream: stream, hasHeaderRow: true)
    }

    private static func write(to url: URL, heading: String, count: Int, row: (Int) -> String) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CommandFailure(message: "cannot write \(url.path)")
        }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var buffer = heading + "\n"
        for number in 0..<count {
            buffer += row(number) + "\n"
            if buffer.utf8.count > 1 << 20 {
                try handle.write(contentsOf: Data(buffer.utf8))
                buffer = ""
            }
        }
        try handle.write(contentsOf: Data(buffer.utf8))
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
