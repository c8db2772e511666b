import CustosCore
import Hummingbird

extension LinkTokenError {
    /// The status of the page a person sees for a refused link: gone when it expired, forbidden
    /// when it was altered or made up, a bad request otherwise.
    var status: HTTPResponse.Status {
        switch self {
        case .expired: .gone
        case .forged: .forbidden
        case .malformed, .wrongKind: .badRequest
        }
    }
}
