import CustosServices
import Hummingbird

/// Mounts the JSON API at `/api/v1`: its OpenAPI document open to all, everything else behind an
/// API token, every failure answered as an ``ApiError``.
struct ApiRoutes {
    let installation: Installation
    let vaults: VaultCache

    func add(to router: Router<AppRequestContext>) {
        let api = router.group("api/v1").add(middleware: ApiErrorMiddleware())
        api.get("openapi.json") { _, _ in
            TextResponse(body: OpenAPIDocument.json, contentType: "application/json; charset=utf-8")
        }
        let authenticated = api.group()
            .add(middleware: RequestReadsMiddleware(installation: installation))
            .add(middleware: ApiTokenAuthenticator(tokens: installation.accessTokens, vaults: vaults))
        ApiSchoolsController().addRoutes(to: authenticated)
        ApiSubjectsController().addRoutes(to: authenticated)
        ApiRecordsController().addRoutes(to: authenticated)
        ApiContactsController().addRoutes(to: authenticated)
        ApiRequestsController().addRoutes(to: authenticated)
        ApiErasureController().addRoutes(to: authenticated)
        ApiRightsController().addRoutes(to: authenticated)
        ApiLegalHoldsController().addRoutes(to: authenticated)
        ApiTasksController().addRoutes(to: authenticated)
        ApiSchoolCalendarController().addRoutes(to: authenticated)
        // A method a path does not take, and a path the API lacks, are answered by ApiMethodsMiddleware.
    }
}
