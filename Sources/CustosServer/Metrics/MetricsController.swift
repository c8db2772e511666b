import CustosCore
import CustosServices
import Foundation
import Hummingbird
import NIOCore
import Prometheus

/// `GET /metrics`: the registry in Prometheus's text format, with the casework gauges read first.
/// With a token, a caller without `Authorization: Bearer TOKEN` gets a 401 and nothing else.
struct MetricsController {
    let gauges: CaseworkGauges
    let token: String?

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/metrics", use: scrape)
    }

    @Sendable func scrape(_ request: Request, context: AppRequestContext) async throws -> Response {
        if let token {
            let sent = request.headers[.authorization] ?? ""
            guard ConstantTime.equal(Array(sent.utf8), Array("Bearer \(token)".utf8)) else {
                return Response(
                    status: .unauthorized,
                    headers: [.wwwAuthenticate: "Bearer", .contentType: "text/plain; charset=utf-8"],
                    body: .init(
                        byteBuffer: ByteBuffer(string: "send the metrics token as 'Authorization: Bearer ...'\n")))
            }
        }
        try await gauges.refresh()
        return Response(
            status: .ok,
            headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: gauges.registry.emitToBuffer())))
    }
}
