import Hummingbird

/// A page or document with its media type.
struct TextResponse: ResponseGenerator {
    var body: String
    var contentType: String
    var status: HTTPResponse.Status = .ok

    static func html(_ body: String, status: HTTPResponse.Status = .ok) -> TextResponse {
        TextResponse(body: body, contentType: "text/html; charset=utf-8", status: status)
    }

    func response(from request: Request, context: some RequestContext) -> Response {
        Response(
            status: status,
            headers: [.contentType: contentType],
            body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
