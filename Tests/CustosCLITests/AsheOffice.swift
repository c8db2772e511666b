import Foundation
import Testing

/// An ASHE workspace in a folder of its own, with one head, Ann, imported as the office would:
/// what the command-line scenarios start from.
struct AsheOffice {
    /// The temporary folder; removed when the scenario ends.
    let folder: URL
    /// `--data` and the data folder, for every command.
    let options: [String]
    /// Ann's subject id.
    let ann: String

    /// Runs `body` with a fresh office, and removes the folder after.
    static func with(_ body: (AsheOffice) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("custos-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let options = ["--data", folder.appendingPathComponent("data").path]
        #expect(try Custos.run(["init", "--policy", "Examples/ashe.yaml"] + options).status == 0)
        let csv = folder.appendingPathComponent("members.csv")
        try "Name,School postal address,Head's Email Address\nAnn Head,1 Lane,ann@school.example\n"
            .write(to: csv, atomically: true, encoding: .utf8)
        #expect(
            try Custos.run(["import", "--type", "member_contact", "--purpose", "booking_admin", csv.path] + options)
                .status == 0)
        let ann = try Custos.run(["subject", "find", "--email", "ann@school.example"] + options).output
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try await body(AsheOffice(folder: folder, options: options, ann: ann))
    }
}
