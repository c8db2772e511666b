import CustosServices
import Foundation
import Hummingbird

/// The limits on the privacy centre's request and registration forms, which send an email to the
/// address given and put work on the DPO's list: so many from one client address, and so many
/// naming one email address, in the database's windows (``AttemptLimits``), so they hold across
/// servers. A sender over either limit gets a page saying when to try again, and nothing is kept.
enum PublicFormLimits {
    /// Whether one more form from the request's client, naming `email`, is within the limits.
    static func admit(
        _ installation: Installation, from context: AppRequestContext, email: String?
    ) async throws
        -> Bool
    {
        let limits = installation.attemptLimits
        guard try await limits.admit(.publicFormPerAddress, for: context.clientAddress ?? "unknown") else {
            return false
        }
        guard let email else { return true }
        return try await limits.admit(.publicFormPerEmail, for: email.trimmingCharacters(in: .whitespaces))
    }

    /// The answer to a form over a limit.
    static var refusal: Response {
        let minutes = Int(AttemptLimits.Limit.publicFormPerEmail.window / 60)
        var response = SecurityHeadersMiddleware<AppRequestContext>.page(
            for: .tooManyRequests,
            message:
                "Too many forms have been sent from your network, or for this email address. Nothing was sent this time. Try again in \(minutes) minutes, or contact the organisation another way: its privacy notice says how."
        )
        response.headers[.retryAfter] = "\(minutes * 60)"
        return response
    }
}
