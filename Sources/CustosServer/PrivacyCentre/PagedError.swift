import Hummingbird

/// A refusal shown to a person as a page (a bad link, say), with its status.
struct PagedError: HTTPResponseError {
    let page: TextResponse

    init(_ page: TextResponse) {
        self.page = page
    }

    var status: HTTPResponse.Status { page.status }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        page.response(from: request, context: context)
    }
}
