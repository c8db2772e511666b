import Foundation
import Hummingbird

/// The fields of an `application/x-www-form-urlencoded` body, in order, repeated names kept.
struct FormBody {
    var fields: [(name: String, value: String)]

    init(_ text: String) {
        fields = text.split(separator: "&").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decoded(_ part: Substring) -> String? {
                part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
            }
            guard let name = decoded(parts[0]) else { return nil }
            return (name, parts.count > 1 ? decoded(parts[1]) ?? "" : "")
        }
    }

    /// Reads a form body of at most 64 KiB.
    static func read(_ request: Request) async throws -> FormBody {
        let buffer = try await request.body.collect(upTo: 64 * 1024)
        return FormBody(String(buffer: buffer))
    }

    func values(_ name: String) -> [String] { fields.filter { $0.name == name }.map(\.value) }

    func value(_ name: String) -> String? { values(name).first }
}
