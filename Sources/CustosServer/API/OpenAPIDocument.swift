import Foundation
import HTTPTypes

/// The API's OpenAPI 3.1 description, served at `/api/v1/openapi.json`: the file
/// `Resources/openapi.json`, compiled into the program. A test checks that it names exactly the
/// routes the router has, with the same methods, and the OpenAPI validator checks the file itself.
enum OpenAPIDocument {
    static let json = String(decoding: PackageResources.openapi_json, as: UTF8.self)

    /// One path of the document: its segments (nil where it names a parameter) and its methods.
    struct Path: Sendable {
        var segments: [String?]
        var methods: [HTTPRequest.Method]

        /// Whether `path`, split at its slashes, is this path with some values for its parameters.
        func matches(_ path: [Substring]) -> Bool {
            path.count == segments.count && zip(segments, path).allSatisfy { $0.0 == nil || $0.0! == $0.1 }
        }
    }

    /// Every path of the document, with its methods (sorted); as the router does, a path whose
    /// segment is named (`/subjects/search`) comes before one with a parameter there
    /// (`/subjects/{subject}`), so the first that matches an address is the route that serves it.
    static let paths: [Path] = {
        guard let document = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
            let paths = document["paths"] as? [String: [String: Any]]
        else { preconditionFailure("the OpenAPI document shipped with Custos does not read") }
        return paths.map { path, operations in
            Path(
                segments: path.split(separator: "/").map { $0.hasPrefix("{") ? nil : String($0) },
                methods: operations.keys.sorted().compactMap { HTTPRequest.Method($0.uppercased()) })
        }
        .sorted { $0.segments.map { $0 == nil }.lexicographicallyPrecedes($1.segments.map { $0 == nil }) { !$0 && $1 } }
    }()
}
