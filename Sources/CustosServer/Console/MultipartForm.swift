import Foundation
import Hummingbird
import MultipartKit

/// A `multipart/form-data` body (a form that sends a file), decoded with MultipartKit.
enum MultipartForm {
    /// The boundary named by a `multipart/form-data` content type, or nil for any other type.
    static func boundary(of contentType: String?) -> String? {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard pair.count == 2, pair[0].lowercased() == "boundary" else { continue }
            let value = pair[1]
            return value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2
                ? String(value.dropFirst().dropLast()) : value
        }
        return nil
    }

    /// The parts of `body`, or nil when it is not `multipart/form-data` that can be read.
    static func parts(of body: ByteBuffer, contentType: String?) -> [MultipartPart]? {
        guard let boundary = boundary(of: contentType) else { return nil }
        let parser = MultipartParser(boundary: boundary)
        var parts: [MultipartPart] = []
        var headers = HTTPHeaders()
        var partBody = ByteBuffer()
        parser.onHeader = { name, value in headers.replaceOrAdd(name: name, value: value) }
        parser.onBody = { chunk in partBody.writeBuffer(&chunk) }
        parser.onPartComplete = {
            parts.append(MultipartPart(headers: headers, body: partBody))
            headers = HTTPHeaders()
            partBody = ByteBuffer()
        }
        do {
            try parser.execute(body)
        } catch {
            return nil
        }
        return parts
    }

    /// The text of the part named `name`, if there is one.
    static func value(_ name: String, in parts: [MultipartPart]) -> String? {
        parts.first { $0.name == name }.map { String(buffer: $0.body) }
    }

    /// The file name a part was sent with (its `Content-Disposition`'s `filename`), without any
    /// folder a browser may add.
    static func fileName(of part: MultipartPart) -> String? {
        guard let disposition = part.headers.first(name: "Content-Disposition"),
            let range = disposition.range(of: "filename=\"")
        else { return nil }
        let rest = disposition[range.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        let name = rest[..<end].split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        return name.isEmpty ? nil : name
    }
}
